export default definePageConfig({ navigationBarTitleText: '送学上门', enablePageMeta: true });
