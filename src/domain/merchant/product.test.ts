import { checkProductDraft, giftBlockOf, parsePriceYuan, priceRange, specCombinations } from './product';

const draft = (overrides: Record<string, unknown> = {}) => ({
  name: ' 香薰蜡烛 ',
  categoryId: 'home',
  images: ['/static/products/home-aroma.svg'],
  specNames: ['香型'],
  skus: [{ specs: { 香型: '玫瑰' }, price: 12_800, stock: 3 }],
  onShelf: true,
  ...overrides,
});

const codeOf = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code);

describe('parsePriceYuan', () => {
  it('parses the decimal text into integer fen, never through floats', () => {
    expect(parsePriceYuan('0.1')).toEqual({ ok: true, data: 10 });
    expect(parsePriceYuan('19.99')).toEqual({ ok: true, data: 1999 });
    expect(parsePriceYuan(' 128 ')).toEqual({ ok: true, data: 12_800 });
  });

  it.each(['12.345', '-1', '0', '0.00', 'abc', '', '1e3', '1000000'])('refuses %p', (text) => {
    expect(codeOf(parsePriceYuan(text))).toBe('MERCHANT.INVALID_PRICE');
  });
});

describe('checkProductDraft', () => {
  it('normalises the text and fills the defaults', () => {
    expect(checkProductDraft(draft())).toMatchObject({
      ok: true,
      data: {
        productId: null,
        name: '香薰蜡烛',
        description: '',
        skus: [{ skuId: null, expectedStock: null, onShelf: true }],
        tags: null,
      },
    });
  });

  it.each([
    [{ name: '\u200b' }, 'MERCHANT.NAME_REQUIRED'],
    [{ name: 'a\u0000b' }, 'MERCHANT.INVALID_TEXT'],
    [{ skus: [{ specs: { 香型: '玫瑰' }, price: 0.5, stock: 1 }] }, 'MERCHANT.INVALID_PRICE'],
    [{ skus: [{ specs: { 香型: '玫瑰' }, price: 100, stock: 1, skuId: 's1' }] }, 'MERCHANT.INVALID_STOCK'],
    [{ specNames: ['香型', '香型'] }, 'MERCHANT.INVALID_SPECS'],
    [{ categoryId: '../x' }, 'MERCHANT.UNKNOWN_CATEGORY'],
    [{ onShelf: 'yes' }, 'MERCHANT.INVALID_SPECS'],
  ])('refuses %p with %s', (overrides, code) => {
    expect(codeOf(checkProductDraft(draft(overrides)))).toBe(code);
  });
});

describe('specs, prices and gifting', () => {
  it('makes one combination per pair of values, in order', () => {
    expect(
      specCombinations([
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['S', 'M'] },
      ]),
    ).toEqual([
      { 颜色: '红', 尺码: 'S' },
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'S' },
      { 颜色: '蓝', 尺码: 'M' },
    ]);
    expect(specCombinations([])).toEqual([{}]);
  });

  it('takes the price range from listed SKUs only', () => {
    expect(
      priceRange([
        { price: 100, onShelf: false },
        { price: 300, onShelf: true },
        { price: 200, onShelf: true },
      ]),
    ).toEqual({
      priceMin: 200,
      priceMax: 300,
    });
  });

  it('says why a product cannot be gifted', () => {
    const home = { categoryId: 'home', categoryName: '家居生活' };
    expect(giftBlockOf(home, [{ price: 100, onShelf: true }])).toBeNull();
    expect(
      giftBlockOf({ categoryId: 'jewellery', categoryName: '珠宝首饰' }, [{ price: 100, onShelf: true }]),
    ).toMatchObject({
      code: 'GIFT.CATEGORY_NOT_GIFTABLE',
    });
    expect(giftBlockOf(home, [{ price: 1_000_001, onShelf: true }])).toMatchObject({ code: 'GIFT.PRICE_TOO_HIGH' });
  });
});
