import { defineErrors } from '@domain/errors';

/**
 * Why a product or SKU cannot be sent as a gift. The codes are shared with the gift area
 * (src/domain/gift/errors.ts): keep the codes and messages the same in both tables.
 */
export const GiftEligibilityErrors = defineErrors('GIFT', {
  CATEGORY_NOT_GIFTABLE: '珠宝首饰、教育培训类商品不支持送礼',
  PRICE_TOO_HIGH: '单价超过¥10,000的商品不支持送礼',
});

export type GiftBlockCode = (typeof GiftEligibilityErrors)[keyof typeof GiftEligibilityErrors]['code'];

/** Failures of the shop function (catalogue browsing). */
export const ShopErrors = defineErrors('SHOP', {
  PRODUCT_NOT_FOUND: '商品不存在或已下架',
});
