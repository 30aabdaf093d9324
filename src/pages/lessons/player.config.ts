export default definePageConfig({ navigationBarTitleText: '云课堂', enablePageMeta: true });
