/**
 * Per-China-day counts (and sums) in the database, for the merchant's dashboard: one aggregation per
 * metric — match the time field from `since`, group by the China day number (UTC+8, as
 * src/domain/merchant/dashboard.ts `chinaDayNumber` computes it). Each collection's owner module
 * passes its own collection, so only the owner ever names it.
 */
import { CHINA_OFFSET_MS } from '@domain/merchant/dashboard';
import { DAY_MS } from '@domain/clock';
import { command as _, db, type CollectionRef } from './cloud';

export interface DayTotals {
  count: number;
  /** sum of `sumField` (0 without one) */
  sum: number;
}

interface Bucket {
  _id: number;
  count: number;
  sum: number;
}

export async function totalsPerChinaDay(
  collection: CollectionRef,
  timeField: string,
  since: number,
  options: { where?: Record<string, unknown>; sumField?: string } = {},
): Promise<Map<number, DayTotals>> {
  const $ = db.command.aggregate;
  const result = (await collection
    .aggregate()
    .match({ ...options.where, [timeField]: _.gte(since) })
    .group({
      _id: $.floor($.divide([$.add([`$${timeField}`, CHINA_OFFSET_MS]), DAY_MS])),
      count: $.sum(1),
      sum: $.sum(options.sumField ? `$${options.sumField}` : 0),
    })
    .end()) as { list: Bucket[] };
  return new Map(result.list.map((bucket) => [bucket._id, { count: bucket.count, sum: bucket.sum }]));
}

/** The counts alone. */
export const countsOf = (totals: ReadonlyMap<number, DayTotals>): Map<number, number> =>
  new Map([...totals].map(([day, { count }]) => [day, count]));
