/**
 * The `orders` collection (documents: src/domain/order/types.ts) and the order lifecycle steps that
 * several functions share: creation, cancellation with stock release, and the 30-minute sweep.
 *
 * Every status change is a conditional update on the expected status whose `stats.updated` is
 * checked, so racing writers (buyer cancel, sweep, payment callback) cannot both move an order. The
 * side effect that follows a move (stock release / commit) is idempotent on the hold id and recorded
 * in `stockHold`, so a crash between the two is finished later by whoever sees the order next.
 */
import { randomBytes } from 'node:crypto';
import { clock } from '@domain/clock';
import type { OrderCancelReason } from '@domain/contracts';
import type { OrderStatus } from '@domain/order/machine';
import type { OrderRecord, StockHoldState } from '@domain/order/types';
import { command as _, db, fetchDocs } from './cloud';
import { cancelUnpaidGift } from './gifts/activate';
import { closePayment } from './payment';
import { releaseStock } from './stock';

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

/** The hold id of an order's stock reservation (gift orders may name their own). */
export const holdIdOf = (order: Pick<OrderRecord, '_id' | 'holdId'>): string => order.holdId ?? order._id;

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
 * Moves the order from `from` with `patch` (which should set the new status). true when this call
 * moved it. Object values are written with `_.set` so they replace the field instead of merging
 * into a null one.
 */
export async function moveOrder(orderId: string, from: OrderStatus, patch: Partial<OrderRecord>): Promise<boolean> {
  const data: Record<string, unknown> = { updatedAt: clock.now() };
  for (const [key, value] of Object.entries(patch)) {
    data[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
  }
  const result = (await db.collection(ORDERS).where({ _id: orderId, status: from }).update({ data })) as UpdateResult;
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
  const data: Record<string, unknown> = { updatedAt: clock.now() };
  for (const [key, value] of Object.entries(patch)) {
    data[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
  }
  await db.collection(ORDERS).where({ _id: orderId }).update({ data });
}

/** Releases a cancelled order's hold and records it. Safe to repeat: the release is idempotent. */
export async function releaseCancelledHold(order: OrderRecord): Promise<void> {
  if (order.stockHold !== 'held') return;
  await releaseStock(order.skuId, order.quantity, holdIdOf(order));
  await markStockHold(order._id, 'held', 'released');
}

/**
 * pendingPayment → cancelled (buyer cancel or timeout), then release the stock, close the WeChat
 * Pay trade (so it can no longer be paid) and, for gift orders, cancel the unpaid gift. true when
 * this call cancelled it; false when the order had already moved (paid meanwhile, or cancelled by
 * someone else, who then does the rest).
 */
export async function cancelUnpaidOrder(order: OrderRecord, reason: OrderCancelReason): Promise<boolean> {
  const now = clock.now();
  const moved = await moveOrder(order._id, 'pendingPayment', {
    status: 'cancelled',
    cancelledAt: now,
    cancelReason: reason,
  });
  if (!moved) return false;
  await releaseCancelledHold(order);
  await closePayment(order.outTradeNo);
  if (order.kind === 'gift') await cancelUnpaidGift(order);
  return true;
}

export interface OrderPageQuery {
  /** only this buyer's orders; absent for the merchant */
  openid?: string;
  status?: OrderStatus;
  offset: number;
  limit: number;
}

/** Newest first (the orders {openid, createdAt} index serves the buyer's list). */
export async function queryOrders(query: OrderPageQuery): Promise<OrderRecord[]> {
  const condition: Record<string, unknown> = {};
  if (query.openid !== undefined) condition.openid = query.openid;
  if (query.status !== undefined) condition.status = query.status;
  let cursor = db.collection(ORDERS).where(condition).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
  if (query.offset > 0) cursor = cursor.skip(query.offset);
  return fetchDocs<OrderRecord>(cursor.limit(query.limit));
}

// ---- the 30-minute sweep ----

export const SWEEP_BATCH_SIZE = 50;
/** Stop starting new batches after this long; the next trigger carries on (the order function times out at 20 s). */
export const SWEEP_TIME_BUDGET_MS = 12_000;

export interface SweepSummary {
  /** orders this run cancelled */
  cancelled: number;
  /** cancelled orders whose hold was still held (a crash after an earlier cancellation) and is now released */
  recovered: number;
  /** false when the budget ran out before everything due was handled */
  complete: boolean;
}

/**
 * Cancels every unpaid order whose payment window has closed and releases its stock, in batches,
 * within a time budget. A trigger fires at most once per pass however many slots were missed, so
 * this handles everything due, not one slot. Each cancellation is conditional: an order paid at the
 * last second is left alone; a payment that lands after the cancellation is refunded by payCallback.
 */
export async function sweepExpiredOrders(now: number = clock.now()): Promise<SweepSummary> {
  const startedAt = Date.now();
  const withinBudget = () => Date.now() - startedAt < SWEEP_TIME_BUDGET_MS;
  const summary: SweepSummary = { cancelled: 0, recovered: 0, complete: false };

  for (;;) {
    if (!withinBudget()) return summary;
    const due = await fetchDocs<OrderRecord>(
      db
        .collection(ORDERS)
        .where({ status: 'pendingPayment', expiresAt: _.lte(now) })
        .orderBy('expiresAt', 'asc')
        .limit(SWEEP_BATCH_SIZE),
    );
    let cancelledInBatch = 0;
    for (const order of due) {
      if (await cancelUnpaidOrder(order, 'timeout')) cancelledInBatch += 1;
    }
    summary.cancelled += cancelledInBatch;
    // Every order of the batch has left pendingPayment (by us or a racing writer): query again.
    if (due.length < SWEEP_BATCH_SIZE) break;
  }

  for (;;) {
    if (!withinBudget()) return summary;
    const stranded = await fetchDocs<OrderRecord>(
      db.collection(ORDERS).where({ status: 'cancelled', stockHold: 'held' }).limit(SWEEP_BATCH_SIZE),
    );
    for (const order of stranded) {
      await releaseCancelledHold(order);
      summary.recovered += 1;
    }
    if (stranded.length < SWEEP_BATCH_SIZE) break;
  }
  summary.complete = true;
  return summary;
}
