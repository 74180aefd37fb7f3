/**
 * WeChat Pay notifications for orders (payments, and refunds of payments that arrived too late).
 *
 * What WeChat expects: `{ errcode: 0, errmsg: '' }` means "received, stop sending"; anything else
 * (or a throw / timeout) makes it resend the same event for about two days. So:
 * - every handler is idempotent (conditional updates, idempotent stock commit, stable refund
 *   number) and a replay finishes whatever an interrupted earlier delivery left undone;
 * - errcode 0 is answered whenever resending cannot change the outcome (unknown out_trade_no,
 *   failed payment, amount mismatch — logged and recorded on the order for the merchant, never acted
 *   on: resending the same wrong amount would not fix it);
 * - a non-zero errcode is answered only when a retry can succeed (the late-payment refund could not
 *   be requested yet, an unexpected error): WeChat's resend is our retry.
 * Settling is server/orders.ts `settleConfirmedPayment`, shared with the sweep that meets ORDERPAID
 * when it closes a trade.
 */
import { findOrderByOutTradeNo, recordLateRefund, settleConfirmedPayment } from '@server/orders';

export interface CallbackAnswer {
  errcode: number;
  errmsg: string;
}

export const ACKNOWLEDGED: CallbackAnswer = { errcode: 0, errmsg: '' };
const retryLater = (why: string): CallbackAnswer => ({ errcode: 1, errmsg: why });

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : String(value));

/** The payment notification's fields this function reads (see docs/payment-simulator.md). */
export interface PaymentEvent {
  returnCode?: unknown;
  resultCode?: unknown;
  outTradeNo?: unknown;
  transactionId?: unknown;
  totalFee?: unknown;
}

export async function handlePayment(event: PaymentEvent): Promise<CallbackAnswer> {
  const outTradeNo = text(event.outTradeNo);
  if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS') {
    // A failed payment changes nothing: the order stays payable until its deadline.
    console.warn('[payCallback] payment not successful', outTradeNo, event.returnCode, event.resultCode);
    return ACKNOWLEDGED;
  }
  const order = await findOrderByOutTradeNo(outTradeNo);
  if (!order) {
    console.error('[payCallback] no order for out_trade_no', outTradeNo);
    return ACKNOWLEDGED;
  }
  const settled = await settleConfirmedPayment(order, {
    transactionId: text(event.transactionId),
    totalFee: event.totalFee,
  });
  return settled.done ? ACKNOWLEDGED : retryLater(settled.why ?? 'not settled yet');
}

/** The refund notification's decrypted `reqInfo` fields this function reads. */
export interface RefundInfo {
  outTradeNo?: unknown;
  outRefundNo?: unknown;
  refundId?: unknown;
  refundStatus?: unknown;
}

/** Records what happened to a late-payment refund. Other refunds are not this function's. */
export async function handleRefund(info: RefundInfo): Promise<CallbackAnswer> {
  const outTradeNo = text(info.outTradeNo);
  const order = await findOrderByOutTradeNo(outTradeNo);
  const latePayment = order?.latePayment;
  if (!order || !latePayment || latePayment.outRefundNo !== text(info.outRefundNo)) {
    console.warn('[payCallback] refund notification not for a late payment', outTradeNo, text(info.outRefundNo));
    return ACKNOWLEDGED;
  }
  const status = text(info.refundStatus);
  // the same recording as a confirmation by queryRefund (the order sweep)
  if (status === 'SUCCESS') await recordLateRefund(order, { state: 'SUCCESS', refundId: text(info.refundId) || null });
  else await recordLateRefund(order, { state: status === 'CHANGE' ? 'CHANGE' : 'REFUNDCLOSE' });
  return ACKNOWLEDGED;
}
