import { CategoryIds } from './categories';
import { giftEligibility, isCategoryGiftable, productGiftEligibility } from './gift';

describe('giftEligibility', () => {
  it('allows ordinary categories up to ¥10,000 per unit', () => {
    expect(giftEligibility(CategoryIds.food, 100)).toEqual({ allowed: true });
    expect(giftEligibility(CategoryIds.home, 1_000_000)).toEqual({ allowed: true });
  });

  it('blocks a unit price above ¥10,000', () => {
    expect(giftEligibility(CategoryIds.digital, 1_000_001)).toMatchObject({
      allowed: false,
      code: 'GIFT.PRICE_TOO_HIGH',
    });
  });

  it.each([CategoryIds.jewellery, CategoryIds.education])('blocks category %s whatever the price', (categoryId) => {
    expect(giftEligibility(categoryId, 100)).toMatchObject({ allowed: false, code: 'GIFT.CATEGORY_NOT_GIFTABLE' });
    // the category rule is reported first
    expect(giftEligibility(categoryId, 5_000_000)).toMatchObject({ code: 'GIFT.CATEGORY_NOT_GIFTABLE' });
  });

  it('accepts category documents and contract objects', () => {
    expect(isCategoryGiftable({ _id: 'x', name: '珠宝首饰' })).toBe(false);
    expect(isCategoryGiftable({ categoryId: 'x', categoryName: '教育培训' })).toBe(false);
    expect(isCategoryGiftable({ categoryId: 'x', name: '美食饮品', giftable: false })).toBe(false);
    expect(isCategoryGiftable({ categoryId: 'food', name: '美食饮品', giftable: true })).toBe(true);
    expect(giftEligibility({ categoryId: 'jewellery' }, 100)).toMatchObject({ allowed: false });
  });

  it('refuses a fractional price', () => {
    expect(() => giftEligibility(CategoryIds.food, 10.5)).toThrow(RangeError);
  });
});

describe('productGiftEligibility', () => {
  it('is giftable when some SKU is within the limit', () => {
    expect(productGiftEligibility('digital', [699_900, 1_099_900])).toEqual({ allowed: true });
  });

  it('is blocked by price when every SKU is above the limit, or there are none', () => {
    expect(productGiftEligibility('digital', [1_299_900, 1_599_900])).toMatchObject({ code: 'GIFT.PRICE_TOO_HIGH' });
    expect(productGiftEligibility('digital', [])).toMatchObject({ code: 'GIFT.PRICE_TOO_HIGH' });
  });

  it('is blocked by category first', () => {
    expect(productGiftEligibility('jewellery', [39_900])).toMatchObject({
      allowed: false,
      code: 'GIFT.CATEGORY_NOT_GIFTABLE',
      message: '珠宝首饰、教育培训类商品不支持送礼',
    });
  });
});
