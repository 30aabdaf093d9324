export default definePageConfig({ navigationBarTitleText: '注销确认', enablePageMeta: true });
