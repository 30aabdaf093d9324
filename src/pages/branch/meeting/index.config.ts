export default definePageConfig({ navigationBarTitleText: '支部会议', enablePageMeta: true });
