export default definePageConfig({ navigationBarTitleText: '更正时长', enablePageMeta: true });
