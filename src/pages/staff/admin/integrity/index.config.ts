export default definePageConfig({ navigationBarTitleText: '数据核对', enablePageMeta: true });
