import './components/pageMetaFontSize';
import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { call } from './services/cloud';
import type { ReadAnswer } from './services/gateway';
import { prefetch, prefetchAnswered, screenKey } from './services/screenCache';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  // CLOUD_ENV_ID comes from TARO_APP_CLOUD_ENV at build time; empty means the default environment.
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}

// The home screen's one call is under way before the page mounts (H5: index.html started it before the scripts
// loaded, or it starts now for the home route; the weapp mounts its first page right after launch anyway).
if (process.env.TARO_ENV === 'h5') {
  const page = window as { __yltEarlyHome?: Promise<ReadAnswer>; __yltEarlyHomeRead?: ReadAnswer };
  const route = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  const home = screenKey('catalog', 'home', '{}');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gateway = () => require('./services/gateway') as typeof import('./services/gateway');
  // already read while the scripts loaded: home draws it in its first render
  if (page.__yltEarlyHomeRead) prefetchAnswered(home, gateway().answerOf(page.__yltEarlyHomeRead));
  else if (page.__yltEarlyHome) prefetch(home, () => gateway().gatewayAnswer(page.__yltEarlyHome!));
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
