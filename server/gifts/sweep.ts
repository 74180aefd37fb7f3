/**
 * The giftExpiry timer sweep: the safety net behind the per-gift delayed tasks. In bounded batches
 * and within a time budget well inside the function's timeout (real time: the cloud clock may jump),
 * it (1) expires waiting gifts past their deadline and closes them, (2) asks again for refunds still
 * owed after a while (same out_refund_no: WeChat Pay refunds once), (3) finishes acceptances that
 * stopped halfway. Whatever is left when the budget runs out is the next run's.
 */
import { performance } from 'node:perf_hooks';
import { GIFT_REFUND_DUE_STATUSES } from '@domain/gift/machine';
import { command as _, db, fetchDocs } from '@server/cloud';
import { finishAcceptance } from './accept';
import { settleClosedGift, expireWaitingGift } from './close';
import { SWEEP_SETTINGS } from './config';
import { GIFTS, type GiftDoc } from './store';

export interface SweepOptions {
  now: number;
  /** documents per query, 1..100 */
  batchSize?: number;
  /** stop after this many batches in total (tests interrupt a sweep with it) */
  maxBatches?: number;
  timeBudgetMs?: number;
}

export interface SweepReport {
  expired: number;
  refundsRequested: number;
  refundsFailed: number;
  acceptancesResumed: number;
  batches: number;
  /** false when the budget or maxBatches ran out with work possibly left */
  complete: boolean;
  durationMs: number;
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function runExpirySweep(options: SweepOptions): Promise<SweepReport> {
  const started = performance.now();
  const batchSize = Math.min(100, Math.max(1, Math.floor(options.batchSize ?? SWEEP_SETTINGS.batchSize)));
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const budget = options.timeBudgetMs ?? SWEEP_SETTINGS.timeBudgetMs;
  const now = options.now;
  const report: SweepReport = {
    expired: 0,
    refundsRequested: 0,
    refundsFailed: 0,
    acceptancesResumed: 0,
    batches: 0,
    complete: false,
    durationMs: 0,
  };
  const canContinue = () => report.batches < maxBatches && performance.now() - started < budget;
  const finish = (complete: boolean): SweepReport => {
    report.complete = complete;
    report.durationMs = Math.round(performance.now() - started);
    return report;
  };

  // Each pass's query stops matching what it handled (status or updatedAt moves), so re-querying
  // from the start never sees the same gift twice; a short batch means the pass is done.
  const passes: Array<{ query: () => Promise<GiftDoc[]>; handle: (gift: GiftDoc) => Promise<void> }> = [
    {
      query: () =>
        fetchDocs<GiftDoc>(
          db
            .collection(GIFTS)
            .where({ status: 'waiting', expiresAt: _.lte(now) })
            .orderBy('expiresAt', 'asc')
            .limit(batchSize),
        ),
      handle: async (gift) => {
        if (!(await expireWaitingGift(gift, now))) return;
        report.expired += 1;
      },
    },
    {
      query: () =>
        fetchDocs<GiftDoc>(
          db
            .collection(GIFTS)
            .where({
              status: _.in([...GIFT_REFUND_DUE_STATUSES]),
              updatedAt: _.lte(now - SWEEP_SETTINGS.refundRetryAfterMs),
            })
            .limit(batchSize),
        ),
      handle: async (gift) => {
        const outcome = await settleClosedGift(gift, now);
        if (outcome === 'requested') report.refundsRequested += 1;
        if (outcome === 'failed') report.refundsFailed += 1;
      },
    },
    {
      query: () =>
        fetchDocs<GiftDoc>(
          db
            .collection(GIFTS)
            .where({
              status: 'accepted',
              'acceptSteps.done': _.neq(true),
              acceptedAt: _.lte(now - SWEEP_SETTINGS.acceptResumeAfterMs),
            })
            .limit(batchSize),
        ),
      handle: async (gift) => {
        await finishAcceptance(gift);
        report.acceptancesResumed += 1;
      },
    },
  ];

  for (const pass of passes) {
    for (;;) {
      if (!canContinue()) return finish(false);
      const batch = await pass.query();
      report.batches += 1;
      await inParallel(batch, SWEEP_SETTINGS.concurrency, pass.handle);
      if (batch.length < batchSize) break;
    }
  }
  return finish(true);
}
