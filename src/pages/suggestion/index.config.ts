export default definePageConfig({ navigationBarTitleText: '建言献策', enablePageMeta: true });
