/**
 * The refund notification (退款结果通知) for gift refunds, delivered to the refundCallback function.
 * Idempotent: the status move is conditional (refund-due → refundedOn*), so a replayed notification
 * changes nothing and the giver is told once. The order stays cancelled.
 */
import { parseOutTradeNo } from '@domain/order/rules';
import { recordRefundResult, type RefundResultOutcome } from '@server/refunds';
import { findGift } from './store';

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

export type RefundNoticeOutcome = RefundResultOutcome | 'notAGiftRefund' | 'ignored';

export async function handleRefundNotice(notice: RefundNotice, now: number): Promise<RefundNoticeOutcome> {
  const info = notice.reqInfo;
  if (notice.returnCode !== 'SUCCESS' || !info?.outTradeNo || !info.outRefundNo) return 'ignored';
  const payable = parseOutTradeNo(info.outTradeNo);
  if (!payable || payable.kind !== 'gift') return 'notAGiftRefund';
  const gift = await findGift(payable.id);
  // Only the gift's own refund number moves it: anything else is not ours to account for.
  if (!gift || gift.outRefundNo !== info.outRefundNo) return 'notAGiftRefund';
  const status = info.refundStatus;
  // the same recording as a confirmation by queryRefund (server/refunds.ts)
  if (status === 'SUCCESS') return recordRefundResult(gift, { state: 'SUCCESS', refundId: info.refundId ?? null }, now);
  if (status === 'CHANGE' || status === 'REFUNDCLOSE') return recordRefundResult(gift, { state: status }, now);
  // anything else (unknown wording): treat as a failure, the sweep asks again
  return recordRefundResult(gift, { state: 'REFUNDCLOSE' }, now);
}
