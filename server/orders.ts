/**
 * The `orders` collection's ONE owner (documents: src/domain/order/types.ts), for orders bought for
 * oneself and gift orders alike, and the lifecycle steps several functions share: creation,
 * cancellation (close the WeChat Pay trade first), settling a confirmed payment, the gift order's
 * steps, late-payment refunds, and the one-minute sweep.
 *
 * Every status change is a conditional update on the expected status whose `stats.updated` is
 * checked, so racing writers (buyer cancel, sweep, payment callback) cannot both move an order. The
 * side effect that follows a move (stock release / commit, refund) is idempotent (hold id, stable
 * out_refund_no) and recorded on the order, so a crash between the two is finished later by
 * whoever sees the order next: a replayed notification or the sweep.
 */
import { randomBytes } from 'node:crypto';
import { clock, DAY_MS, MINUTE_MS } from '@domain/clock';
import type { Address } from '@domain/address';
import { OPEN_AFTER_SALE_STATUSES } from '@domain/afterSale/machine';
import type { OrderAfterSaleRecord } from '@domain/afterSale/record';
import type { AfterSaleStatus } from '@domain/afterSale/types';
import type { OrderCancelReason, OrderItem } from '@domain/contracts';
import type { OrderStatus } from '@domain/order/machine';
import { checkPaidAmount } from '@domain/order/rules';
import type { LatePaymentRecord, OrderRecord, PrintedGreetingCard, StockHoldState } from '@domain/order/types';
import { command as _, db, fetchDocs } from './cloud';
import { activateGift, cancelUnpaidGift } from './gifts/activate';
import {
  closePayment,
  fullRefundNo,
  PAY_CALLBACK_FUNCTION,
  queryPayment,
  queryRefundState,
  refundInFull,
  type RefundState,
} from './payment';
import { commitStock, releaseStock, returnSoldStock } from './stock';
import { totalsPerChinaDay, type DayTotals } from './dailyCounts';

export const ORDERS = 'orders';

interface UpdateResult {
  stats: { updated: number };
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * 'o' + yyyyMMddHHmmss (Beijing time) + 12 random base62 characters = 27 characters: sortable by
 * eye in the console, unguessable, and short enough for out_trade_no (kind letter + id ≤ 32).
 */
export function newOrderId(now: number = clock.now()): string {
  const beijing = new Date(now + 8 * 3600_000).toISOString(); // 2026-11-25T10:03:04.000Z
  const stamp = beijing.slice(0, 19).replace(/[-T:]/g, '');
  const random = Array.from(randomBytes(12), (byte) => BASE62[byte % 62]).join('');
  return `o${stamp}${random}`;
}

/** The hold id of an order's stock reservation (absent `holdId` = the order id). */
export const holdIdOf = (order: Pick<OrderRecord, '_id' | 'holdId'>): string => order.holdId ?? order._id;

/** Object and array values replace the field (a plain object would be merged into what is there). */
function replacing(patch: Partial<OrderRecord>): Record<string, unknown> {
  const data: Record<string, unknown> = { updatedAt: clock.now() };
  for (const [key, value] of Object.entries(patch)) {
    data[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
  }
  return data;
}

export async function insertOrder(order: OrderRecord): Promise<void> {
  const { _id, ...data } = order;
  await db.collection(ORDERS).add({ data: { _id, ...data } });
}

/** Removes an order that never got its stock (nothing was held, nobody saw it). */
export async function removeUnreservedOrder(orderId: string): Promise<void> {
  await db.collection(ORDERS).where({ _id: orderId, status: 'pendingPayment' }).remove();
}

export async function findOrder(orderId: string): Promise<OrderRecord | null> {
  const [found] = await fetchDocs<OrderRecord>(db.collection(ORDERS).where({ _id: orderId }).limit(1));
  return found ?? null;
}

/** The caller's own order; another user's order is "not found" (its existence is not revealed). */
export async function findOwnOrder(orderId: string, openid: string): Promise<OrderRecord | null> {
  if (!openid) return null;
  const [found] = await fetchDocs<OrderRecord>(db.collection(ORDERS).where({ _id: orderId, openid }).limit(1));
  return found ?? null;
}

export async function findOrderByOutTradeNo(outTradeNo: string): Promise<OrderRecord | null> {
  const [found] = await fetchDocs<OrderRecord>(db.collection(ORDERS).where({ outTradeNo }).limit(1));
  return found ?? null;
}

/**
 * An order its buyer may open, or a gift order its recipient accepted (she sees it without prices);
 * null for anyone else, so its existence is not revealed.
 */
export async function findViewableOrder(
  orderId: string,
  openid: string,
): Promise<{ order: OrderRecord; viewer: 'buyer' | 'recipient' } | null> {
  if (!openid) return null;
  const order = await findOrder(orderId);
  if (!order) return null;
  if (order.openid === openid) return { order, viewer: 'buyer' };
  if (order.kind === 'gift' && order.recipientOpenid === openid) return { order, viewer: 'recipient' };
  return null;
}

/** Orders by id (the merchant's gift cards, the gift sweep), at most `ids.length`. */
export async function findOrders(ids: readonly string[]): Promise<OrderRecord[]> {
  if (ids.length === 0) return [];
  return fetchDocs<OrderRecord>(
    db
      .collection(ORDERS)
      .where({ _id: _.in([...ids]) })
      .limit(ids.length),
  );
}

/**
 * Moves the order from `from` with `patch` (which should set the new status, or leaves it). true
 * when this call moved it.
 */
export async function moveOrder(orderId: string, from: OrderStatus, patch: Partial<OrderRecord>): Promise<boolean> {
  const result = (await db
    .collection(ORDERS)
    .where({ _id: orderId, status: from })
    .update({ data: replacing(patch) })) as UpdateResult;
  return result.stats.updated === 1;
}

/** Records a stock hold step, only from the expected state (so it never undoes a later one). */
export async function markStockHold(orderId: string, from: StockHoldState, to: StockHoldState): Promise<void> {
  await db
    .collection(ORDERS)
    .where({ _id: orderId, stockHold: from })
    .update({ data: { stockHold: to, updatedAt: clock.now() } });
}

/** Merges fields that are not part of the status (late payment, anomalies). */
export async function patchOrder(orderId: string, patch: Partial<OrderRecord>): Promise<void> {
  await db
    .collection(ORDERS)
    .where({ _id: orderId })
    .update({ data: replacing(patch) });
}

/** Releases a cancelled order's hold and records it. Safe to repeat: the release is idempotent. */
export async function releaseCancelledHold(order: OrderRecord): Promise<void> {
  if (order.stockHold !== 'held') return;
  await releaseStock(order.skuId, order.quantity, holdIdOf(order));
  await markStockHold(order._id, 'held', 'released');
}

/** The held units are sold (payment confirmed / gift accepted). Safe to repeat. */
export async function commitOrderHold(order: OrderRecord): Promise<void> {
  if (order.stockHold !== 'held') return;
  await commitStock(order.skuId, order.quantity, holdIdOf(order));
  await markStockHold(order._id, 'held', 'committed');
}

// ---- cancelling an unpaid order ----

/**
 * cancelled: this call cancelled it; paid: WeChat Pay said the buyer had paid, and the order was
 * settled as paid; kept: nothing changed (someone else moved it, or WeChat Pay did not answer:
 * try again later).
 */
export type CancelOutcome = 'cancelled' | 'paid' | 'kept';

/**
 * pendingPayment → cancelled (buyer cancel, timeout, payment unavailable). The WeChat Pay trade is
 * closed FIRST: if it answers ORDERPAID the buyer paid at the last second, so the payment is queried
 * and settled exactly like the payment notification does — the order is never cancelled. Only a
 * closed (or never created) trade lets the order be cancelled, its stock released and, for a gift
 * order, the unpaid gift cancelled. A crash at any point is finished by the next sweep: closing
 * again answers ORDERCLOSED (or ORDERPAID), every later step is conditional or idempotent.
 */
export async function cancelUnpaidOrder(order: OrderRecord, reason: OrderCancelReason): Promise<CancelOutcome> {
  if (order.status !== 'pendingPayment') return 'kept';
  const closed = await closePayment(order.outTradeNo);
  if (closed === 'failed') return 'kept';
  if (closed === 'paid') {
    const payment = await queryPayment(order.outTradeNo);
    if (!payment.paid) {
      console.error('[orders] closeOrder said ORDERPAID but queryOrder did not confirm', order._id, payment.tradeState);
      return 'kept';
    }
    const settled = await settleConfirmedPayment(order, payment);
    if (!settled.done) console.warn('[orders] paid order not fully settled yet', order._id, settled.why);
    return 'paid';
  }
  const moved = await moveOrder(order._id, 'pendingPayment', {
    status: 'cancelled',
    cancelledAt: clock.now(),
    cancelReason: reason,
  });
  if (!moved) return 'kept';
  await releaseCancelledHold(order);
  if (order.kind === 'gift') await cancelUnpaidGift(order);
  return 'cancelled';
}

// ---- settling a confirmed payment (the payment notification, and closeOrder's ORDERPAID) ----

/** done: nothing is left to do for this payment; otherwise `why` a retry is needed. */
export interface SettleOutcome {
  done: boolean;
  why?: string;
}

const DONE: SettleOutcome = { done: true };

/**
 * WeChat Pay confirmed a payment of `order` (its notification, or queryOrder after closeOrder said
 * ORDERPAID). Checks the amount, moves the order to paid (a gift order to awaitingRecipient and the
 * gift to waiting), commits the stock; a payment for an order already cancelled is refunded in full.
 * Idempotent: replays and crashes at any line converge.
 */
export async function settleConfirmedPayment(
  order: OrderRecord,
  payment: { transactionId: string; totalFee: unknown },
): Promise<SettleOutcome> {
  const amount = checkPaidAmount(order.totalFee, payment.totalFee);
  if (!amount.ok) {
    // Resending the same wrong amount would not fix it: recorded for the merchant, never acted on.
    console.error('[orders] paid amount mismatch, order left unchanged', order._id, amount.message);
    if (!order.paymentAnomaly) {
      await patchOrder(order._id, {
        paymentAnomaly: { transactionId: payment.transactionId, paidFee: payment.totalFee, receivedAt: clock.now() },
      });
    }
    return DONE;
  }
  return settle(order, payment.transactionId, 0);
}

async function settle(order: OrderRecord, transactionId: string, attempt: number): Promise<SettleOutcome> {
  if (order.transactionId && transactionId && order.transactionId !== transactionId) {
    // WeChat never accepts two payments for one out_trade_no; if it happens, a person must look.
    console.error('[orders] a second transaction for a paid order', order._id, order.transactionId, transactionId);
  }
  switch (order.status) {
    case 'pendingPayment': {
      const now = clock.now();
      const next: OrderStatus = order.kind === 'gift' ? 'awaitingRecipient' : 'paid';
      const moved = await moveOrder(order._id, 'pendingPayment', { status: next, paidAt: now, transactionId });
      if (moved) return finishPaid({ ...order, status: next, paidAt: now, transactionId });
      // The sweep or the buyer got there first: settle against what it is now (once).
      const current = await findOrder(order._id);
      if (!current) return DONE;
      if (attempt > 0) return { done: false, why: 'order changed twice while settling' };
      return settle(current, transactionId, attempt + 1);
    }
    case 'cancelled':
      // Cancelled after being paid (a gift that was declined or expired): this is a replay.
      if (order.paidAt !== null) return DONE;
      return refundLatePayment(order, transactionId);
    default:
      return finishPaid(order);
  }
}

/** Side effects of a payment; each is idempotent, so replays simply make sure they happened. */
async function finishPaid(order: OrderRecord): Promise<SettleOutcome> {
  if (order.kind === 'gift') {
    // Gift stock is committed when the recipient accepts, not now. activateGift is a conditional
    // update on the gift's own status, so a replay changes nothing.
    if (order.status === 'awaitingRecipient' && order.paidAt !== null) await activateGift(order, order.paidAt);
    return DONE;
  }
  await commitOrderHold(order);
  return DONE;
}

// ---- late payments: refunded in full, confirmed by notification or by queryRefund ----

/**
 * The buyer paid an order that had already been cancelled. Its stock is gone, so the money goes
 * back in full, under a refund number derived from the order: however often this runs, WeChat
 * refunds at most once.
 */
async function refundLatePayment(order: OrderRecord, transactionId: string): Promise<SettleOutcome> {
  const latePayment: LatePaymentRecord = order.latePayment ?? {
    transactionId,
    totalFee: order.totalFee,
    outRefundNo: fullRefundNo(order._id),
    receivedAt: clock.now(),
    refundRequestedAt: null,
    refundId: null,
    refundedAt: null,
  };
  if (latePayment.refundRequestedAt !== null) return DONE;
  if (!order.latePayment) await patchOrder(order._id, { latePayment });
  console.warn('[orders] payment for a cancelled order, refunding', order._id, transactionId);
  return requestLateRefund(order, latePayment);
}

async function requestLateRefund(order: OrderRecord, latePayment: LatePaymentRecord): Promise<SettleOutcome> {
  const request = await refundInFull({
    outTradeNo: order.outTradeNo,
    outRefundNo: latePayment.outRefundNo,
    totalFee: latePayment.totalFee,
    reason: '订单已取消，款项原路退回',
    notify: PAY_CALLBACK_FUNCTION,
  });
  if (!request.accepted) {
    await patchOrder(order._id, {}); // updatedAt: the sweep waits before asking again
    return { done: false, why: 'refund not accepted yet' };
  }
  await patchOrder(order._id, { latePayment: { ...latePayment, refundRequestedAt: clock.now() } });
  return DONE;
}

/**
 * What WeChat Pay said about a late-payment refund (its notification or queryRefund): SUCCESS marks
 * it refunded (once); CHANGE / REFUNDCLOSE make it due again (the sweep requests it again).
 */
export async function recordLateRefund(order: OrderRecord, result: RefundState): Promise<void> {
  const latePayment = order.latePayment;
  if (!latePayment || latePayment.refundedAt !== null) return;
  if (result.state === 'SUCCESS') {
    await patchOrder(order._id, {
      latePayment: { ...latePayment, refundId: result.refundId, refundedAt: clock.now() },
    });
    return;
  }
  if (result.state === 'CHANGE' || result.state === 'REFUNDCLOSE') {
    console.error('[orders] late-payment refund did not succeed; due again', order._id, result.state);
    await patchOrder(order._id, { latePayment: { ...latePayment, refundRequestedAt: null } });
  }
}

/** A late-payment refund the notification has not confirmed: ask WeChat Pay where it stands. */
async function confirmLateRefund(order: OrderRecord): Promise<void> {
  const latePayment = order.latePayment;
  if (!latePayment || latePayment.refundedAt !== null) return;
  if (latePayment.refundRequestedAt === null) {
    await requestLateRefund(order, latePayment);
    return;
  }
  const result = await queryRefundState(latePayment.outRefundNo);
  if (result.state === 'NOTEXIST') {
    await requestLateRefund(order, latePayment);
    return;
  }
  await recordLateRefund(order, result);
  // PROCESSING / no answer: checked again after the interval
  if (result.state === 'PROCESSING' || result.state === 'unknown') await patchOrder(order._id, {});
}

// ---- gift orders (the gift function's steps; the gift document is server/gifts/store.ts's) ----

/** The printed card and the recipient's address: the order goes to the merchant (awaitingRecipient → paid). */
export async function handGiftOrderToMerchant(
  orderId: string,
  address: Address,
  greetingCard: PrintedGreetingCard,
  recipientOpenid: string | null = null,
): Promise<boolean> {
  return moveOrder(orderId, 'awaitingRecipient', { status: 'paid', address, greetingCard, recipientOpenid });
}

/** The recipient switched SKU (same product, same price): the order's line follows. */
export async function switchGiftOrderSku(orderId: string, item: OrderItem): Promise<boolean> {
  return moveOrder(orderId, 'awaitingRecipient', { skuId: item.skuId, items: [item] });
}

/**
 * A paid gift nobody will receive (expired or declined): awaitingRecipient → cancelled, then its
 * hold is released. Released whether or not this call moved it: an earlier run may have stopped
 * right after the move. The refund is the gift's business (server/refunds.ts).
 */
export async function cancelClosedGiftOrder(orderId: string, reason: OrderCancelReason): Promise<void> {
  await moveOrder(orderId, 'awaitingRecipient', {
    status: 'cancelled',
    cancelledAt: clock.now(),
    cancelReason: reason,
  });
  const order = await findOrder(orderId);
  if (order?.status === 'cancelled') await releaseCancelledHold(order);
}

// ---- after-sales (the afterSales documents are server/afterSales.ts's; this keeps the order's side) ----

/** After-sale statuses that hold the order: a second one cannot be opened meanwhile. */
const OPEN_AFTER_SALE: readonly AfterSaleStatus[] = OPEN_AFTER_SALE_STATUSES;

/**
 * Opens an after-sale on the order: ONE conditional update, on the status the asker saw, on the latest
 * after-sale being the one it saw (`expected`) and on none being open, records `{ afterSaleId, type,
 * status: 'requested', askerOpenid, count }`. true for exactly one of two racing requests.
 */
export async function claimOrderForAfterSale(
  order: Pick<OrderRecord, '_id' | 'status'>,
  expected: OrderAfterSaleRecord | null,
  claim: OrderAfterSaleRecord,
): Promise<boolean> {
  const result = (await db
    .collection(ORDERS)
    .where({
      _id: order._id,
      status: order.status,
      // the latest after-sale is still the one the asker's request was checked against
      'afterSale.afterSaleId': expected ? expected.afterSaleId : _.exists(false),
      'afterSale.status': _.nin([...OPEN_AFTER_SALE]),
    })
    .update({ data: replacing({ afterSale: claim }) })) as UpdateResult;
  return result.stats.updated === 1;
}

/** The order's summary follows its after-sale (only while it is the order's latest one). */
export async function recordOrderAfterSaleStatus(
  orderId: string,
  afterSaleId: string,
  status: AfterSaleStatus,
): Promise<void> {
  await db
    .collection(ORDERS)
    .where({ _id: orderId, 'afterSale.afterSaleId': afterSaleId })
    .update({ data: { afterSale: { status }, updatedAt: clock.now() } });
}

/**
 * A refund was decided for an order not shipped yet: paid → cancelled ('afterSaleRefund'), so it can
 * no longer be shipped, and its units go back to the shelf (once per after-sale, server/stock.ts).
 * Safe to repeat. Returns whether the stock came back (false once the order had been shipped).
 */
export async function closeUnshippedOrderForRefund(orderId: string, afterSaleId: string): Promise<boolean> {
  await moveOrder(orderId, 'paid', { status: 'cancelled', cancelledAt: clock.now(), cancelReason: 'afterSaleRefund' });
  const order = await findOrder(orderId);
  const closedForThis =
    order?.status === 'cancelled' &&
    order.cancelReason === 'afterSaleRefund' &&
    order.shipping === null &&
    order.afterSale?.afterSaleId === afterSaleId;
  if (!order || !closedForThis) return false;
  await returnSoldStock(order.skuId, order.quantity, afterSaleId);
  return true;
}

/**
 * The refund of a shipped order went through: shipped | completed → cancelled ('afterSaleRefund').
 * Conditional on the status, so it happens once; an order already closed stays as it is.
 */
export async function closeRefundedOrder(orderId: string): Promise<void> {
  await db
    .collection(ORDERS)
    .where({ _id: orderId, status: _.in(['shipped', 'completed']) })
    .update({
      data: { status: 'cancelled', cancelledAt: clock.now(), cancelReason: 'afterSaleRefund', updatedAt: clock.now() },
    });
}

// ---- lists ----

export interface OrderPageQuery {
  /** only this buyer's orders; absent for the merchant */
  openid?: string;
  /** with `openid`: also the gift orders that user accepted as the recipient */
  includeReceived?: boolean;
  status?: OrderStatus;
  offset: number;
  limit: number;
}

/**
 * Newest first (the orders {openid, createdAt} index serves the buyer's list, {recipientOpenid,
 * createdAt} the recipient's part of it).
 */
export async function queryOrders(query: OrderPageQuery): Promise<OrderRecord[]> {
  const condition: Record<string, unknown> = {};
  if (query.openid !== undefined) condition.openid = query.openid;
  if (query.status !== undefined) condition.status = query.status;
  let cursor = db.collection(ORDERS).where(condition);
  if (query.openid !== undefined && query.includeReceived) {
    const received: Record<string, unknown> = { kind: 'gift', recipientOpenid: query.openid };
    if (query.status !== undefined) received.status = query.status;
    cursor = db.collection(ORDERS).where(_.or([condition, received]));
  }
  cursor = cursor.orderBy('createdAt', 'desc').orderBy('_id', 'desc');
  if (query.offset > 0) cursor = cursor.skip(query.offset);
  return fetchDocs<OrderRecord>(cursor.limit(query.limit));
}

// ---- the one-minute sweep ----

export const SWEEP_BATCH_SIZE = 50;
/** Stop starting new batches after this long; the next trigger carries on (the order function times out at 20 s). */
export const SWEEP_TIME_BUDGET_MS = 12_000;
/** A late-payment refund not confirmed this long after it was requested is queried (queryRefund). */
export const LATE_REFUND_CHECK_AFTER_MS = 5 * MINUTE_MS;

export interface SweepSummary {
  /** orders this run cancelled */
  cancelled: number;
  /** orders found paid when their trade was closed (ORDERPAID), settled as paid */
  paid: number;
  /** holds this run released or committed after an earlier run stopped halfway */
  recovered: number;
  /** late-payment refunds requested again or confirmed by query */
  lateRefundsChecked: number;
  /** false when the budget ran out before everything due was handled */
  complete: boolean;
}

/**
 * Handles everything due, in batches, within a time budget (a trigger fires at most once per pass
 * however many slots were missed): (1) unpaid orders past their window are cancelled — or settled
 * as paid when WeChat Pay says ORDERPAID; (2) holds an interrupted run left behind are released
 * (cancelled orders) or committed (paid ones); (3) late-payment refunds still unconfirmed after a
 * few minutes are queried.
 */
export async function sweepExpiredOrders(now: number = clock.now()): Promise<SweepSummary> {
  const startedAt = Date.now();
  const withinBudget = () => Date.now() - startedAt < SWEEP_TIME_BUDGET_MS;
  const summary: SweepSummary = { cancelled: 0, paid: 0, recovered: 0, lateRefundsChecked: 0, complete: false };

  // Orders WeChat Pay gave no answer for stay pendingPayment: leave them to the next run.
  const kept: string[] = [];
  for (;;) {
    if (!withinBudget()) return summary;
    const condition: Record<string, unknown> = { status: 'pendingPayment', expiresAt: _.lte(now) };
    if (kept.length > 0) condition._id = _.nin(kept);
    const due = await fetchDocs<OrderRecord>(
      db.collection(ORDERS).where(condition).orderBy('expiresAt', 'asc').limit(SWEEP_BATCH_SIZE),
    );
    for (const order of due) {
      const outcome = await cancelUnpaidOrder(order, 'timeout');
      if (outcome === 'cancelled') summary.cancelled += 1;
      else if (outcome === 'paid') summary.paid += 1;
      else kept.push(order._id);
    }
    if (due.length < SWEEP_BATCH_SIZE) break;
  }

  const recoveries: Array<{ where: Record<string, unknown>; finish: (order: OrderRecord) => Promise<void> }> = [
    { where: { status: 'cancelled', stockHold: 'held' }, finish: releaseCancelledHold },
    { where: { status: _.in(['paid', 'shipped', 'completed']), stockHold: 'held' }, finish: commitOrderHold },
  ];
  for (const recovery of recoveries) {
    for (;;) {
      if (!withinBudget()) return summary;
      const stranded = await fetchDocs<OrderRecord>(
        db.collection(ORDERS).where(recovery.where).limit(SWEEP_BATCH_SIZE),
      );
      for (const order of stranded) {
        await recovery.finish(order);
        summary.recovered += 1;
      }
      if (stranded.length < SWEEP_BATCH_SIZE) break;
    }
  }

  for (;;) {
    if (!withinBudget()) return summary;
    const unconfirmed = await fetchDocs<OrderRecord>(
      db
        .collection(ORDERS)
        .where({
          status: 'cancelled',
          'latePayment.outRefundNo': _.exists(true),
          'latePayment.refundedAt': null,
          updatedAt: _.lte(now - LATE_REFUND_CHECK_AFTER_MS),
        })
        .limit(SWEEP_BATCH_SIZE),
    );
    // every path of confirmLateRefund moves updatedAt, so the query stops matching what it handled
    for (const order of unconfirmed) {
      await confirmLateRefund(order);
      summary.lateRefundsChecked += 1;
    }
    if (unconfirmed.length < SWEEP_BATCH_SIZE) break;
  }
  summary.complete = true;
  return summary;
}

// ---- the merchant's dashboard ----

/** Orders paid per China day since `since`: how many, and the fen they paid (sum of totalFee). */
export const paidOrdersPerChinaDay = (since: number): Promise<Map<number, DayTotals>> =>
  totalsPerChinaDay(db.collection(ORDERS), 'paidAt', since, { sumField: 'totalFee' });

// ---- after shipping: notices once, and completion 10 days later ----

/**
 * Claims the right to send one notice about an order (e.g. 'shipped'): true for exactly one caller,
 * however often shipping is replayed, because the claim is a conditional update on the notice's absence.
 */
export async function claimOrderNotice(orderId: string, notice: string): Promise<boolean> {
  const result = (await db
    .collection(ORDERS)
    .where({ _id: orderId, [`notices.${notice}`]: _.exists(false) })
    .update({ data: { [`notices.${notice}`]: clock.now() } })) as UpdateResult;
  return result.stats.updated === 1;
}

/** WeChat shops complete a shipped order by themselves this long after shipping. */
export const AUTO_COMPLETE_AFTER_MS = 10 * DAY_MS;

/**
 * shipped → completed for orders shipped at least AUTO_COMPLETE_AFTER_MS ago (the order function's
 * timer). Each move is conditional on 'shipped', so a buyer confirming at the same moment, or a second
 * run, completes an order once. Returns how many this run completed.
 */
export async function completeLongShippedOrders(now: number = clock.now()): Promise<number> {
  const startedAt = Date.now();
  let completed = 0;
  const skipped: string[] = [];
  for (;;) {
    if (Date.now() - startedAt >= SWEEP_TIME_BUDGET_MS) return completed;
    const condition: Record<string, unknown> = {
      status: 'shipped',
      'shipping.shippedAt': _.lte(now - AUTO_COMPLETE_AFTER_MS),
    };
    if (skipped.length > 0) condition._id = _.nin(skipped);
    const due = await fetchDocs<OrderRecord>(db.collection(ORDERS).where(condition).limit(SWEEP_BATCH_SIZE));
    for (const order of due) {
      const moved = await moveOrder(order._id, 'shipped', {
        status: 'completed',
        completedAt: now,
        autoCompleted: true,
      });
      if (moved) completed += 1;
      else skipped.push(order._id);
    }
    if (due.length < SWEEP_BATCH_SIZE) return completed;
  }
}
