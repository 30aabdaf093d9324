export default definePageConfig({ navigationBarTitleText: '名单', enablePageMeta: true });
