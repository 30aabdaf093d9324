export default definePageConfig({ navigationBarTitleText: '建言献策统计', enablePageMeta: true });
