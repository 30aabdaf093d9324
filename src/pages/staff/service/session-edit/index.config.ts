export default definePageConfig({ navigationBarTitleText: '新建时段', enablePageMeta: true });
