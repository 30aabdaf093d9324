export default definePageConfig({ navigationBarTitleText: '安排会议', enablePageMeta: true });
