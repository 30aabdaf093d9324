export default definePageConfig({ navigationBarTitleText: '服务队详情', enablePageMeta: true });
