/**
 * The real bundled `shop` function, run by the local cloud, called through the gateway.
 * Expectations are derived from the seed catalogue definition, not hard-coded lists.
 */
import type { Category, Product, ProductSummary } from '@domain/contracts';
import type { Result } from '@domain/result';
import { buildCatalogue } from '../../scripts/catalogue/build';
import { startFunctionsHarness, type FunctionsHarness } from './harness';

jest.setTimeout(60_000);

const catalogue = buildCatalogue();
const onShelf = catalogue.products.filter((product) => product.onShelf);
/** sales, highest first; ties in seed (insertion) order, which is the index order */
const bySalesDesc = (a: (typeof onShelf)[number], b: (typeof onShelf)[number]) =>
  b.sales - a.sales || onShelf.indexOf(a) - onShelf.indexOf(b);

let harness: FunctionsHarness;

beforeAll(async () => {
  harness = await startFunctionsHarness({ functions: ['shop'] });
});

afterAll(async () => {
  await harness?.stop();
});

const shop = <T>(event: Record<string, unknown>) => harness.call<Result<T>>('shop', event);

async function okData<T>(event: Record<string, unknown>): Promise<T> {
  const answer = await shop<T>(event);
  if (!answer.ok) throw new Error(`${JSON.stringify(event)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

type Page = { items: ProductSummary[]; nextCursor: string | null };

/** Follows nextCursor to the end; returns every page. */
async function allPages(request: Record<string, unknown>): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null | undefined;
  do {
    const page: Page = await okData<Page>({ action: 'listProducts', ...request, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('paging does not end');
  } while (cursor);
  return pages;
}

const idsOf = (pages: Page[]) => pages.flatMap((page) => page.items.map((item) => item.productId));

describe('shop.listCategories', () => {
  it('lists the categories in display order with the gift rule applied', async () => {
    const categories = await okData<Category[]>({ action: 'listCategories' });
    expect(categories.map((category) => category.categoryId)).toEqual(
      [...catalogue.categories].sort((a, b) => a.sort - b.sort).map((category) => category._id),
    );
    const giftable = Object.fromEntries(categories.map((category) => [category.name, category.giftable]));
    expect(giftable['珠宝首饰']).toBe(false);
    expect(giftable['教育培训']).toBe(false);
    expect(giftable['美食饮品']).toBe(true);
    expect(categories[0]).toEqual({
      categoryId: 'food',
      name: '美食饮品',
      icon: '/static/products/category-food.svg',
      giftable: true,
    });
  });
});

describe('shop.listProducts', () => {
  it('pages through every on-shelf product with cursors: no duplicates, no gaps, default order by sales', async () => {
    const pages = await allPages({ limit: 7 });
    const ids = idsOf(pages);
    expect(ids).toEqual([...onShelf].sort(bySalesDesc).map((product) => product._id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.slice(0, -1).every((page) => page.items.length === 7)).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    expect(ids).not.toContain('food-xmas-2025');
  });

  it('defaults to 20 per page and ends exactly at the last item', async () => {
    const first = await okData<Page>({ action: 'listProducts' });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const foodCount = onShelf.filter((product) => product.categoryId === 'food').length;
    expect(foodCount % 2).toBe(0);
    const halves = await allPages({ categoryId: 'food', limit: foodCount / 2 });
    expect(halves.map((page) => page.items.length)).toEqual([foodCount / 2, foodCount / 2]);
    expect(halves.map((page) => page.nextCursor === null)).toEqual([false, true]);
    const whole = await allPages({ categoryId: 'food', limit: foodCount });
    expect(whole).toHaveLength(1);
  });

  it('keeps ties in a stable order across pages', async () => {
    const ids = idsOf(await allPages({ sort: 'sales', limit: 1 }));
    const tie = ['home-mug', 'baby-puzzle'];
    expect(ids.filter((id) => tie.includes(id))).toEqual(tie);
    expect(ids).toHaveLength(onShelf.length);
  });

  it('filters by category', async () => {
    const items = (await allPages({ categoryId: 'food', limit: 4 })).flatMap((page) => page.items);
    expect(items.map((item) => item.productId).sort()).toEqual(
      onShelf
        .filter((product) => product.categoryId === 'food')
        .map((product) => product._id)
        .sort(),
    );
    expect(items.every((item) => item.categoryId === 'food')).toBe(true);
    await expect(okData<Page>({ action: 'listProducts', categoryId: 'no-such-category' })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it.each([
    ['priceAsc', (a: ProductSummary, b: ProductSummary) => a.priceMin - b.priceMin],
    ['priceDesc', (a: ProductSummary, b: ProductSummary) => b.priceMin - a.priceMin],
    ['sales', (a: ProductSummary, b: ProductSummary) => b.sales - a.sales],
  ])('sorts by %s across pages', async (sort, compare) => {
    const items = (await allPages({ sort, limit: 9 })).flatMap((page) => page.items);
    expect(items).toHaveLength(onShelf.length);
    for (let index = 1; index < items.length; index += 1) {
      const [previous, current] = [items[index - 1], items[index]];
      if (!previous || !current) throw new Error('missing item');
      expect(compare(previous, current)).toBeLessThanOrEqual(0);
    }
  });

  it('sorts within a category', async () => {
    const items = (await allPages({ categoryId: 'digital', sort: 'priceAsc', limit: 2 })).flatMap((page) => page.items);
    expect(items.map((item) => item.priceMin)).toEqual(
      onShelf
        .filter((product) => product.categoryId === 'digital')
        .map((product) => product.priceMin)
        .sort((a, b) => a - b),
    );
  });

  it('summarises products for cards, with giftability', async () => {
    const items = (await allPages({ limit: 50 })).flatMap((page) => page.items);
    const item = (id: string) => items.find((summary) => summary.productId === id);
    expect(item('food-tea')).toEqual({
      productId: 'food-tea',
      name: '明前西湖龙井 特级',
      categoryId: 'food',
      image: '/static/products/food-tea-1.svg',
      priceMin: 39_800,
      priceMax: 76_800,
      sales: 860,
      giftable: true,
    });
    expect(item('digital-camera')?.giftable).toBe(false);
    expect(item('digital-laptop')?.giftable).toBe(true);
    expect(item('jewellery-necklace')?.giftable).toBe(false);
    expect(item('education-calligraphy')?.giftable).toBe(false);
  });

  it('searches product names and category names', async () => {
    const search = async (keyword: string, extra: Record<string, unknown> = {}) =>
      idsOf(await allPages({ keyword, limit: 50, ...extra })).sort();
    expect(await search('巧克力')).toEqual(['food-chocolate']);
    // 鲜花 only appears in the category name 鲜花绿植
    expect(await search('鲜花')).toEqual(
      onShelf
        .filter((product) => product.categoryId === 'flowers')
        .map((product) => product._id)
        .sort(),
    );
    expect(await search('scratch')).toEqual(['education-coding']);
    expect(await search('玫瑰', { categoryId: 'flowers' })).toEqual(['flowers-roses']);
    expect(await search('礼盒', { categoryId: 'beauty' })).toEqual(['beauty-hand-cream', 'beauty-skincare-set']);
    expect(await search('圣诞')).toEqual([]);
  });

  it('treats regex characters in the keyword as text', async () => {
    for (const keyword of ['.*', '(', '[a-z]+', '\\', '^']) {
      await expect(okData<Page>({ action: 'listProducts', keyword })).resolves.toEqual({ items: [], nextCursor: null });
    }
    expect(idsOf(await allPages({ keyword: '《红楼梦》' }))).toEqual(['books-classic']);
    expect(idsOf(await allPages({ keyword: '100%' }))).toEqual(['fashion-scarf']);
  });

  it('ignores a blank keyword', async () => {
    expect(idsOf(await allPages({ keyword: '   ', limit: 50 }))).toHaveLength(onShelf.length);
  });
});

describe('shop.getProduct', () => {
  it('returns the product with its SKUs, spec names and gift status', async () => {
    const product = await okData<Product>({ action: 'getProduct', productId: 'digital-laptop' });
    const expected = catalogue.products.find((item) => item._id === 'digital-laptop');
    expect(product).toMatchObject({
      productId: 'digital-laptop',
      name: expected?.name,
      categoryId: 'digital',
      categoryName: '数码电器',
      images: expected?.images,
      detailImages: expected?.detailImages,
      description: expected?.description,
      onShelf: true,
      giftable: true,
      specNames: ['内存', '硬盘'],
      priceMin: 699_900,
      priceMax: 1_249_900,
    });
    expect(product).not.toHaveProperty('giftBlockedReason');
    expect(product.skus).toEqual([
      { skuId: 'digital-laptop-sku01', specs: { 内存: '16GB', 硬盘: '512GB' }, price: 699_900, stock: 30 },
      { skuId: 'digital-laptop-sku02', specs: { 内存: '16GB', 硬盘: '1TB' }, price: 799_900, stock: 30 },
      { skuId: 'digital-laptop-sku03', specs: { 内存: '32GB', 硬盘: '512GB' }, price: 1_099_900, stock: 30 },
      { skuId: 'digital-laptop-sku04', specs: { 内存: '32GB', 硬盘: '1TB' }, price: 1_249_900, stock: 0 },
    ]);
  });

  it('explains why a product cannot be gifted', async () => {
    const camera = await okData<Product>({ action: 'getProduct', productId: 'digital-camera' });
    expect(camera.giftable).toBe(false);
    expect(camera.giftBlockedReason).toEqual({
      code: 'GIFT.PRICE_TOO_HIGH',
      message: '单价超过¥10,000的商品不支持送礼',
    });

    const necklace = await okData<Product>({ action: 'getProduct', productId: 'jewellery-necklace' });
    expect(necklace.giftBlockedReason?.code).toBe('GIFT.CATEGORY_NOT_GIFTABLE');
    const course = await okData<Product>({ action: 'getProduct', productId: 'education-ielts' });
    expect(course.giftBlockedReason?.code).toBe('GIFT.CATEGORY_NOT_GIFTABLE');

    // exactly ¥10,000.00 is still allowed
    const teaTable = await okData<Product>({ action: 'getProduct', productId: 'home-tea-table' });
    expect(teaTable.giftable).toBe(true);
    expect(teaTable.skus.map((sku) => sku.price)).toEqual([1_000_000, 1_280_000]);
  });

  it('leaves off-shelf SKUs out and keeps sold-out ones with stock 0', async () => {
    const earbuds = await okData<Product>({ action: 'getProduct', productId: 'digital-earbuds' });
    expect(earbuds.skus.map((sku) => sku.specs['颜色'])).toEqual(['星光白', '曜石黑']);
    const preserved = await okData<Product>({ action: 'getProduct', productId: 'flowers-preserved' });
    expect(preserved.skus.map((sku) => sku.stock)).toEqual([36, 0, 2]);
  });

  it('still answers for an off-shelf product, marked as such', async () => {
    const product = await okData<Product>({ action: 'getProduct', productId: 'food-xmas-2025' });
    expect(product.onShelf).toBe(false);
  });

  it('answers SHOP.PRODUCT_NOT_FOUND for an unknown product', async () => {
    await expect(shop({ action: 'getProduct', productId: 'no-such-product' })).resolves.toEqual({
      ok: false,
      code: 'SHOP.PRODUCT_NOT_FOUND',
      message: '商品不存在或已下架',
    });
  });
});

describe('bad input', () => {
  it('never echoes a long action back', async () => {
    const answer = await shop({ action: 'y'.repeat(5000) });
    expect(answer).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
    expect(answer.ok || answer.message.length).toBeLessThan(80);
  });

  it.each([
    [{ action: 'listProducts', limit: 0 }, 'COMMON.INVALID_ARGUMENT', 'limit 不能小于 1'],
    [{ action: 'listProducts', limit: 1000 }, 'COMMON.INVALID_ARGUMENT', 'limit 不能大于 50'],
    [{ action: 'listProducts', limit: 'x' }, 'COMMON.INVALID_ARGUMENT', 'limit 应为数字'],
    [{ action: 'listProducts', limit: 2.5 }, 'COMMON.INVALID_ARGUMENT', 'limit 应为整数'],
    [{ action: 'listProducts', sort: 'cheapest' }, 'COMMON.INVALID_ARGUMENT', 'sort 取值无效'],
    [{ action: 'listProducts', cursor: 'not a cursor' }, 'COMMON.INVALID_ARGUMENT', 'cursor 格式不正确'],
    [{ action: 'listProducts', cursor: 'bzk5OTk5OQ' }, 'COMMON.INVALID_ARGUMENT', 'cursor 无效'],
    [{ action: 'listProducts', categoryId: 42 }, 'COMMON.INVALID_ARGUMENT', 'categoryId 应为字符串'],
    [{ action: 'getProduct' }, 'COMMON.INVALID_ARGUMENT', '缺少 productId'],
    [{ action: 'getProduct', productId: '' }, 'COMMON.INVALID_ARGUMENT', 'productId'],
    [{ action: 'listProducts', keyword: '巧克\u0000力' }, 'COMMON.INVALID_ARGUMENT', '搜索关键词包含不可见的控制字符'],
    [{ action: 'listProducts', keyword: '\uD800' }, 'COMMON.INVALID_ARGUMENT', '搜索关键词包含无法显示的字符'],
    [{ action: 'listProducts', categoryId: 'food\u0000' }, 'COMMON.INVALID_ARGUMENT', 'categoryId'],
    [{ action: 'getProduct', productId: 'food-tea\u0000' }, 'COMMON.INVALID_ARGUMENT', 'productId'],
    [{ action: 'deleteEverything' }, 'COMMON.UNKNOWN_ACTION', 'shop.deleteEverything'],
    [{}, 'COMMON.UNKNOWN_ACTION', '缺少 action'],
  ])('%j → %s', async (event, code, message) => {
    const answer = await shop(event);
    expect(answer).toMatchObject({ ok: false, code });
    expect(answer.ok || answer.message).toContain(message);
  });
});

describe('indexes', () => {
  it('serves the listing queries from database/indexes.json', () => {
    // the query shapes server/catalogue.ts sends for listProducts
    const explain = (query: object, order: [string, 1 | -1][]) =>
      harness.cloud.db.explain('products', query, order, { limit: 21 });
    expect(explain({ onShelf: true, categoryId: 'food' }, [['sales', -1]]).index).toBe('categoryId_1_sales_-1');
    expect(explain({ onShelf: true, categoryId: 'food' }, [['priceMin', 1]]).index).toBe('categoryId_1_priceMin_1');
    expect(explain({ onShelf: true, categoryId: 'food' }, [['priceMin', -1]]).index).toBe('categoryId_1_priceMin_1');
    expect(explain({ onShelf: true }, [['sales', -1]]).index).toBe('sales_-1');
    expect(explain({ onShelf: true }, [['priceMin', -1]]).index).toBe('priceMin_1');
    expect(harness.cloud.db.explain('skus', { productId: 'food-tea' }, []).index).toBe('productId_1');
  });
});
