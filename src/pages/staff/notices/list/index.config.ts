export default definePageConfig({ navigationBarTitleText: '通知管理', enablePageMeta: true });
