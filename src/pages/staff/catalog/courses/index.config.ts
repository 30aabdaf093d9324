export default definePageConfig({ navigationBarTitleText: '学期与课程', enablePageMeta: true });
