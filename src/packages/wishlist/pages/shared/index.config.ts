export default definePageConfig({
  navigationBarTitleText: '好友的心愿单',
});
