/**
 * Fixes the platform for page tests: the H5 build's environment (TARO_ENV=h5 is what the H5 build
 * inlines), the fake gateway as fetch, clean storage. Runs before each test file.
 */
import { fakeFetch } from './gateway';

// What the H5 build's DefinePlugin inlines (webpack5-runner H5WebpackPlugin.getDefinePlugin).
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';
process.env.SUPPORT_TARO_POLYFILL = 'disabled';
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled';
Object.assign(globalThis, { DEPRECATED_ADAPTER_COMPONENT: false });

Object.defineProperty(globalThis, 'fetch', { value: fakeFetch, writable: true, configurable: true });

// jsdom has no IntersectionObserver; Taro's <Image lazyLoad> observes visibility with it. Nothing is
// ever "visible" here, which is fine: tests assert on the src attribute, not on loaded pixels.
class InertIntersectionObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}
Object.defineProperty(globalThis, 'IntersectionObserver', {
  value: InertIntersectionObserver,
  writable: true,
  configurable: true,
});
