export default definePageConfig({ navigationBarTitleText: '办理建议', enablePageMeta: true });
