/**
 * Whether a failure means "this does not exist" (GIFT.NOT_FOUND, ORDER.NOT_FOUND, SHOP.PRODUCT_NOT_FOUND,
 * COMMON.NOT_FOUND …: every code ending in NOT_FOUND). Such a page offers 返回首页; any other failure
 * (network, busy service) offers 重试.
 */
export const isNotFoundCode = (code: string | undefined): boolean => code !== undefined && /NOT_FOUND$/.test(code);
