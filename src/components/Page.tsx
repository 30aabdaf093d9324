import type { PropsWithChildren } from 'react';
import { useEffect } from 'react';
import { PageMeta, View } from '@tarojs/components';
import { h5RootFontSize, useLargeText, weappRootFontSize } from '../services/textSize';

/**
 * Every screen's root: follows WeChat's font setting (page-meta, weapp) and the in-app large-text switch.
 * Page configs must set enablePageMeta: true.
 */
export function Page({ children }: PropsWithChildren) {
  const [large] = useLargeText();
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    document.documentElement.style.fontSize = h5RootFontSize(large);
    // Taro's H5 page is a scrolling box: let keyboard users focus it to scroll (WCAG 2.1.1).
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((el) => {
      el.tabIndex = 0;
    });
  }, [large]);
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? <PageMeta pageFontSize='system' rootFontSize={weappRootFontSize(large)} /> : null}
      <View className={large ? 'page page--large' : 'page'}>{children}</View>
    </>
  );
}
