/**
 * Which catalogue items may be sent as a gift (see docs/gift-rules.md, "Who can gift what"):
 * not jewellery or education/training, and a chosen SKU's unit price of at most ¥10,000.
 */
import { GIFT_MAX_UNIT_PRICE_FEN, assertFen, type Fen } from '@domain/money';
import { NON_GIFTABLE_CATEGORY_IDS, NON_GIFTABLE_CATEGORY_NAMES } from './categories';
import { GiftEligibilityErrors, type GiftBlockCode } from './errors';

/** A category given by id, or as a document/contract object (whichever fields it has). */
export type CategoryRef =
  string | { categoryId?: string; _id?: string; name?: string; categoryName?: string; giftable?: boolean };

export type GiftEligibility = { allowed: true } | { allowed: false; code: GiftBlockCode; message: string };

const ALLOWED: GiftEligibility = { allowed: true };
const blocked = (spec: { code: GiftBlockCode; message: string }): GiftEligibility => ({
  allowed: false,
  code: spec.code,
  message: spec.message,
});

/** Whether the category allows gifting at all. */
export function isCategoryGiftable(category: CategoryRef): boolean {
  if (typeof category === 'string') return !NON_GIFTABLE_CATEGORY_IDS.includes(category);
  const id = category.categoryId ?? category._id;
  // a product-like object carries its category's name as categoryName (its own name is the product's)
  const name = category.categoryName ?? category.name;
  if (category.giftable === false) return false;
  if (id !== undefined && NON_GIFTABLE_CATEGORY_IDS.includes(id)) return false;
  if (name !== undefined && NON_GIFTABLE_CATEGORY_NAMES.includes(name)) return false;
  return true;
}

export const isPriceGiftable = (unitPriceFen: Fen): boolean => {
  assertFen(unitPriceFen, 'unitPriceFen');
  return unitPriceFen <= GIFT_MAX_UNIT_PRICE_FEN;
};

/** May one unit at `unitPriceFen` of this category be gifted? The category rule is checked first. */
export function giftEligibility(category: CategoryRef, unitPriceFen: Fen): GiftEligibility {
  if (!isCategoryGiftable(category)) return blocked(GiftEligibilityErrors.CATEGORY_NOT_GIFTABLE);
  if (!isPriceGiftable(unitPriceFen)) return blocked(GiftEligibilityErrors.PRICE_TOO_HIGH);
  return ALLOWED;
}

/**
 * A product as a whole is giftable when its category is and at least one of its SKUs is priced
 * within the limit (the giver then picks such a SKU). With no SKUs nothing is within the limit,
 * so the price rule blocks it.
 */
export function productGiftEligibility(category: CategoryRef, skuPricesFen: readonly Fen[]): GiftEligibility {
  if (!isCategoryGiftable(category)) return blocked(GiftEligibilityErrors.CATEGORY_NOT_GIFTABLE);
  if (!skuPricesFen.some(isPriceGiftable)) return blocked(GiftEligibilityErrors.PRICE_TOO_HIGH);
  return ALLOWED;
}
