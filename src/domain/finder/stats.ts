/**
 * What the giftStats timer computes from the gifts collection, and how the finder ranks with it.
 * Pure: the aggregation pipelines live in server/gifts/store.ts, the stored results in server/giftStats.ts.
 */
import { DAY_MS } from '@domain/clock';
import type { GiftStatus } from '@domain/gift/machine';

/** 送礼排行榜 counts the last 7 days; 品牌飙升榜 compares them with the 7 days before. */
export const RANKING_WEEK_MS = 7 * DAY_MS;
/** Acceptance rates and co-gifting look back this far (by payment time). */
export const ACCEPTANCE_WINDOW_MS = 90 * DAY_MS;
export const CO_GIFTING_WINDOW_MS = 90 * DAY_MS;
/** A giver's distinct products considered for co-gifting (the most recent ones): pairs grow with its square. */
export const CO_GIFTING_PRODUCTS_PER_GIVER = 12;
export const RANKING_SIZE = 20;
export const RELATED_SIZE = 6;

/** Gift outcomes that count for acceptance: the recipient took it, or it was turned down / left to expire. */
export const ACCEPTED_STATUSES = ['accepted'] as const satisfies readonly GiftStatus[];
export const DECLINED_STATUSES = [
  'declined',
  'refundingOnDecline',
  'refundedOnDecline',
] as const satisfies readonly GiftStatus[];
export const EXPIRED_STATUSES = [
  'expired',
  'refundingOnExpiry',
  'refundedOnExpiry',
] as const satisfies readonly GiftStatus[];

export interface AcceptanceCounts {
  accepted: number;
  declined: number;
  expired: number;
}

/**
 * The finder's rank key: the acceptance rate with one accepted and one refused gift added
 * (Laplace), so a product with a single accepted gift does not outrank one accepted 40 times out of
 * 41, and a product nobody has gifted yet sits at 0.5, between the liked and the refused. Rounded to
 * 4 decimals so that products with the same score are written together.
 */
export function acceptanceScore(counts: AcceptanceCounts): number {
  const settled = counts.accepted + counts.declined + counts.expired;
  return Math.round(((counts.accepted + 1) / (settled + 2)) * 10_000) / 10_000;
}

export const UNGIFTED_SCORE = acceptanceScore({ accepted: 0, declined: 0, expired: 0 });

/** Per product, this week and the week before (by payment time). */
export interface WeeklyCount {
  thisWeek: number;
  lastWeek: number;
}

export interface BrandGrowth {
  brand: string;
  thisWeek: number;
  lastWeek: number;
  growth: number;
}

/**
 * 品牌飙升榜: brands whose gifts grew week over week, by how many more gifts they got (then by this
 * week's count, then name). A brand with no growth is not rising; '' (no brand) is never listed.
 */
export function risingBrands(rows: ReadonlyArray<{ brand: string } & WeeklyCount>, size = RANKING_SIZE): BrandGrowth[] {
  const byBrand = new Map<string, WeeklyCount>();
  for (const row of rows) {
    if (!row.brand) continue;
    const sum = byBrand.get(row.brand) ?? { thisWeek: 0, lastWeek: 0 };
    sum.thisWeek += row.thisWeek;
    sum.lastWeek += row.lastWeek;
    byBrand.set(row.brand, sum);
  }
  return [...byBrand.entries()]
    .map(([brand, sum]) => ({ brand, ...sum, growth: sum.thisWeek - sum.lastWeek }))
    .filter((entry) => entry.growth > 0)
    .sort((a, b) => b.growth - a.growth || b.thisWeek - a.thisWeek || a.brand.localeCompare(b.brand))
    .slice(0, size);
}
