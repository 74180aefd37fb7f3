/**
 * Gift refunds, exactly once. The out_refund_no is derived from the gift alone (`giftOutRefundNo`),
 * so every request — the first one, a retry after a failed call, the sweep after a crash — is the
 * same refund to WeChat Pay, which never refunds one out_refund_no twice. Status moves are
 * conditional: expired|declined → refundingOn* when the request is accepted; refundingOn* →
 * refundedOn* when WeChat Pay confirms it — by the refund notification or, when that never comes,
 * by queryRefund from the sweep — through the ONE function `recordRefundResult`.
 */
import { clock } from '@domain/clock';
import type { GiftStatus } from '@domain/gift/machine';
import { command } from './cloud';
import { notifyGiftRefunded } from './gifts/notify';
import { moveGift, type GiftDoc } from './gifts/store';
import { queryRefundState, REFUND_CALLBACK_FUNCTION, refundInFull, type RefundState } from './payment';

export type RefundRequestOutcome = 'requested' | 'failed' | 'notDue';

/** Where a refund-due status goes once WeChat Pay accepted the refund request. */
const REQUESTED_STATUS: { readonly [S in GiftStatus]?: GiftStatus } = {
  expired: 'refundingOnExpiry',
  declined: 'refundingOnDecline',
};
const REFUNDING: readonly GiftStatus[] = ['refundingOnExpiry', 'refundingOnDecline'];
const ON_EXPIRY: readonly GiftStatus[] = ['expired', 'refundingOnExpiry', 'refundedOnExpiry'];
const inc = (by: number) => command.inc(by);

type RefundableGift = Pick<GiftDoc, '_id' | 'status' | 'outTradeNo' | 'outRefundNo' | 'totalFee'>;

/**
 * Asks WeChat Pay to refund the whole payment of a gift that owes one. Never throws: a failure is
 * recorded on the gift and left to the sweep.
 */
export async function requestRefund(gift: RefundableGift): Promise<RefundRequestOutcome> {
  const next = REQUESTED_STATUS[gift.status];
  if (!next && !REFUNDING.includes(gift.status)) return 'notDue';
  const now = clock.now();
  const request = await refundInFull({
    outTradeNo: gift.outTradeNo,
    outRefundNo: gift.outRefundNo,
    totalFee: gift.totalFee,
    reason: '礼物未被领取，原路退款',
    notify: REFUND_CALLBACK_FUNCTION,
  });
  if (request.accepted) {
    const data = { refundRequestedAt: now, refundLastError: null, updatedAt: now, refundAttempts: inc(1) };
    if (next) await moveGift(gift._id, gift.status, { ...data, status: next });
    else await moveGift(gift._id, gift.status, data);
    return 'requested';
  }
  console.error('[refund] request failed; the sweep retries with the same out_refund_no', gift._id, request.problem);
  // updatedAt moves so the sweep waits its retry interval before asking again
  await moveGift(gift._id, gift.status, {
    refundLastError: request.problem.slice(0, 200),
    updatedAt: now,
    refundAttempts: inc(1),
  });
  return 'failed';
}

export type RefundResultOutcome = 'refunded' | 'alreadyRefunded' | 'refundFailed' | 'waiting';

/**
 * What WeChat Pay says about the gift's refund, from the notification or from queryRefund:
 * SUCCESS → refundedOn* (conditional: the giver is told once, however often it is reported);
 * CHANGE / REFUNDCLOSE → back to refund-due (the sweep asks again); anything else changes nothing.
 */
export async function recordRefundResult(
  gift: GiftDoc,
  result: RefundState,
  now: number = clock.now(),
): Promise<RefundResultOutcome> {
  const onExpiry = ON_EXPIRY.includes(gift.status);
  const due: GiftStatus = onExpiry ? 'expired' : 'declined';
  const refunding: GiftStatus = onExpiry ? 'refundingOnExpiry' : 'refundingOnDecline';

  if (result.state === 'CHANGE' || result.state === 'REFUNDCLOSE') {
    await moveGift(gift._id, refunding, { status: due, refundLastError: `refund ${result.state}`, updatedAt: now });
    return 'refundFailed';
  }
  if (result.state !== 'SUCCESS') return 'waiting';

  const refunded: GiftStatus = onExpiry ? 'refundedOnExpiry' : 'refundedOnDecline';
  // from "due" too: the confirmation may land before refundRequested was written
  const moved = await moveGift(gift._id, [due, refunding], {
    status: refunded,
    refundedAt: now,
    refundId: result.refundId,
    updatedAt: now,
  });
  if (!moved) return 'alreadyRefunded';
  await notifyGiftRefunded(
    { giftId: gift._id, giverOpenid: gift.giverOpenid, productName: gift.sku.productName, totalFee: gift.totalFee },
    onExpiry ? 'expired' : 'declined',
    now,
  );
  return 'refunded';
}

export type RefundCheckOutcome = RefundResultOutcome | 'requestedAgain';

/**
 * A refund requested a while ago and still not confirmed (its notification failed or never came):
 * ask WeChat Pay. SUCCESS / CHANGE / REFUNDCLOSE are recorded like the notification; PROCESSING (or
 * no answer) waits for the next check; REFUNDNOTEXIST requests it again with the same out_refund_no.
 */
export async function confirmRefundByQuery(gift: GiftDoc): Promise<RefundCheckOutcome> {
  if (!REFUNDING.includes(gift.status)) return 'waiting';
  const result = await queryRefundState(gift.outRefundNo);
  if (result.state === 'NOTEXIST') {
    await requestRefund(gift);
    return 'requestedAgain';
  }
  const outcome = await recordRefundResult(gift, result);
  // updatedAt moves so the sweep checks again only after its interval
  if (outcome === 'waiting') await moveGift(gift._id, gift.status, { updatedAt: clock.now() });
  return outcome;
}
