import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import h5Browsers from './h5-browsers.json';
import devConfig from './dev';
import prodConfig from './prod';

/** The WeChat cloud environment id; empty means the default environment (see docs/weapp.md). */
const cloudEnv = process.env.TARO_APP_CLOUD_ENV ?? '';

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  // TARO_OUTPUT_ROOT builds elsewhere (e.g. a second H5 build beside dist/h5); it gets its own build cache
  const outputRoot = process.env.TARO_OUTPUT_ROOT || `dist/${platform}`;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yinlingtong',
    date: '2025-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    // TARO_SOURCE_ROOT: bench:firstscreen builds its bare comparison page from bench/firstscreen-bare
    sourceRoot: process.env.TARO_SOURCE_ROOT || 'src',
    outputRoot,
    plugins: [path.resolve(__dirname, 'plugins', 'page-font-size.js')],
    defineConstants: { CLOUD_ENV_ID: JSON.stringify(cloudEnv) },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // sitemap.json (app.config sitemapLocation) ships with the weapp only
    copy: { patterns: platform === 'weapp' ? [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true, name: `${platform}-${outputRoot.replace(/[^\w]/g, '_')}` },
    mini: {
      // Sizes are written in rem so they follow the WeChat font setting; no px -> rpx rewriting.
      postcss: { pxtransform: { enable: false, config: {} }, cssModules: { enable: false } },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // the scripts at the end of <body>, after index.html's kept home screen (the shell): the browser paints that
      // before it runs them (deferred scripts in <head> ran first whenever they were in the cache before a frame)
      htmlPluginOption: { inject: 'body', scriptLoading: 'blocking' },
      // the Taro elements only some pages use (src/components/taroHeavy.h5.ts): one chunk those pages share, not
      // a copy in each page's chunk (Taro splits only the first scripts) and nothing in the first scripts
      webpackChain(chain) {
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              taroHeavy: {
                test: /[\\/](?:taroHeavy\.h5\.ts|taro-(?:video|input|textarea|image|rich-text)-core\.js|video-(?:control|danmu)\.js)$/,
                chunks: 'async',
                name: 'taro-heavy',
                priority: 200,
                enforce: true,
              },
            },
          },
        });
      },
      devServer: { host: '127.0.0.1' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        pxtransform: { enable: false, config: {} },
        // the browsers babel.config.js compiles H5 for
        autoprefixer: { enable: true, config: { overrideBrowserslist: h5Browsers } },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
