// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// H5 runs in WeChat's webview (XWeb/X5, Chromium ≥ 86) and the browsers of phones that run current WeChat
// (iOS ≥ 12): no ES5 down-levelling there (config/h5-browsers.json). The weapp keeps package.json's browserslist.
const h5 = process.env.TARO_ENV === 'h5';
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(h5 ? { targets: require('./config/h5-browsers.json') } : {}) }]],
};
