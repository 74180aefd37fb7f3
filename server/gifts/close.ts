/**
 * Closing a gift nobody will receive (expired after 24 h, or declined): the order is cancelled, the
 * stock released and the giver refunded — exactly once, however often this runs. Each step is
 * idempotent on its own (conditional order move, hold-based release, refund keyed by out_refund_no),
 * so a crash anywhere is finished by the next run: the delayed task, the sweep, or a retry.
 */
import { GIFT_REFUND_DUE_STATUSES, type GiftStatus } from '@domain/gift/machine';
import { command as _ } from '@server/cloud';
import { cancelClosedGiftOrder } from '@server/orders';
import { requestRefund, type RefundRequestOutcome } from '@server/refunds';
import { findGift, moveGift, type GiftDoc } from './store';

/** Cancel the order (awaitingRecipient → cancelled, "giftClosed"), release its hold, request the refund. */
export async function settleClosedGift(gift: GiftDoc): Promise<RefundRequestOutcome> {
  if (!(GIFT_REFUND_DUE_STATUSES as readonly GiftStatus[]).includes(gift.status)) return 'notDue';
  await cancelClosedGiftOrder(gift.orderId, 'giftClosed');
  return requestRefund(gift);
}

export type ExpireOutcome = 'expired' | 'resumed' | 'notDue' | 'nothingToDo';

/**
 * The delayed task's work for one gift: expire it if its 24 h have passed, or finish the closing of
 * a gift that already owes a refund.
 */
export async function expireGift(giftId: string, now: number): Promise<ExpireOutcome> {
  const gift = await findGift(giftId);
  if (!gift) return 'nothingToDo';
  if (gift.status === 'waiting') {
    if (gift.expiresAt === null || gift.expiresAt > now) return 'notDue';
    return (await expireWaitingGift(gift, now)) ? 'expired' : 'nothingToDo';
  }
  if (gift.status === 'expired' || gift.status === 'declined') {
    await settleClosedGift(gift);
    return 'resumed';
  }
  return 'nothingToDo';
}

/** waiting → expired (only once its deadline passed), then close it. false when someone else moved it. */
export async function expireWaitingGift(gift: GiftDoc, now: number): Promise<boolean> {
  const moved = await moveGift(
    gift._id,
    'waiting',
    { status: 'expired', expiredAt: now, updatedAt: now },
    { expiresAt: _.lte(now) },
  );
  if (!moved) return false;
  await settleClosedGift({ ...gift, status: 'expired', expiredAt: now, updatedAt: now });
  return true;
}
