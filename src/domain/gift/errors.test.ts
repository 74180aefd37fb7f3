import { GiftEligibilityErrors } from '@domain/product/errors';
import { GiftErrors } from './errors';

describe('gift error codes', () => {
  it('are all distinct GIFT.* codes with Chinese messages', () => {
    const specs = Object.values(GiftErrors);
    expect(new Set(specs.map((spec) => spec.code)).size).toBe(specs.length);
    for (const spec of specs) {
      expect(spec.code).toMatch(/^GIFT\.[A-Z_]+$/);
      expect(spec.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('share the two eligibility codes and messages with product eligibility', () => {
    expect(GiftErrors.CATEGORY_NOT_GIFTABLE).toEqual(GiftEligibilityErrors.CATEGORY_NOT_GIFTABLE);
    expect(GiftErrors.PRICE_TOO_HIGH).toEqual(GiftEligibilityErrors.PRICE_TOO_HIGH);
  });

  it('give the recipient refusals distinct messages', () => {
    const refusals = [
      GiftErrors.INVALID_TOKEN,
      GiftErrors.ALREADY_ACCEPTED,
      GiftErrors.EXPIRED,
      GiftErrors.DECLINED,
      GiftErrors.OWN_GIFT,
    ];
    expect(new Set(refusals.map((spec) => spec.message)).size).toBe(refusals.length);
  });
});
