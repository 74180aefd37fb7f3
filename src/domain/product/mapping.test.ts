import { toCategory, toProduct, toProductSummary } from './mapping';
import type { ProductRecord, SkuRecord } from './types';

const product = (overrides: Partial<ProductRecord> = {}): ProductRecord => ({
  _id: 'p1',
  name: '轻薄笔记本',
  categoryId: 'digital',
  categoryName: '数码电器',
  images: ['/static/products/p1-1.svg', '/static/products/p1-2.svg'],
  description: '描述',
  detailImages: ['/static/products/p1-detail.svg'],
  priceMin: 699_900,
  priceMax: 1_249_900,
  sales: 10,
  onShelf: true,
  specNames: ['内存'],
  createdAt: new Date(0),
  ...overrides,
});

const sku = (id: string, price: number, overrides: Partial<SkuRecord> = {}): SkuRecord => ({
  _id: id,
  productId: 'p1',
  specs: { 内存: id },
  price,
  stock: 5,
  sales: 1,
  onShelf: true,
  ...overrides,
});

describe('mapping', () => {
  it('maps categories with the gift rule', () => {
    expect(toCategory({ _id: 'jewellery', name: '珠宝首饰', icon: '/i.svg', sort: 1, giftable: false })).toEqual({
      categoryId: 'jewellery',
      name: '珠宝首饰',
      icon: '/i.svg',
      giftable: false,
    });
    expect(toCategory({ _id: 'food', name: '美食饮品', icon: '', sort: 1, giftable: true }).giftable).toBe(true);
  });

  it('summarises a product with its cover and giftability', () => {
    expect(toProductSummary(product())).toEqual({
      productId: 'p1',
      name: '轻薄笔记本',
      categoryId: 'digital',
      image: '/static/products/p1-1.svg',
      priceMin: 699_900,
      priceMax: 1_249_900,
      sales: 10,
      giftable: true,
    });
    expect(toProductSummary(product({ priceMin: 1_000_001 })).giftable).toBe(false);
    expect(toProductSummary(product({ categoryId: 'education', categoryName: '教育培训' })).giftable).toBe(false);
    expect(toProductSummary(product({ images: [] })).image).toBe('');
  });

  it('builds the product page from on-shelf SKUs only', () => {
    const page = toProduct(product(), [
      sku('16G', 699_900),
      sku('32G', 1_249_900),
      sku('64G', 99_900, { onShelf: false }),
      sku('other', 100, { productId: 'p2' }),
    ]);
    expect(page.skus.map((item) => item.skuId)).toEqual(['16G', '32G']);
    expect(page.skus[0]).toEqual({ skuId: '16G', specs: { 内存: '16G' }, price: 699_900, stock: 5 });
    expect([page.priceMin, page.priceMax]).toEqual([699_900, 1_249_900]);
    expect(page.giftable).toBe(true);
    expect(page).not.toHaveProperty('giftBlockedReason');
  });

  it('explains why a product cannot be gifted', () => {
    const tooExpensive = toProduct(product(), [sku('a', 1_299_900), sku('b', 1_599_900)]);
    expect(tooExpensive.giftable).toBe(false);
    expect(tooExpensive.giftBlockedReason).toEqual({
      code: 'GIFT.PRICE_TOO_HIGH',
      message: '单价超过¥10,000的商品不支持送礼',
    });
    const jewellery = toProduct(product({ categoryId: 'jewellery', categoryName: '珠宝首饰' }), [sku('a', 100)]);
    expect(jewellery.giftBlockedReason?.code).toBe('GIFT.CATEGORY_NOT_GIFTABLE');
  });

  it('clamps negative stock to zero', () => {
    expect(toProduct(product(), [sku('a', 100, { stock: -2 })]).skus[0]?.stock).toBe(0);
  });
});
