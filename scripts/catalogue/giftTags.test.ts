import { PRICE_BANDS, giftPriceBandsOf } from '@domain/finder/priceBands';
import { productGiftTagsSchema, OCCASION_TAGS, RECIPIENT_TAGS, SEASON_IDS } from '@domain/finder/tags';
import { isCategoryGiftable } from '@domain/product/gift';
import { buildCatalogue } from './build';
import { buildGiftHistory } from './giftHistory';
import { PRODUCT_GIFT_TAGS } from './giftTags';

const catalogue = buildCatalogue();
const giftable = catalogue.products.filter((product) => product.onShelf && isCategoryGiftable(product));
const bandsOf = (productId: string, categoryGiftable: boolean) =>
  giftPriceBandsOf(
    categoryGiftable,
    catalogue.skus.filter((sku) => sku.productId === productId),
  );

describe('seed catalogue: gift-finder tags', () => {
  it('tags every product with valid, non-empty tags and a brand, and nothing else', () => {
    expect(Object.keys(PRODUCT_GIFT_TAGS).sort()).toEqual(catalogue.products.map((product) => product._id).sort());
    for (const product of catalogue.products) {
      const tags = productGiftTagsSchema.parse({
        brand: product.brand,
        recipientTags: product.recipientTags,
        occasionTags: product.occasionTags,
        seasonTags: product.seasonTags,
      });
      expect(tags.brand).not.toBe('');
      expect(tags.recipientTags.length).toBeGreaterThan(0);
      expect(tags.occasionTags.length).toBeGreaterThan(0);
    }
  });

  it('gives the finder something for every recipient, occasion, band and festival', () => {
    for (const recipient of RECIPIENT_TAGS) {
      expect(giftable.some((product) => product.recipientTags?.includes(recipient))).toBe(true);
    }
    for (const occasion of OCCASION_TAGS) {
      expect(giftable.some((product) => product.occasionTags?.includes(occasion))).toBe(true);
    }
    for (const season of SEASON_IDS) {
      expect(giftable.filter((product) => product.seasonTags?.includes(season)).length).toBeGreaterThanOrEqual(2);
    }
    for (const band of PRICE_BANDS) {
      expect(giftable.some((product) => bandsOf(product._id, true).includes(band))).toBe(true);
    }
  });
});

describe('seed gift history', () => {
  const now = Date.UTC(2026, 11, 1, 4, 0);
  const history = buildGiftHistory(catalogue, now);

  it('is settled gifts of giftable SKUs paid in the last 14 days, each with its gift order', () => {
    expect(history.gifts.length).toBeGreaterThan(100);
    const skus = new Map(catalogue.skus.map((sku) => [sku._id, sku]));
    for (const gift of history.gifts) {
      const paidAt = gift.paidAt as number;
      expect(paidAt).toBeLessThan(now - 24 * 3_600_000);
      expect(paidAt).toBeGreaterThan(now - 14 * 24 * 3_600_000);
      expect(['accepted', 'refundedOnDecline', 'refundedOnExpiry']).toContain(gift.status);
      const sku = skus.get(gift.skuId as string);
      expect(sku?.price).toBe(gift.totalFee);
      const order = history.orders.find((candidate) => candidate._id === gift._id);
      expect(order).toMatchObject({
        kind: 'gift',
        giftId: gift._id,
        totalFee: gift.totalFee,
        openid: gift.giverOpenid,
      });
      expect(order?.status).toBe(gift.status === 'accepted' ? 'completed' : 'cancelled');
    }
    expect(history.orders).toHaveLength(history.gifts.length);
  });

  it('is the same history for the same moment', () => {
    expect(buildGiftHistory(catalogue, now)).toEqual(history);
  });
});
