export default definePageConfig({ navigationBarTitleText: '云课堂学习情况', enablePageMeta: true });
