export default definePageConfig({
  navigationBarTitleText: '我送出的礼物',
  // 发送给朋友 shares this page's card (useShareAppMessage) as a private message.
  enableShareAppMessage: true,
  // The native countdown exists only in the mini program; H5 uses the React fallback
  // (components/ExpiryCountdown/index.tsx).
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { countdown: '../../../../native/countdown/index' } } : {}),
});
