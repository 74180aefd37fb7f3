export default definePageConfig({
  navigationBarTitleText: '我的心愿单',
  // 分享给好友 shares the list's read-only link as a chat card (useShareAppMessage).
  enableShareAppMessage: true,
});
