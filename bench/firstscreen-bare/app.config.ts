// The bare Taro 4 page bench:firstscreen compares the home screen with: one page, no cloud, built with the
// project's own config (TARO_SOURCE_ROOT=bench/firstscreen-bare).
export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '银龄通', navigationBarBackgroundColor: '#9b2226', navigationBarTextStyle: 'white' },
});
