export default definePageConfig({ navigationBarTitleText: '确认身份', enablePageMeta: true });
