export default definePageConfig({ navigationBarTitleText: '管理员认领', enablePageMeta: true });
