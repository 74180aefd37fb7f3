/**
 * weapp (and any non-H5 build): no developer tools. Taro resolves devTools.h5.tsx for the H5 build,
 * so the dev user switcher never reaches the mini program package (tests/weapp checks the bundle).
 */
export const mountDevTools = (): void => {};
