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

// The home screen's one call is under way before the page mounts (H5: index.html started it before the scripts
// loaded, or it starts now for the home route; the weapp mounts its first page right after launch anyway).
if (process.env.TARO_ENV === 'h5') {
  const early = (window as { __yltEarlyHome?: Promise<Response> }).__yltEarlyHome;
  const route = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  const home = screenKey('catalog', 'home', '{}');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (early) prefetch(home, () => (require('./services/gateway') as typeof import('./services/gateway')).gatewayAnswer(early));
  else if (route === '' || route === '/' || route === '/pages/index/index') prefetch(home, () => call('catalog', 'home', {}));
  // The home page ships in the first script, not in a chunk the router fetches after boot: the router's import()
  // of it then resolves at once, and the modules every page shares are loaded once instead of once per page chunk.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./pages/index/index');
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
