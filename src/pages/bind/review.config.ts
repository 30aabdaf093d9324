export default definePageConfig({ navigationBarTitleText: '申请登记', enablePageMeta: true });
