export default definePageConfig({ navigationBarTitleText: '签到码', enablePageMeta: true });
