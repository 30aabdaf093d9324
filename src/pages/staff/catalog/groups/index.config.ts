export default definePageConfig({ navigationBarTitleText: '协会与服务队', enablePageMeta: true });
