export default definePageConfig({
  navigationBarTitleText: '送礼物',
  // The native countdown (src/native/countdown) exists only in the mini program; H5 uses the React
  // fallback that components/ExpiryCountdown/index.tsx provides.
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { countdown: '../../native/countdown/index' } } : {}),
});
