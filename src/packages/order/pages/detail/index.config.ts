export default definePageConfig({
  navigationBarTitleText: '订单详情',
  // The native countdown exists only in the mini program; H5 uses the React fallback.
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { countdown: '../../../../native/countdown/index' } } : {}),
});
