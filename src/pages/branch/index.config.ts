export default definePageConfig({ navigationBarTitleText: '我的党支部', enablePageMeta: true });
