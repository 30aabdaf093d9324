export default definePageConfig({ navigationBarTitleText: '记录来电', enablePageMeta: true });
