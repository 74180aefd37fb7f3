/**
 * Gift side of the payment lifecycle, called by server/orders.ts — `settleConfirmedPayment` (the
 * payment notification, or closeOrder answering ORDERPAID) after it moved the order pendingPayment →
 * awaitingRecipient, and `cancelUnpaidOrder` after it cancelled the order — and by the gift sweep for
 * a gift a crash left behind its order. All are conditional updates on the gift's status, so replays
 * change nothing.
 */
import { clock } from '@domain/clock';
import { giftExpiresAt } from '@domain/gift/rules';
import { currentEnv, openapi } from '@server/cloud';
import { moveGift } from './store';

/** The delayed task fires a little after the deadline, so `now ≥ expiresAt` holds when it runs. */
export const EXPIRY_TASK_SLACK_SECONDS = 30;
/** addDelayedFunctionTask accepts 6 s .. 30 days. */
const MIN_DELAY_SECONDS = 6;
const MAX_DELAY_SECONDS = 30 * 24 * 3600;

export const GIFT_EXPIRY_FUNCTION = 'giftExpiry';

interface GiftOrderRef {
  _id: string;
  giftId?: string;
}

/**
 * pendingPayment → waiting with paidAt and expiresAt = paidAt + 24 h, then schedules the expiry
 * task. Idempotent: only the call that moved the gift schedules the task. A failure to schedule is
 * logged, never thrown: the giftExpiry timer sweep expires the gift anyway.
 */
export async function activateGift(order: GiftOrderRef, paidAt: number): Promise<void> {
  const giftId = order.giftId;
  if (!giftId) return;
  const expiresAt = giftExpiresAt(paidAt);
  const moved = await moveGift(giftId, 'pendingPayment', {
    status: 'waiting',
    paidAt,
    expiresAt,
    updatedAt: clock.now(),
  });
  if (!moved) {
    // Replayed callback (already waiting) or a gift cancelled meanwhile: nothing to do here.
    return;
  }
  await scheduleExpiry(giftId, expiresAt);
}

/** Asks the platform to run giftExpiry for this gift just after its deadline. Never throws. */
export async function scheduleExpiry(giftId: string, expiresAt: number): Promise<void> {
  const secondsLeft = Math.ceil((expiresAt - clock.now()) / 1000) + EXPIRY_TASK_SLACK_SECONDS;
  const delayTime = Math.min(MAX_DELAY_SECONDS, Math.max(MIN_DELAY_SECONDS, secondsLeft));
  try {
    const answer = await openapi.cloudbase.addDelayedFunctionTask({
      env: currentEnv(),
      functionName: GIFT_EXPIRY_FUNCTION,
      data: JSON.stringify({ giftId }),
      delayTime,
    });
    if (answer.errCode !== 0) console.error('[gift] addDelayedFunctionTask refused', giftId, answer.errMsg);
  } catch (error) {
    console.error('[gift] addDelayedFunctionTask failed; the sweep will expire the gift', giftId, error);
  }
}

/** pendingPayment → cancelled when the unpaid order is cancelled (stock release is the order sweep's job). */
export async function cancelUnpaidGift(order: GiftOrderRef): Promise<void> {
  const giftId = order.giftId;
  if (!giftId) return;
  const now = clock.now();
  await moveGift(giftId, 'pendingPayment', { status: 'cancelled', cancelledAt: now, updatedAt: now });
}
