export default definePageConfig({ navigationBarTitleText: '入册审核', enablePageMeta: true });
