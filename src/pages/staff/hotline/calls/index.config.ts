export default definePageConfig({ navigationBarTitleText: '服务热线', enablePageMeta: true });
