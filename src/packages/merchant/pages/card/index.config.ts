export default definePageConfig({ navigationBarTitleText: '打印贺卡' });
