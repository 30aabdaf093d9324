export default definePageConfig({ navigationBarTitleText: '建言献策工作台', enablePageMeta: true });
