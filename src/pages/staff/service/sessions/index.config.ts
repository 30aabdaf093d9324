export default definePageConfig({ navigationBarTitleText: '志愿服务时段', enablePageMeta: true });
