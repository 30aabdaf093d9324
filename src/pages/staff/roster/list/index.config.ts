export default definePageConfig({ navigationBarTitleText: '花名册', enablePageMeta: true });
