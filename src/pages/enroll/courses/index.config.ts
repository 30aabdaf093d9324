export default definePageConfig({ navigationBarTitleText: '老年大学选课', enablePageMeta: true });
