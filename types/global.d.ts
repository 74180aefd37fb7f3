/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const url: string;
  export default url;
}
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  // Only optional additions: server and local-cloud code share these typings.
  interface ProcessEnv {
    /** The platform Taro builds for ('weapp' | 'h5'); inlined at build time. */
    TARO_ENV?: string;
    /** weapp only: origin that site-relative image paths resolve against (config/index.ts). */
    TARO_APP_ASSET_BASE?: string;
    /** weapp only: the cloud env id for wx.cloud.init, '' for DevTools' selected env (config/cloudEnv.ts). */
    TARO_APP_CLOUD_ENV?: string;
  }
}
