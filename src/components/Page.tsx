import type { PropsWithChildren } from 'react';
import { useEffect } from 'react';
import { PageMeta, View } from '@tarojs/components';
import { H5NavBar } from './H5NavBar';
import { useDidShow } from '@tarojs/taro';
import { selectTab, type TabKey } from '../services/tabBar';
import { h5RootFontSize, useLargeText, weappRootFontSize } from '../services/textSize';
import { TabBar } from './TabBar';

/**
 * Every screen's root: follows WeChat's font setting (page-meta, weapp) and the in-app large-text switch.
 * Page configs must set enablePageMeta: true. A tab page names its tab: it is marked selected in the tab bar
 * (custom-tab-bar in the weapp; in H5 the bar is drawn here) and the content leaves room for the bar.
 */
export function Page({ tab, children }: PropsWithChildren<{ tab?: TabKey }>) {
  const [large] = useLargeText();
  useDidShow(() => {
    if (tab) selectTab(tab);
  });
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    document.documentElement.style.fontSize = h5RootFontSize(large);
    // Taro's H5 page is a scrolling box: let keyboard users focus it to scroll (WCAG 2.1.1).
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((el) => {
      el.tabIndex = 0;
    });
    // every piece of content sits in a landmark: the tab bar is the app's navigation
    document.querySelectorAll<HTMLElement>('.taro-tabbar__tabbar:not([role])').forEach((el) => {
      el.setAttribute('role', 'navigation');
      el.setAttribute('aria-label', '底部导航');
    });
  }, [large]);
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? <PageMeta pageFontSize='system' rootFontSize={weappRootFontSize(large)} /> : null}
      <View className={['page', large ? 'page--large' : '', tab ? 'page--tab' : ''].filter(Boolean).join(' ')}>
        <H5NavBar />
        <View role='main'>{children}</View>
      </View>
      {tab && process.env.TARO_ENV === 'h5' ? <TabBar /> : null}
    </>
  );
}
