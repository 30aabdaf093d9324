import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { goBack, goTo, isTabRoute } from '../services/routes';
import { TapButton } from './TapButton';

/**
 * H5 only: a clear 返回 and 回首页 on every page that is not a tab page (the weapp has its own bar with a back
 * arrow, and a home button when a page is opened directly).
 */
export function H5NavBar() {
  const { path } = useRouter();
  if (process.env.TARO_ENV !== 'h5' || isTabRoute(path)) return null;
  return (
    <View className='h5-nav' role='navigation' aria-label='页面导航'>
      <TapButton className='h5-nav__button' onClick={() => goBack('home')}>
        ‹ 返回
      </TapButton>
      <TapButton className='h5-nav__button' onClick={() => goTo('home')}>
        回首页
      </TapButton>
    </View>
  );
}
