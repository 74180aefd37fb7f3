export default definePageConfig({ navigationBarTitleText: '店铺管理', enablePullDownRefresh: true });
