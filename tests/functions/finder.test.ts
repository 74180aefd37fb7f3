/**
 * The gift finder through the local cloud (issue 13): listGiftIdeas keeps only giftable products with
 * a giftable SKU inside the chosen band (every band, checked against the database), ranks by accepted
 * gifts; the giftStats timer's rankings follow gifts sent through gift.createGift + payment; related
 * products and seasonal collections.
 */
import { DAY_MS, HOUR_MS } from '@domain/clock';
import { isInPriceBand, PRICE_BANDS, type PriceBand } from '@domain/finder/priceBands';
import { NON_GIFTABLE_CATEGORY_IDS } from '@domain/product/categories';
import type { Result } from '@domain/result';
import { seedDevUsers } from '../../scripts/seed-dev-users';
import { startFunctionsHarness, type FunctionsHarness } from './harness';
import { giftTools, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';

jest.setTimeout(240_000);

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['shop', 'giftStats', 'gift', 'payCallback', 'giftExpiry', 'order', 'user', 'refundCallback'],
  });
  seedDevUsers(harness.cloud.db);
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

interface Summary {
  productId: string;
  giftable: boolean;
}
const shop = <T>(event: Record<string, unknown>) => harness.call<Result<T>>('shop', event, 'o-finder-user');
async function okShop<T>(event: Record<string, unknown>): Promise<T> {
  const answer = await shop<T>(event);
  if (!answer.ok) throw new Error(`${JSON.stringify(event)}: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** Every page of listGiftIdeas for the filters. */
async function allIdeas(filters: Record<string, unknown>): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await okShop<{ items: Summary[]; nextCursor: string | null }>({
      action: 'listGiftIdeas',
      ...filters,
      limit: 7,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** From the database itself: on-shelf products of giftable categories with an on-shelf SKU ≤ ¥10,000 in the band. */
function expectedInBand(band: PriceBand): string[] {
  const db = harness.cloud.db;
  const products: Array<{ _id: string; categoryId: string; onShelf: boolean }> = db.find('products', {});
  const skus: Array<{ productId: string; price: number; onShelf: boolean }> = db.find('skus', {}, { limit: 10_000 });
  return products
    .filter((product) => product.onShelf && !NON_GIFTABLE_CATEGORY_IDS.includes(product.categoryId))
    .filter((product) =>
      skus.some(
        (sku) =>
          sku.productId === product._id && sku.onShelf && sku.price <= 1_000_000 && isInPriceBand(sku.price, band),
      ),
    )
    .map((product) => product._id)
    .sort();
}

const runStats = () => t.backend('giftStats', { Type: 'Timer', TriggerName: 'giftStatsHourly' });

describe('listGiftIdeas', () => {
  it.each(PRICE_BANDS.map((band) => [band]))(
    'band %i: exactly the giftable products with a giftable SKU in the band',
    async (band) => {
      const found = await allIdeas({ priceBand: band });
      const ids = found.map((item) => item.productId);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expectedInBand(band));
      expect(ids.length).toBeGreaterThan(0);
      for (const item of found) expect(item.giftable).toBe(true);
    },
  );

  it('keeps jewellery, education and products priced only above ¥10,000 out of every band', async () => {
    const ids = new Set((await allIdeas({})).map((item) => item.productId));
    for (const excluded of ['jewellery-necklace', 'education-coding', 'digital-camera', 'home-massage-chair']) {
      expect(ids.has(excluded)).toBe(false);
    }
    // per-SKU rule: the laptop has SKUs under the cap, so it is an idea in band 6 only
    expect(ids.has('digital-laptop')).toBe(true);
    expect((await allIdeas({ priceBand: 6 })).map((item) => item.productId)).toContain('digital-laptop');
  });

  it('filters by recipient and occasion tags', async () => {
    const found = await allIdeas({ recipient: 'teacher', occasion: 'thanks' });
    expect(found.length).toBeGreaterThan(0);
    for (const item of found) {
      const [doc] = harness.cloud.db.find('products', { _id: item.productId });
      expect(doc.recipientTags).toContain('teacher');
      expect(doc.occasionTags).toContain('thanks');
    }
  });

  it('answers a clear code for values outside the enums', async () => {
    for (const event of [{ recipient: 'boss' }, { occasion: 'wedding' }, { priceBand: 7 }, { priceBand: '2' }]) {
      const answer = await shop({ action: 'listGiftIdeas', ...event });
      expect(answer).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
      expect(answer.ok ? '' : answer.message).toContain(Object.keys(event)[0]);
    }
    expect(await shop({ action: 'giftRanking', kind: 'hot' })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_ARGUMENT',
    });
  });
});

describe('giftStats timer and rankings', () => {
  const giftedCount = async (productId: string, categoryId?: string) => {
    const ranking = await okShop<{ items: Array<{ productId: string; count: number }>; computedAt: number | null }>({
      action: 'giftRanking',
      kind: 'gifted',
      ...(categoryId ? { categoryId } : {}),
    });
    return { count: ranking.items.find((item) => item.productId === productId)?.count ?? 0, ranking };
  };

  it('moves a product’s count by K after K gifts and the timer, overall and in its category', async () => {
    await runStats();
    const before = await giftedCount('books-pen');
    const beforeInCategory = await giftedCount('books-pen', 'books');
    const K = 3;
    for (let i = 0; i < K; i += 1) await t.paidGift('books-pen-sku01');
    // not before the timer runs: the ranking is the stored one
    expect((await giftedCount('books-pen')).count).toBe(before.count);
    await runStats();
    const after = await giftedCount('books-pen');
    expect(after.count).toBe(before.count + K);
    expect((await giftedCount('books-pen', 'books')).count).toBe(beforeInCategory.count + K);
    expect(after.ranking.computedAt).toBeGreaterThan(before.ranking.computedAt ?? 0);
    expect((await giftedCount('books-pen', 'food')).count).toBe(0);
  });

  it('ranks the finder by acceptance: accepted gifts lift a product above one whose gifts were declined', async () => {
    // same tags and band for both: recipient child, band 3 (¥100–200)
    for (let i = 0; i < 2; i += 1) {
      const liked = await t.paidGift('baby-plush-sku01');
      await t.okGift(
        { action: 'acceptGift', giftId: liked.giftId, token: liked.token, address: RECIPIENT_ADDRESS },
        RECIPIENT,
      );
      const refused = await t.paidGift('baby-puzzle-sku01');
      await t.okGift({ action: 'declineGift', giftId: refused.giftId, token: refused.token }, RECIPIENT);
    }
    await runStats();
    const ids = (await allIdeas({ recipient: 'child' })).map((item) => item.productId);
    expect(ids.indexOf('baby-plush')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('baby-plush')).toBeLessThan(ids.indexOf('baby-puzzle'));
    // nobody-gifted products sit between the liked and the refused
    const untouched = ids.find((id) => id !== 'baby-plush' && id !== 'baby-puzzle');
    expect(ids.indexOf(untouched ?? '')).toBeLessThan(ids.indexOf('baby-puzzle'));
  });

  it('lifts a brand with more gifts this week than last into 品牌飙升榜, and keeps a shrinking one out', async () => {
    // last week: 1 gift of 陶然 (home-mug), 2 of 安享 (home-blanket)
    await t.paidGift('home-mug-sku01');
    await t.paidGift('home-blanket-sku01');
    await t.paidGift('home-blanket-sku01');
    await harness.cloud.clock.advance(7 * DAY_MS + HOUR_MS);
    // this week: 3 of 陶然, 1 of 安享
    for (let i = 0; i < 3; i += 1) await t.paidGift('home-mug-sku01');
    await t.paidGift('home-blanket-sku01');
    await runStats();
    const rising = await okShop<{
      items: Array<{ brand: string; count: number; lastWeekCount: number; growth: number }>;
    }>({ action: 'giftRanking', kind: 'risingBrands' });
    expect(rising.items.find((item) => item.brand === '陶然')).toMatchObject({ count: 3, lastWeekCount: 1, growth: 2 });
    expect(rising.items.find((item) => item.brand === '安享')).toBeUndefined();
    const inHome = await okShop<{ items: Array<{ brand: string }> }>({
      action: 'giftRanking',
      kind: 'risingBrands',
      categoryId: 'home',
    });
    expect(inHome.items.map((item) => item.brand)).toContain('陶然');
    const inFood = await okShop<{ items: Array<{ brand: string }> }>({
      action: 'giftRanking',
      kind: 'risingBrands',
      categoryId: 'food',
    });
    expect(inFood.items.map((item) => item.brand)).not.toContain('陶然');
  });

  it('is refused to a user', async () => {
    expect(await harness.call('giftStats', { Type: 'Timer' }, 'o-someone')).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    });
  });
});

describe('listRelated', () => {
  it('lists what the givers of a product also gifted, first', async () => {
    // two givers gift the tea and the notebook
    for (const giver of ['o-cogift-1', 'o-cogift-2']) {
      await t.paidGift('food-tea-sku01', giver);
      await t.paidGift('books-notebook-sku01', giver);
    }
    await runStats();
    const related = await okShop<{ items: Summary[]; source: string }>({
      action: 'listRelated',
      productId: 'food-tea',
    });
    expect(related.items[0]?.productId).toBe('books-notebook');
    expect(related.items.map((item) => item.productId)).not.toContain('food-tea');
    for (const item of related.items) expect(item.giftable).toBe(true);
  });

  it('falls back on products with the same recipient/occasion tags when nobody co-gifted it', async () => {
    const related = await okShop<{ items: Summary[]; source: string }>({
      action: 'listRelated',
      productId: 'fashion-tote',
    });
    expect(related.source).toBe('tags');
    expect(related.items.length).toBeGreaterThan(0);
    const [own] = harness.cloud.db.find('products', { _id: 'fashion-tote' });
    for (const item of related.items) {
      const [doc] = harness.cloud.db.find('products', { _id: item.productId });
      const shares =
        doc.recipientTags.some((tag: string) => own.recipientTags.includes(tag)) ||
        doc.occasionTags.some((tag: string) => own.occasionTags.includes(tag));
      expect(shares).toBe(true);
    }
    expect(await shop({ action: 'listRelated', productId: 'no-such-product' })).toMatchObject({
      ok: false,
      code: 'SHOP.PRODUCT_NOT_FOUND',
    });
  });
});

describe('listSeasonal', () => {
  it('shows the festival collections whose window holds the cloud’s clock', async () => {
    const { collections } = await okShop<{
      collections: Array<{ seasonId: string; startsAt: number; endsAt: number; items: Summary[] }>;
    }>({ action: 'listSeasonal' });
    const now = harness.cloud.clock.now();
    for (const collection of collections) {
      expect(collection.startsAt).toBeLessThanOrEqual(now);
      expect(collection.endsAt).toBeGreaterThan(now);
      for (const item of collection.items) {
        const [doc] = harness.cloud.db.find('products', { _id: item.productId });
        expect(doc.seasonTags).toContain(collection.seasonId);
        expect(item.giftable).toBe(true);
      }
    }
  });
});
