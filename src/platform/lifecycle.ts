/**
 * Taro's page lifecycle hooks, re-exported so pages import nothing from '@tarojs/taro' (lint rule
 * in eslint.config.js): pages depend on this module, which tests and other platforms can replace.
 */
export {
  useDidShow,
  useDidHide,
  useLaunch,
  useLoad,
  usePageNotFound,
  usePullDownRefresh,
  useReachBottom,
  useRouter,
  useShareAppMessage,
} from '@tarojs/taro';
