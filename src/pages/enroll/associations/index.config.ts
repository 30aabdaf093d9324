export default definePageConfig({ navigationBarTitleText: '协会', enablePageMeta: true });
