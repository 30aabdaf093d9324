/**
 * The in-app large-text switch: kept in local storage and applied by <Page> on every screen by scaling the
 * root font size (all our sizes are rem). In weapp it rides on page-meta's root-font-size; in H5 on <html>.
 */
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'largeText';
export const LARGE_TEXT_SCALE = 1.35;

type Listener = (large: boolean) => void;
const listeners = new Set<Listener>();

export function isLargeText(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

export function setLargeText(large: boolean): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, large);
  } catch {
    // Storage full or unavailable: the switch still applies for this session.
  }
  listeners.forEach((listener) => listener(large));
}

/** The current setting; re-renders when it changes anywhere in the app. */
export function useLargeText(): [boolean, (large: boolean) => void] {
  const [large, setLarge] = useState(isLargeText);
  useEffect(() => {
    listeners.add(setLarge);
    setLarge(isLargeText());
    return () => {
      listeners.delete(setLarge);
    };
  }, []);
  return [large, useCallback((value: boolean) => setLargeText(value), [])];
}

/** weapp page-meta root-font-size: WeChat's own setting, scaled up when the switch is on. */
export function weappRootFontSize(large: boolean): string {
  if (!large) return 'system';
  let base = 16;
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) base = info.fontSizeSetting;
  } catch {
    // keep the standard size
  }
  return `${Math.round(base * LARGE_TEXT_SCALE)}px`;
}

/** H5 <html> font size: the browser's own size, scaled up when the switch is on. */
export function h5RootFontSize(large: boolean): string {
  return large ? `${LARGE_TEXT_SCALE * 100}%` : '';
}
