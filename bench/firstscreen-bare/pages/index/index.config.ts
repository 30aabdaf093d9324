export default definePageConfig({ navigationBarTitleText: '银龄通' });
