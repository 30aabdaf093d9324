import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/** Reloads a tab page each time it comes back into view (not on its first showing, which loads anyway). */
export function useRefreshOnShow(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}
