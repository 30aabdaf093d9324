export default definePageConfig({ navigationBarTitleText: '出勤和时长', enablePageMeta: true });
