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
 */
import { clock } from '@domain/clock';
import type { OrderStatus } from '@domain/order/machine';
import { checkPaidAmount } from '@domain/order/rules';
import type { LatePaymentRecord, OrderRecord } from '@domain/order/types';
import { activateGift } from '@server/gifts/activate';
import { findOrder, findOrderByOutTradeNo, holdIdOf, markStockHold, moveOrder, patchOrder } from '@server/orders';
import { fullRefundNo, refundInFull } from '@server/payment';
import { commitStock } from '@server/stock';

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
  const transactionId = text(event.transactionId);
  const amount = checkPaidAmount(order.totalFee, event.totalFee);
  if (!amount.ok) {
    console.error('[payCallback] amount mismatch, order left unchanged', order._id, amount.message);
    if (!order.paymentAnomaly) {
      await patchOrder(order._id, {
        paymentAnomaly: { transactionId, paidFee: event.totalFee, receivedAt: clock.now() },
      });
    }
    return ACKNOWLEDGED;
  }
  return settle(order, transactionId, 0);
}

/** Moves a paid order forward or finishes what an earlier delivery started. */
async function settle(order: OrderRecord, transactionId: string, attempt: number): Promise<CallbackAnswer> {
  if (order.transactionId && transactionId && order.transactionId !== transactionId) {
    // WeChat never accepts two payments for one out_trade_no; if it happens, a person must look.
    console.error('[payCallback] a second transaction for a paid order', order._id, order.transactionId, transactionId);
  }
  switch (order.status) {
    case 'pendingPayment': {
      const now = clock.now();
      const next: OrderStatus = order.kind === 'gift' ? 'awaitingRecipient' : 'paid';
      const moved = await moveOrder(order._id, 'pendingPayment', { status: next, paidAt: now, transactionId });
      const current = moved ? { ...order, status: next, paidAt: now, transactionId } : await findOrder(order._id);
      if (!current) return ACKNOWLEDGED;
      // Not moved: the sweep or the buyer got there first; settle against what it is now (once).
      if (!moved && attempt > 0) return retryLater('order changed twice while settling');
      return moved ? finishPaid(current) : settle(current, transactionId, attempt + 1);
    }
    case 'cancelled':
      // Cancelled after being paid (a gift that was declined or expired): this is a replay.
      if (order.paidAt !== null) return ACKNOWLEDGED;
      return refundLatePayment(order, transactionId);
    default:
      return finishPaid(order);
  }
}

/** Side effects of a payment; each is idempotent, so replays simply make sure they happened. */
async function finishPaid(order: OrderRecord): Promise<CallbackAnswer> {
  if (order.kind === 'gift') {
    // Gift stock is committed when the recipient accepts, not now. activateGift is a conditional
    // update on the gift's own status, so a replay changes nothing.
    if (order.status === 'awaitingRecipient' && order.paidAt !== null) await activateGift(order, order.paidAt);
    return ACKNOWLEDGED;
  }
  if (order.stockHold === 'held') {
    await commitStock(order.skuId, order.quantity, holdIdOf(order));
    await markStockHold(order._id, 'held', 'committed');
  }
  return ACKNOWLEDGED;
}

/**
 * The buyer paid an order that had already been cancelled (the 30-minute sweep or their own
 * cancel won the race). Its stock is gone, so the money goes back in full, under a refund number
 * derived from the order: however often this runs, WeChat refunds at most once.
 */
async function refundLatePayment(order: OrderRecord, transactionId: string): Promise<CallbackAnswer> {
  const now = clock.now();
  const latePayment: LatePaymentRecord = order.latePayment ?? {
    transactionId,
    totalFee: order.totalFee,
    outRefundNo: fullRefundNo(order._id),
    receivedAt: now,
    refundRequestedAt: null,
    refundId: null,
    refundedAt: null,
  };
  if (latePayment.refundRequestedAt !== null) return ACKNOWLEDGED;
  if (!order.latePayment) await patchOrder(order._id, { latePayment });
  console.warn('[payCallback] payment for a cancelled order, refunding', order._id, transactionId);

  const accepted = await refundInFull({
    outTradeNo: order.outTradeNo,
    outRefundNo: latePayment.outRefundNo,
    totalFee: order.totalFee,
    reason: '订单已取消，款项原路退回',
  });
  if (!accepted) return retryLater('refund not accepted yet');
  await patchOrder(order._id, { latePayment: { ...latePayment, refundRequestedAt: now } });
  return ACKNOWLEDGED;
}

/** The refund notification's decrypted `reqInfo` fields this function reads. */
export interface RefundInfo {
  outTradeNo?: unknown;
  outRefundNo?: unknown;
  refundId?: unknown;
  refundStatus?: unknown;
}

/** Records that a late-payment refund reached the buyer. Other refunds are not this function's. */
export async function handleRefund(info: RefundInfo): Promise<CallbackAnswer> {
  const outTradeNo = text(info.outTradeNo);
  const order = await findOrderByOutTradeNo(outTradeNo);
  const latePayment = order?.latePayment;
  if (!order || !latePayment || latePayment.outRefundNo !== text(info.outRefundNo)) {
    console.warn('[payCallback] refund notification not for a late payment', outTradeNo, text(info.outRefundNo));
    return ACKNOWLEDGED;
  }
  if (info.refundStatus !== 'SUCCESS') {
    console.error('[payCallback] late-payment refund did not succeed', order._id, info.refundStatus);
    return ACKNOWLEDGED;
  }
  if (latePayment.refundedAt === null) {
    await patchOrder(order._id, {
      latePayment: { ...latePayment, refundId: text(info.refundId), refundedAt: clock.now() },
    });
  }
  return ACKNOWLEDGED;
}
