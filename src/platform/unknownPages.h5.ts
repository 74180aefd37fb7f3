// Through lifecycle.ts's re-export: the H5 build resolves Taro's hooks there (a direct named import of
// usePageNotFound from '@tarojs/taro' is undefined in the H5 bundle).
import { usePageNotFound } from './lifecycle';

/** H5: nothing to register early; Taro's router calls App onPageNotFound, see `useUnknownPageRedirect`. */
export const redirectUnknownPages = (_redirect: (path: string) => void): void => {};

/**
 * H5: Taro's router (browser mode; the local cloud answers every path with index.html) calls App
 * onPageNotFound when no route matches, which reaches this hook in the App component.
 */
export const useUnknownPageRedirect = (redirect: (path: string) => void): void => {
  usePageNotFound((res) => redirect(res.path));
};
