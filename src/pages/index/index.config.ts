export default definePageConfig({
  navigationBarTitleText: '礼物商城',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
