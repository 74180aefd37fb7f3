import { defineErrors } from '@domain/errors';
import { GiftErrors } from '@domain/gift/errors';

/** Why a product or SKU cannot be sent as a gift: the gift area's own two codes (one table). */
export const GiftEligibilityErrors = {
  CATEGORY_NOT_GIFTABLE: GiftErrors.CATEGORY_NOT_GIFTABLE,
  PRICE_TOO_HIGH: GiftErrors.PRICE_TOO_HIGH,
} as const;

export type GiftBlockCode = (typeof GiftEligibilityErrors)[keyof typeof GiftEligibilityErrors]['code'];

/** Failures of the shop function (catalogue browsing). */
export const ShopErrors = defineErrors('SHOP', {
  PRODUCT_NOT_FOUND: '商品不存在或已下架',
});
