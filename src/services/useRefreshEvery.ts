import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/**
 * Calls reload `seconds` after each new answer (`stamp`) while the screen is shown; stops while it is hidden and
 * reloads at once when it comes back (what it showed is stale by then). `seconds` null: no timer.
 */
export function useRefreshEvery(seconds: number | null, stamp: unknown, reload: () => void): void {
  const [shown, setShown] = useState(true);
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
    setShown(false);
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    setShown(true);
    reload();
  });
  useEffect(() => {
    if (!shown || seconds === null) return undefined;
    const timer = setTimeout(reload, Math.max(1, seconds) * 1000);
    return () => clearTimeout(timer);
  }, [shown, seconds, stamp, reload]);
}
