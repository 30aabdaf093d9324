import { View } from '@tarojs/components';
import { PlainText } from './PlainText';
import { TapLink } from './TapLink';
import Taro from '@tarojs/taro';
import { TABS, openTab, tabLabel, useTabBar } from '../services/tabBar';
import { LARGE_TEXT_SCALE, useLargeText } from '../services/textSize';
import { tabIconMarkup, tabIconUri } from './tabIcons';
import './TabBar.scss';

/**
 * The tab bar both builds show: icon and label per tab, sized in em of its own root, which follows WeChat's font
 * setting and the large-text switch (weapp: from the system font size; H5: 1rem, which the switch scales). The
 * selected tab has a filled icon, a bold label and a bar above it (not colour alone); news shows as a count.
 */
export function TabBar() {
  const { selected, badges } = useTabBar();
  const [large] = useLargeText();
  return (
    <View className={large ? 'tab-bar tab-bar--large' : 'tab-bar'} style={{ fontSize: rootSize(large) }} role='navigation' aria-label='主菜单'>
      {TABS.map((tab) => {
        const on = tab.key === selected;
        const badge = badges[tab.key];
        return (
          <TapLink
            key={tab.key}
            className={on ? 'tab-bar__item tab-bar__item--selected' : 'tab-bar__item'}
            aria-label={tabLabel(tab, on, badge)}
            aria-current={on ? 'page' : undefined}
            pressedClass='tab-bar__item--hover'
            onClick={() => openTab(tab)}
          >
            <View className='tab-bar__icon-box' aria-hidden>
              {process.env.TARO_ENV === 'h5' ? (
                <span className='tab-bar__icon' dangerouslySetInnerHTML={{ __html: tabIconMarkup(tab.key, on) }} />
              ) : (
                <View className='tab-bar__icon' style={{ backgroundImage: `url("${tabIconUri(tab.key, on)}")` }} />
              )}
              {badge > 0 ? <PlainText className='tab-bar__badge'>{badge > 99 ? '99+' : String(badge)}</PlainText> : null}
            </View>
            <PlainText className='tab-bar__label' aria-hidden>
              {tab.text}
            </PlainText>
          </TapLink>
        );
      })}
    </View>
  );
}

/** The bar's root font size: WeChat's own font size in the weapp (16 px standard), the page's rem in H5. */
function rootSize(large: boolean): string {
  // the weapp branch only: H5 then ships without Taro's system-info API (and the user-agent parser it brings)
  if (process.env.TARO_ENV === 'weapp') {
    let base = 16;
    try {
      const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
      if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > base) base = info.fontSizeSetting;
    } catch {
      // keep the standard size
    }
    return `${Math.round(base * (large ? LARGE_TEXT_SCALE : 1))}px`;
  }
  return '1rem';
}
