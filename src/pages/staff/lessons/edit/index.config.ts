export default definePageConfig({ navigationBarTitleText: '云课堂的课', enablePageMeta: true });
