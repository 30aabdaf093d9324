export default definePageConfig({ navigationBarTitleText: '需电话通知', enablePageMeta: true });
