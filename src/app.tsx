import './components/pageMetaFontSize';
import { useEffect, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { followAccountPreferences } from './services/preferences';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  // CLOUD_ENV_ID comes from TARO_APP_CLOUD_ENV at build time; empty means the default environment.
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    void followAccountPreferences();
  }, []);
  return children;
}

export default App;
