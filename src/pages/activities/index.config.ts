export default definePageConfig({ navigationBarTitleText: '活动', enablePageMeta: true });
