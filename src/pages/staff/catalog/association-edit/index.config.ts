export default definePageConfig({ navigationBarTitleText: '发布协会', enablePageMeta: true });
