/**
 * giftStats: the timer (hourly, config.json) that recomputes 送礼排行榜, 品牌飙升榜, the co-gifting lists
 * (送这个的人也送了) and the gift finder's acceptance scores from the gifts collection with the
 * database's aggregation (./compute.ts). Only backend sources may run it: a call from a user is refused.
 */
import { caller } from '@server/cloud';
import { clock } from '@domain/clock';
import { CommonErrors, failWith } from '@domain/errors';
import { computeGiftStats } from './compute';

export async function main(): Promise<unknown> {
  if (caller().openid) return failWith(CommonErrors.FORBIDDEN);
  const report = await computeGiftStats(clock.now());
  console.log('[giftStats] run', JSON.stringify(report));
  return { ok: true, data: report };
}
