import Taro from '@tarojs/taro';

/**
 * weapp: an unknown path (an old notification, a mistyped link) goes to `redirect` instead of WeChat's
 * own 页面不存在 screen. Registered with wx.onPageNotFound when app.ts loads, because WeChat honours only
 * a redirect made synchronously inside the callback, and Taro's App hooks (usePageNotFound) run a
 * promise tick later. The H5 build resolves unknownPages.h5.ts.
 */
export const redirectUnknownPages = (redirect: (path: string) => void): void => {
  Taro.onPageNotFound((res) => redirect(res.path));
};

/** weapp: nothing here, see `redirectUnknownPages`. */
export const useUnknownPageRedirect = (_redirect: (path: string) => void): void => {};
