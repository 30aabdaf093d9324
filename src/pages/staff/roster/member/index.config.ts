export default definePageConfig({ navigationBarTitleText: '老同志档案', enablePageMeta: true });
