/**
 * The giftExpiry timer sweep: the safety net behind the per-gift delayed tasks. In bounded batches
 * and within a time budget well inside the function's timeout (real time: the cloud clock may jump),
 * it (1) expires waiting gifts past their deadline and closes them, (2) for refunds owed and not
 * confirmed after a while: asks again when the request was not accepted (same out_refund_no:
 * WeChat Pay refunds once), or asks queryRefund where an accepted refund stands when its
 * notification never came, (3) finishes acceptances that stopped halfway, (4) settles unpaid gifts
 * whose order was paid or cancelled while a crash kept the gift behind. Whatever is left when the
 * budget runs out is the next run's.
 */
import { performance } from 'node:perf_hooks';
import { clock, MINUTE_MS } from '@domain/clock';
import { GIFT_REFUND_DUE_STATUSES } from '@domain/gift/machine';
import { GIFT_PAYMENT_WINDOW_MS } from '@domain/gift/rules';
import { command as _ } from '@server/cloud';
import { inParallel } from '@server/parallel';
import { findOrder } from '@server/orders';
import { confirmRefundByQuery } from '@server/refunds';
import { finishAcceptance } from './accept';
import { activateGift, cancelUnpaidGift } from './activate';
import { settleClosedGift, expireWaitingGift } from './close';
import { SWEEP_SETTINGS } from './config';
import { findGiftsWhere, moveGift, type GiftDoc } from './store';

/** An unpaid gift untouched this long after its payment window: its order has been decided by now. */
const UNPAID_GIFT_CHECK_AFTER_MS = GIFT_PAYMENT_WINDOW_MS + 5 * MINUTE_MS;

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
  /** refunds queryRefund confirmed (their notification never came) */
  refundsConfirmed: number;
  /** unpaid gifts whose order turned out paid (activated) or cancelled */
  unpaidGiftsSettled: number;
  acceptancesResumed: number;
  batches: number;
  /** false when the budget or maxBatches ran out with work possibly left */
  complete: boolean;
  durationMs: number;
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
    refundsConfirmed: 0,
    unpaidGiftsSettled: 0,
    acceptancesResumed: 0,
    batches: 0,
    complete: false,
    durationMs: 0,
  };
  const withinBudget = () => performance.now() - started < budget;
  const canContinue = () => report.batches < maxBatches && withinBudget();
  const finish = (complete: boolean): SweepReport => {
    report.complete = complete;
    report.durationMs = Math.round(performance.now() - started);
    return report;
  };

  // Each pass's query stops matching what it handled (status or updatedAt moves), so re-querying
  // from the start never sees the same gift twice; a short batch means the pass is done.
  const passes: Array<{ query: () => Promise<GiftDoc[]>; handle: (gift: GiftDoc) => Promise<void> }> = [
    {
      query: () => findGiftsWhere({ status: 'waiting', expiresAt: _.lte(now) }, batchSize, 'expiresAt'),
      handle: async (gift) => {
        if (!(await expireWaitingGift(gift, now))) return;
        report.expired += 1;
      },
    },
    {
      query: () =>
        findGiftsWhere(
          {
            status: _.in([...GIFT_REFUND_DUE_STATUSES]),
            updatedAt: _.lte(now - SWEEP_SETTINGS.refundRetryAfterMs),
          },
          batchSize,
        ),
      handle: async (gift) => {
        if (gift.status === 'refundingOnExpiry' || gift.status === 'refundingOnDecline') {
          const checked = await confirmRefundByQuery(gift);
          if (checked === 'refunded' || checked === 'alreadyRefunded') report.refundsConfirmed += 1;
          if (checked === 'requestedAgain') report.refundsRequested += 1;
          return;
        }
        const outcome = await settleClosedGift(gift);
        if (outcome === 'requested') report.refundsRequested += 1;
        if (outcome === 'failed') report.refundsFailed += 1;
      },
    },
    {
      query: () =>
        findGiftsWhere(
          {
            status: 'accepted',
            'acceptSteps.done': _.neq(true),
            acceptedAt: _.lte(now - SWEEP_SETTINGS.acceptResumeAfterMs),
          },
          batchSize,
        ),
      handle: async (gift) => {
        await finishAcceptance(gift);
        report.acceptancesResumed += 1;
      },
    },
    {
      query: () =>
        findGiftsWhere({ status: 'pendingPayment', updatedAt: _.lte(now - UNPAID_GIFT_CHECK_AFTER_MS) }, batchSize),
      handle: async (gift) => {
        if (await settleUnpaidGift(gift)) report.unpaidGiftsSettled += 1;
      },
    },
  ];

  for (const pass of passes) {
    for (;;) {
      if (!canContinue()) return finish(false);
      const batch = await pass.query();
      report.batches += 1;
      const handledAll = await inParallel(batch, SWEEP_SETTINGS.concurrency, withinBudget, pass.handle);
      if (!handledAll) return finish(false);
      if (batch.length < batchSize) break;
    }
  }
  return finish(true);
}

/**
 * An unpaid gift long past its payment window: the order sweep has decided its order by now (paid,
 * or cancelled), unless a crash kept the gift behind. true when the gift moved.
 */
async function settleUnpaidGift(gift: GiftDoc): Promise<boolean> {
  const order = await findOrder(gift.orderId);
  if (order?.status === 'awaitingRecipient' && order.paidAt !== null) {
    await activateGift(order, order.paidAt);
    return true;
  }
  if (!order || (order.status === 'cancelled' && order.paidAt === null)) {
    await cancelUnpaidGift({ _id: gift.orderId, giftId: gift._id });
    return true;
  }
  // still undecided (the order sweep has not reached it): look again after the interval
  await moveGift(gift._id, 'pendingPayment', { updatedAt: clock.now() });
  return false;
}
