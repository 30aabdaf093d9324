/**
 * Taro 4.2's weapp template for <page-meta> lacks the page-font-size attribute, so PageMeta's pageFontSize
 * prop would be dropped. This plugin adds it to the template (the hook @tarojs/plugin-inject uses).
 */
module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform && platform.template;
      if (!template || typeof template.mergeComponents !== 'function') return;
      template.mergeComponents(ctx, { PageMeta: { 'page-font-size': "''" } });
    },
  });
};
