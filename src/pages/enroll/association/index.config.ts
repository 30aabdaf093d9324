export default definePageConfig({ navigationBarTitleText: '协会详情', enablePageMeta: true });
