/**
 * One run of the gift statistics: two aggregations over the gifts collection (per-product counts,
 * co-gifting), then the rankings, the finder's acceptance scores on the products and the related
 * lists, stored as one generation in giftStats.
 */
import { DAY_MS } from '@domain/clock';
import {
  ACCEPTANCE_WINDOW_MS,
  ACCEPTED_STATUSES,
  CO_GIFTING_PRODUCTS_PER_GIVER,
  CO_GIFTING_WINDOW_MS,
  DECLINED_STATUSES,
  EXPIRED_STATUSES,
  RANKING_SIZE,
  RANKING_WEEK_MS,
  RELATED_SIZE,
  UNGIFTED_SCORE,
  acceptanceScore,
  risingBrands,
} from '@domain/finder/stats';
import type { GiftedRankingItem, RisingBrandItem } from '@domain/finder/views';
import type { ProductRecord } from '@domain/product/types';
import { findProductRecordsById, listCategoryRecords, resetGiftScoresBefore, writeGiftScores } from '@server/catalogue';
import { publishStats, type StatsEntry } from '@server/giftStats';
import { aggregateCoGifting, aggregateProductGiftCounts, type ProductGiftCounts } from '@server/gifts/store';

const ID_BATCH = 1000;
/** the per-product counts are aggregated a day of payments at a time */
const COUNT_SLICE_MS = DAY_MS;

export interface StatsReport {
  computedAt: number;
  productsGifted: number;
  giftsThisWeek: number;
  rankings: number;
  relatedLists: number;
  ms: { counts: number; products: number; scores: number; coGifting: number; publish: number; total: number };
}

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
};

async function productsById(ids: readonly string[]): Promise<Map<string, ProductRecord>> {
  const found = new Map<string, ProductRecord>();
  for (const batch of chunks(ids, ID_BATCH)) {
    for (const product of await findProductRecordsById(batch)) found.set(product._id, product);
  }
  return found;
}

interface Row extends ProductGiftCounts {
  product: ProductRecord;
}

function giftedRanking(rows: readonly Row[]): GiftedRankingItem[] {
  return rows
    .filter((row) => row.thisWeek > 0)
    .sort(
      (a, b) => b.thisWeek - a.thisWeek || b.product.sales - a.product.sales || a.productId.localeCompare(b.productId),
    )
    .slice(0, RANKING_SIZE)
    .map((row, index) => ({
      rank: index + 1,
      productId: row.productId,
      name: row.product.name,
      image: row.product.images[0] ?? '',
      categoryId: row.product.categoryId,
      priceMin: row.product.priceMin,
      count: row.thisWeek,
    }));
}

function brandRanking(rows: readonly Row[]): RisingBrandItem[] {
  const brandOf = (row: Row) => row.product.brand ?? '';
  return risingBrands(rows.map((row) => ({ brand: brandOf(row), thisWeek: row.thisWeek, lastWeek: row.lastWeek }))).map(
    (entry, index) => {
      const top = rows
        .filter((row) => brandOf(row) === entry.brand)
        .sort((a, b) => b.thisWeek - a.thisWeek || a.productId.localeCompare(b.productId))[0];
      return {
        rank: index + 1,
        brand: entry.brand,
        name: entry.brand,
        count: entry.thisWeek,
        lastWeekCount: entry.lastWeek,
        growth: entry.growth,
        productId: top?.productId ?? '',
        image: top?.product.images[0] ?? '',
      };
    },
  );
}

/** One aggregation request per day of the window (each stays short), summed per product here. */
async function productCountsBySlice(
  window: Parameters<typeof aggregateProductGiftCounts>[0],
): Promise<ProductGiftCounts[]> {
  const sums = new Map<string, ProductGiftCounts>();
  for (let since = window.since; since < window.until; since += COUNT_SLICE_MS) {
    const rows = await aggregateProductGiftCounts({
      ...window,
      since,
      until: Math.min(window.until, since + COUNT_SLICE_MS),
    });
    for (const row of rows) {
      const sum = sums.get(row.productId);
      if (!sum) {
        sums.set(row.productId, { ...row });
        continue;
      }
      sum.accepted += row.accepted;
      sum.declined += row.declined;
      sum.expired += row.expired;
      sum.thisWeek += row.thisWeek;
      sum.lastWeek += row.lastWeek;
    }
  }
  return [...sums.values()];
}

export async function computeGiftStats(now: number): Promise<StatsReport> {
  const started = Date.now();
  const lap = (() => {
    let last = started;
    return () => {
      const at = Date.now();
      const spent = at - last;
      last = at;
      return spent;
    };
  })();

  const weekStart = now - RANKING_WEEK_MS;
  const counts = await productCountsBySlice({
    since: Math.min(now - ACCEPTANCE_WINDOW_MS, weekStart - RANKING_WEEK_MS),
    until: now + 1,
    lastWeekStart: weekStart - RANKING_WEEK_MS,
    weekStart,
    accepted: ACCEPTED_STATUSES,
    declined: DECLINED_STATUSES,
    expired: EXPIRED_STATUSES,
  });
  const countsMs = lap();

  const products = await productsById(counts.map((row) => row.productId));
  const rows: Row[] = counts.flatMap((row) => {
    const product = products.get(row.productId);
    return product ? [{ ...row, product }] : [];
  });
  const productsMs = lap();

  // acceptance scores, one update per distinct score; everything not scored now goes back to neutral
  const byScore = new Map<number, string[]>();
  for (const row of rows) {
    const score = acceptanceScore(row);
    if (score === UNGIFTED_SCORE) continue;
    byScore.set(score, [...(byScore.get(score) ?? []), row.productId]);
  }
  for (const [score, ids] of byScore) {
    for (const batch of chunks(ids, ID_BATCH)) await writeGiftScores(score, batch, now);
  }
  await resetGiftScoresBefore(now, UNGIFTED_SCORE);
  const scoresMs = lap();

  const coGifted = await aggregateCoGifting({
    since: now - CO_GIFTING_WINDOW_MS,
    perGiver: CO_GIFTING_PRODUCTS_PER_GIVER,
    size: RELATED_SIZE,
  });
  const coGiftingMs = lap();

  const categories = await listCategoryRecords();
  const inCategory = (categoryId: string) => rows.filter((row) => row.product.categoryId === categoryId);
  const entries: StatsEntry<unknown>[] = [
    { kind: 'ranking', key: 'gifted:all', items: giftedRanking(rows) },
    { kind: 'ranking', key: 'risingBrands:all', items: brandRanking(rows) },
    ...categories.flatMap((category): StatsEntry<unknown>[] => [
      { kind: 'ranking', key: `gifted:${category._id}`, items: giftedRanking(inCategory(category._id)) },
      { kind: 'ranking', key: `risingBrands:${category._id}`, items: brandRanking(inCategory(category._id)) },
    ]),
  ];
  const rankings = entries.length;
  for (const row of coGifted) entries.push({ kind: 'related', key: row.productId, items: row.related });
  await publishStats(now, entries);
  const publishMs = lap();

  return {
    computedAt: now,
    productsGifted: rows.length,
    giftsThisWeek: rows.reduce((sum, row) => sum + row.thisWeek, 0),
    rankings,
    relatedLists: coGifted.length,
    ms: {
      counts: countsMs,
      products: productsMs,
      scores: scoresMs,
      coGifting: coGiftingMs,
      publish: publishMs,
      total: Date.now() - started,
    },
  };
}
