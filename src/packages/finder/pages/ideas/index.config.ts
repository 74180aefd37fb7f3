export default definePageConfig({
  navigationBarTitleText: '礼物推荐',
  onReachBottomDistance: 100,
});
