/**
 * The bundled `merchant` function's product editor (listProducts / getProduct / saveProduct) and the
 * role check of every merchant action, through the local cloud. The merchant is the seeded
 * 'dev-merchant'.
 */
import type { MerchantProduct, MerchantProductSummary } from '@domain/merchant/product';
import type { Product } from '@domain/contracts';
import type { Result } from '@domain/result';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';

jest.setTimeout(120_000);

const MERCHANT = 'dev-merchant';

let harness: FunctionsHarness;

beforeAll(async () => {
  harness = await startFunctionsHarness({ functions: ['order', 'payCallback', 'merchant', 'shop'] });
});

afterAll(async () => {
  await harness?.stop();
});

const call = <T>(event: Record<string, unknown>, openid = MERCHANT) =>
  harness.call<Result<T>>('merchant', event, openid);

async function okData<T>(event: Record<string, unknown>, openid = MERCHANT): Promise<T> {
  const answer = await call<T>(event, openid);
  if (!answer.ok) throw new Error(`${JSON.stringify(event).slice(0, 200)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

const snapshot = () =>
  JSON.stringify(
    ['products', 'skus', 'orders', 'categories'].map((name) =>
      harness.cloud.db.find(name, {}).sort((a: any, b: any) => String(a._id).localeCompare(String(b._id))),
    ),
  );

const draft = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: '手工香薰蜡烛礼盒',
  categoryId: 'home',
  description: '大豆蜡\n三种香型',
  images: ['/static/products/home-aroma.svg'],
  specNames: ['香型'],
  skus: [
    { specs: { 香型: '玫瑰' }, price: 12_800, stock: 10 },
    { specs: { 香型: '檀木' }, price: 13_800, stock: 5 },
  ],
  onShelf: true,
  ...overrides,
});

describe('merchant role', () => {
  it('refuses every merchant action by a non-merchant and changes nothing', async () => {
    const before = snapshot();
    const product = harness.cloud.db.find('products', {}, { limit: 1 })[0] as { _id: string };
    const events: Array<Record<string, unknown>> = [
      { action: 'listOrders' },
      { action: 'getOrder', orderId: 'o1' },
      { action: 'shipOrder', orderId: 'o1', expressCompany: '顺丰速运', trackingNo: 'SF1234567890123' },
      { action: 'listProducts' },
      { action: 'getProduct', productId: product._id },
      { action: 'saveProduct', ...draft() },
      { action: 'saveProduct', ...draft({ productId: product._id, name: '被改掉的名字' }) },
      { action: 'dashboard' },
    ];
    for (const openid of [TEST_OPENID, 'dev-giver', 'dev-recipient']) {
      for (const event of events) {
        expect({ event: event.action, answer: await call(event, openid) }).toMatchObject({
          event: event.action,
          answer: { ok: false, code: 'COMMON.FORBIDDEN' },
        });
      }
    }
    expect(snapshot()).toBe(before);
  });

  it('tells anybody whether they are a merchant (whoami), and nothing more', async () => {
    expect(await okData({ action: 'whoami' }, TEST_OPENID)).toEqual({ isMerchant: false, name: null });
    expect(await okData({ action: 'whoami' })).toEqual({ isMerchant: true, name: '店主' });
  });
});

describe('saveProduct validation', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a negative price', { skus: [{ specs: { 香型: '玫瑰' }, price: -100, stock: 1 }] }, 'MERCHANT.INVALID_PRICE'],
    ['a zero price', { skus: [{ specs: { 香型: '玫瑰' }, price: 0, stock: 1 }] }, 'MERCHANT.INVALID_PRICE'],
    ['fractional fen', { skus: [{ specs: { 香型: '玫瑰' }, price: 1280.5, stock: 1 }] }, 'MERCHANT.INVALID_PRICE'],
    ['a price as text', { skus: [{ specs: { 香型: '玫瑰' }, price: '12.80', stock: 1 }] }, 'MERCHANT.INVALID_PRICE'],
    ['an absurd price', { skus: [{ specs: { 香型: '玫瑰' }, price: 1e12, stock: 1 }] }, 'MERCHANT.INVALID_PRICE'],
    ['an empty name', { name: '' }, 'MERCHANT.NAME_REQUIRED'],
    ['a blank name', { name: ' \u200b\u3000 ' }, 'MERCHANT.NAME_REQUIRED'],
    ['a name too long', { name: '礼'.repeat(41) }, 'MERCHANT.NAME_TOO_LONG'],
    ['a control character in the name', { name: '香薰\u0007蜡烛' }, 'MERCHANT.INVALID_TEXT'],
    ['a NUL in the description', { description: '好\u0000闻' }, 'MERCHANT.INVALID_TEXT'],
    [
      'half an emoji in a spec value',
      { skus: [{ specs: { 香型: '玫\ud83c' }, price: 100, stock: 1 }] },
      'MERCHANT.INVALID_TEXT',
    ],
    [
      'too many SKUs',
      { skus: Array.from({ length: 51 }, (_, i) => ({ specs: { 香型: `香${i}` }, price: 100, stock: 1 })) },
      'MERCHANT.TOO_MANY_SKUS',
    ],
    ['no SKUs', { skus: [] }, 'MERCHANT.NO_SKUS'],
    [
      'the same spec combination twice',
      {
        skus: [
          { specs: { 香型: '玫瑰' }, price: 100, stock: 1 },
          { specs: { 香型: '玫瑰' }, price: 200, stock: 1 },
        ],
      },
      'MERCHANT.DUPLICATE_SKU',
    ],
    ['a SKU missing a spec', { skus: [{ specs: {}, price: 100, stock: 1 }] }, 'MERCHANT.INVALID_SPECS'],
    ['fractional stock', { skus: [{ specs: { 香型: '玫瑰' }, price: 100, stock: 1.5 }] }, 'MERCHANT.INVALID_STOCK'],
    ['negative stock', { skus: [{ specs: { 香型: '玫瑰' }, price: 100, stock: -1 }] }, 'MERCHANT.INVALID_STOCK'],
    ['an unknown category', { categoryId: 'weapons' }, 'MERCHANT.UNKNOWN_CATEGORY'],
    ['no images', { images: [] }, 'MERCHANT.IMAGE_REQUIRED'],
    ['an image from someone else’s host', { images: ['//evil.example/x.png'] }, 'MERCHANT.INVALID_IMAGE'],
    [
      'an unknown tag',
      { tags: { brand: '', recipientTags: ['enemy'], occasionTags: [], seasonTags: [] } },
      'MERCHANT.INVALID_TAGS',
    ],
    ['an unknown product', { productId: 'no-such-product' }, 'MERCHANT.PRODUCT_NOT_FOUND'],
  ];

  it.each(cases)('refuses %s with a clear code and stores nothing', async (_what, overrides, code) => {
    const before = snapshot();
    const answer = await call({ action: 'saveProduct', ...draft(overrides) });
    expect(answer).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(snapshot()).toBe(before);
  });
});

describe('creating and editing a product', () => {
  it('creates a product with its SKUs; the shop shows it, giftable by its category', async () => {
    const created = await okData<MerchantProduct>({
      action: 'saveProduct',
      ...draft({ tags: { brand: ' 小熊家 ', recipientTags: ['friend'], occasionTags: ['birthday'], seasonTags: [] } }),
    });
    expect(created).toMatchObject({
      name: '手工香薰蜡烛礼盒',
      categoryName: expect.any(String),
      description: '大豆蜡\n三种香型',
      priceMin: 12_800,
      priceMax: 13_800,
      onShelf: true,
      giftable: true,
      giftBlockedReason: null,
      tags: { brand: '小熊家', recipientTags: ['friend'], occasionTags: ['birthday'], seasonTags: [] },
    });
    expect(created.skus.map((sku) => [sku.specs.香型, sku.price, sku.stock, sku.onShelf])).toEqual(
      expect.arrayContaining([
        ['玫瑰', 12_800, 10, true],
        ['檀木', 13_800, 5, true],
      ]),
    );
    const shop = await harness.call<Result<Product>>('shop', { action: 'getProduct', productId: created.productId });
    expect(shop).toMatchObject({ ok: true, data: { name: '手工香薰蜡烛礼盒', priceMin: 12_800, giftable: true } });

    const list = await okData<{ items: MerchantProductSummary[] }>({ action: 'listProducts', limit: 50 });
    expect(list.items.find((item) => item.productId === created.productId)).toMatchObject({
      totalStock: 15,
      skuCount: 2,
      onShelf: true,
    });
  });

  it('says why a jewellery product is not giftable', async () => {
    const ring = await okData<MerchantProduct>({
      action: 'saveProduct',
      ...draft({ categoryId: 'jewellery', name: '银戒指' }),
    });
    expect(ring).toMatchObject({ giftable: false, giftBlockedReason: { code: 'GIFT.CATEGORY_NOT_GIFTABLE' } });
  });

  it('edits price, name and shelf; the shop shows the new price; removed SKUs go off shelf', async () => {
    const created = await okData<MerchantProduct>({ action: 'saveProduct', ...draft() });
    const rose = created.skus.find((sku) => sku.specs.香型 === '玫瑰');
    const sandal = created.skus.find((sku) => sku.specs.香型 === '檀木');
    const edited = await okData<MerchantProduct>({
      action: 'saveProduct',
      ...draft({
        productId: created.productId,
        name: '香薰蜡烛（新版）',
        skus: [
          { skuId: rose!.skuId, specs: rose!.specs, price: 9_900, stock: rose!.stock, expectedStock: rose!.stock },
        ],
      }),
    });
    expect(edited).toMatchObject({ name: '香薰蜡烛（新版）', priceMin: 9_900, priceMax: 9_900 });
    expect(edited.skus.find((sku) => sku.skuId === sandal!.skuId)).toMatchObject({ onShelf: false, stock: 5 });
    const shop = await harness.call<Result<Product>>('shop', { action: 'getProduct', productId: created.productId });
    expect(shop).toMatchObject({ ok: true, data: { priceMin: 9_900, skus: [{ skuId: rose!.skuId, price: 9_900 }] } });

    const offShelf = await okData<MerchantProduct>({
      action: 'saveProduct',
      ...draft({
        productId: created.productId,
        onShelf: false,
        skus: [{ ...rose!, price: 9_900, expectedStock: rose!.stock }],
      }),
    });
    expect(offShelf.onShelf).toBe(false);
    // The shop's page says 已下架 with nothing to pick, and its listings leave the product out.
    expect(await harness.call('shop', { action: 'getProduct', productId: created.productId })).toMatchObject({
      ok: true,
      data: { onShelf: false, skus: [] },
    });
    const listed = await harness.call<Result<{ items: Array<{ productId: string }> }>>('shop', {
      action: 'listProducts',
      categoryId: 'home',
      limit: 50,
    });
    expect(listed.ok && listed.data.items.some((item) => item.productId === created.productId)).toBe(false);
  });

  it('never overwrites stock an order took meanwhile: the edit is refused and the hold stays', async () => {
    const created = await okData<MerchantProduct>({ action: 'saveProduct', ...draft() });
    const rose = created.skus.find((sku) => sku.specs.香型 === '玫瑰')!;
    const address = {
      userName: '李四',
      telNumber: '13900001111',
      provinceName: '北京市',
      cityName: '北京市',
      countyName: '朝阳区',
      detailInfo: '建国路88号',
    };
    const order = await harness.call<Result<{ orderId: string }>>(
      'order',
      { action: 'createOrder', skuId: rose.skuId, quantity: 3, address },
      TEST_OPENID,
    );
    expect(order.ok).toBe(true);
    const held = harness.cloud.db.find('skus', { _id: rose.skuId })[0] as { stock: number; holds: string[] };
    expect(held.stock).toBe(7);

    // The editor still shows 10 and the merchant types 20.
    const stale = await call({
      action: 'saveProduct',
      ...draft({ productId: created.productId, skus: [{ ...rose, stock: 20, expectedStock: 10 }] }),
    });
    expect(stale).toMatchObject({ ok: false, code: 'MERCHANT.STOCK_CHANGED' });
    expect(harness.cloud.db.find('skus', { _id: rose.skuId })[0]).toMatchObject({ stock: 7, holds: held.holds });

    // From what is there now, the change goes through and the hold is untouched.
    const fresh = await okData<MerchantProduct>({
      action: 'saveProduct',
      ...draft({ productId: created.productId, skus: [{ ...rose, stock: 20, expectedStock: 7 }] }),
    });
    expect(fresh.skus.find((sku) => sku.skuId === rose.skuId)?.stock).toBe(20);
    expect(harness.cloud.db.find('skus', { _id: rose.skuId })[0]).toMatchObject({ holds: held.holds });
  });
});
