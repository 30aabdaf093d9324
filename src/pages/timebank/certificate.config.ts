export default definePageConfig({ navigationBarTitleText: '志愿服务证书', enablePageMeta: true });
