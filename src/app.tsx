import './components/pageMetaFontSize';
import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { call } from './services/cloud';
import { prefetch, screenKey } from './services/screenCache';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  // CLOUD_ENV_ID comes from TARO_APP_CLOUD_ENV at build time; empty means the default environment.
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}

// The home screen's one call starts now, while the app boots, not when the page mounts (H5: the page is the
// hash route; the weapp mounts its first page right after launch anyway).
if (process.env.TARO_ENV === 'h5') {
  const route = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  if (route === '' || route === '/' || route === '/pages/index/index') prefetch(screenKey('catalog', 'home', '{}'), () => call('catalog', 'home', {}));
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
