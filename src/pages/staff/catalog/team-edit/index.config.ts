export default definePageConfig({ navigationBarTitleText: '发布服务队', enablePageMeta: true });
