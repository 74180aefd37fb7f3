/**
 * The refund notification (退款结果通知) for gift refunds, delivered to the refundCallback function.
 * Idempotent: the status move is conditional (refund-due → refundedOn*), so a replayed notification
 * changes nothing and the giver is told once. The order stays cancelled.
 */
import { parseOutTradeNo } from '@domain/order/rules';
import type { GiftStatus } from '@domain/gift/machine';
import { notifyGiftRefunded } from './notify';
import { findGift, moveGift } from './store';

export interface RefundNotice {
  returnCode?: string;
  reqInfo?: {
    outTradeNo?: string;
    outRefundNo?: string;
    refundId?: string;
    refundStatus?: string;
    refundFee?: number;
    successTime?: string;
  };
}

export type RefundNoticeOutcome = 'refunded' | 'alreadyRefunded' | 'refundFailed' | 'notAGiftRefund' | 'ignored';

const ON_EXPIRY: readonly GiftStatus[] = ['expired', 'refundingOnExpiry'];
const ON_DECLINE: readonly GiftStatus[] = ['declined', 'refundingOnDecline'];

export async function handleRefundNotice(notice: RefundNotice, now: number): Promise<RefundNoticeOutcome> {
  const info = notice.reqInfo;
  if (notice.returnCode !== 'SUCCESS' || !info?.outTradeNo || !info.outRefundNo) return 'ignored';
  const payable = parseOutTradeNo(info.outTradeNo);
  if (!payable || payable.kind !== 'gift') return 'notAGiftRefund';
  const gift = await findGift(payable.id);
  // Only the gift's own refund number moves it: anything else is not ours to account for.
  if (!gift || gift.outRefundNo !== info.outRefundNo) return 'notAGiftRefund';

  const onExpiry = ON_EXPIRY.includes(gift.status) || gift.status === 'refundedOnExpiry';
  const due = onExpiry ? ON_EXPIRY : ON_DECLINE;

  if (info.refundStatus !== 'SUCCESS') {
    // CHANGE / REFUNDCLOSE: back to "refund due" (refundFailed); the sweep asks again.
    const back: GiftStatus = onExpiry ? 'expired' : 'declined';
    const refunding: GiftStatus = onExpiry ? 'refundingOnExpiry' : 'refundingOnDecline';
    await moveGift(gift._id, refunding, {
      status: back,
      refundLastError: `refund ${info.refundStatus ?? 'unknown'}`,
      updatedAt: now,
    });
    return 'refundFailed';
  }

  const refunded: GiftStatus = onExpiry ? 'refundedOnExpiry' : 'refundedOnDecline';
  const moved = await moveGift(gift._id, due, {
    status: refunded,
    refundedAt: now,
    refundId: info.refundId ?? null,
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
