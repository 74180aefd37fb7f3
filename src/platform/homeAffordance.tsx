/**
 * weapp: nothing to do. WeChat shows its own home button in the navigation bar when a non-tab page is
 * the first page (opened from a chat card, a notification or a scan). The H5 build resolves
 * homeAffordance.h5.tsx instead.
 */
export const mountHomeAffordance = (): void => {};
