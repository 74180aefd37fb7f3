export default definePageConfig({
  navigationBarTitleText: '送礼排行榜',
});
