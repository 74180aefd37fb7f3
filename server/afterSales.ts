/**
 * After-sales (售后): the `afterSales` collection's ONE owner (documents: src/domain/afterSale/record.ts),
 * and the flows of the order function's and the merchant function's after-sales actions.
 *
 * Money: a refund is DECIDED in the same conditional update that moves the after-sale to `refunding`
 * (with its out_refund_no, derived from the after-sale id alone, and the amount paid) BEFORE WeChat Pay
 * is called. Every later step is idempotent and finished by whoever sees the after-sale next: a second
 * approval, the refund notification (refundCallback), or the order function's sweep (queryRefund after
 * 5 minutes). WeChat Pay never refunds one out_refund_no twice, so the money goes back exactly once.
 * The order's side (its summary, closing it, stock) goes through server/orders.ts.
 */
import type { AfterSaleRecord, OrderAfterSaleRecord } from '@domain/afterSale/record';
import { AfterSaleErrors } from '@domain/afterSale/errors';
import { approvalEvent, isAfterSaleOpen, nextAfterSaleStatus, type AfterSaleEvent } from '@domain/afterSale/machine';
import { afterSaleRefundNo, allowedAfterSaleTypes, reasonsFor, wasShipped } from '@domain/afterSale/rules';
import type {
  AfterSaleStatus,
  AfterSaleView,
  ListAfterSalesRequest,
  MerchantAfterSaleView,
  RequestAfterSaleRequest,
  ResolveAfterSaleRequest,
  SubmitReturnShippingRequest,
} from '@domain/afterSale/types';
import { toAfterSaleView, toMerchantAfterSaleView } from '@domain/afterSale/views';
import { clock, MINUTE_MS } from '@domain/clock';
import { CommonErrors, failWith } from '@domain/errors';
import { checkShipment } from '@domain/logistics/carriers';
import { OrderErrors } from '@domain/order/errors';
import type { OrderRecord } from '@domain/order/types';
import { ok, type Result } from '@domain/result';
import { command as _, countDocs, db, fetchDocs } from './cloud';
import type { RefundNotice } from './gifts/refundNotice';
import { findGift } from './gifts/store';
import {
  claimOrderForAfterSale,
  closeRefundedOrder,
  closeUnshippedOrderForRefund,
  findOrder,
  findOrders,
  recordOrderAfterSaleStatus,
} from './orders';
import { queryRefundState, REFUND_CALLBACK_FUNCTION, refundInFull, type RefundState } from './payment';

export const AFTER_SALES = 'afterSales';

/** A refund decided but not yet accepted by WeChat Pay is requested again after this long. */
export const UNREQUESTED_REFUND_RETRY_MS = MINUTE_MS;
/** A requested refund not confirmed by its notification this long after is asked about (queryRefund). */
export const AFTER_SALE_REFUND_CHECK_AFTER_MS = 5 * MINUTE_MS;
/** An open claim on an order whose document never got written (a crash in between) is let go after this. */
const DANGLING_CLAIM_MS = MINUTE_MS;

interface UpdateResult {
  stats: { updated: number };
}

// ---- the collection ----

export async function findAfterSale(afterSaleId: string): Promise<AfterSaleRecord | null> {
  const [found] = await fetchDocs<AfterSaleRecord>(db.collection(AFTER_SALES).where({ _id: afterSaleId }).limit(1));
  return found ?? null;
}

async function insertAfterSale(record: AfterSaleRecord): Promise<void> {
  const { _id, ...data } = record;
  await db.collection(AFTER_SALES).add({ data: { _id, ...data } });
}

/** Object values replace the field (a plain object would be merged into what is there). */
function replacing(patch: Partial<AfterSaleRecord>): Record<string, unknown> {
  const data: Record<string, unknown> = { updatedAt: clock.now() };
  for (const [key, value] of Object.entries(patch)) {
    data[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
  }
  return data;
}

/** Moves the after-sale from `from` with `patch`; true when this call moved it. */
async function moveAfterSale(
  afterSaleId: string,
  from: AfterSaleStatus,
  patch: Partial<AfterSaleRecord>,
): Promise<boolean> {
  const result = (await db
    .collection(AFTER_SALES)
    .where({ _id: afterSaleId, status: from })
    .update({ data: replacing(patch) })) as UpdateResult;
  return result.stats.updated === 1;
}

/** Newest first, for the merchant (the afterSales {status, createdAt} index serves a filtered list). */
async function queryAfterSales(query: {
  status?: AfterSaleStatus | undefined;
  offset: number;
  limit: number;
}): Promise<AfterSaleRecord[]> {
  const condition: Record<string, unknown> = {};
  if (query.status !== undefined) condition.status = query.status;
  let cursor = db.collection(AFTER_SALES).where(condition).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
  if (query.offset > 0) cursor = cursor.skip(query.offset);
  return fetchDocs<AfterSaleRecord>(cursor.limit(query.limit));
}

// ---- who may ask ----

type Asker = { ok: true; requester: 'buyer' | 'recipient' } | { ok: false; refusal: Result<never> };

/**
 * The buyer of a self order, or the recipient who accepted a gift order. The giver of a gift is told
 * who can; anybody else gets ORDER.NOT_FOUND (the order's existence is not revealed).
 */
async function askerOf(order: OrderRecord, openid: string): Promise<Asker> {
  if (order.kind === 'self') {
    return order.openid === openid ? { ok: true, requester: 'buyer' } : { ok: false, refusal: notFound() };
  }
  const gift = await findGift(order.giftId ?? order._id);
  if (gift && gift.recipientOpenid === openid && gift.acceptedAt !== null) return { ok: true, requester: 'recipient' };
  if (order.openid === openid) return { ok: false, refusal: failWith(AfterSaleErrors.GIVER_CANNOT_APPLY) };
  return { ok: false, refusal: notFound() };
}

const notFound = () => failWith(OrderErrors.NOT_FOUND);

/** The caller's own after-sale with its order; anybody else's is "not found". */
async function findOwnAfterSale(
  afterSaleId: string,
  openid: string,
): Promise<{ record: AfterSaleRecord; order: OrderRecord } | null> {
  const record = await findAfterSale(afterSaleId);
  if (!record || !openid || record.askerOpenid !== openid) return null;
  const order = await findOrder(record.orderId);
  return order ? { record, order } : null;
}

// ---- the asker's actions (order function) ----

export async function requestAfterSale(
  request: RequestAfterSaleRequest,
  openid: string,
  now: number,
): Promise<Result<{ afterSaleId: string; status: AfterSaleStatus }>> {
  const order = await findOrder(request.orderId);
  if (!order) return notFound();
  const asker = await askerOf(order, openid);
  if (!asker.ok) return asker.refusal;

  const types = allowedAfterSaleTypes(order, now);
  if (types.length === 0) {
    return failWith(order.status === 'completed' ? AfterSaleErrors.WINDOW_CLOSED : AfterSaleErrors.NOT_ELIGIBLE);
  }
  if (!types.includes(request.type)) return failWith(AfterSaleErrors.TYPE_NOT_ALLOWED);
  if (!reasonsFor(request.type, order.status).includes(request.reason)) {
    return failWith(AfterSaleErrors.REASON_NOT_ALLOWED);
  }
  if (order.afterSale && (await stillOpen(order, order.afterSale, now))) return failWith(AfterSaleErrors.ALREADY_OPEN);

  const count = (order.afterSale?.count ?? 0) + 1;
  const afterSaleId = `${order._id}_${count}`;
  const claim: OrderAfterSaleRecord = {
    afterSaleId,
    type: request.type,
    status: 'requested',
    askerOpenid: openid,
    count,
  };
  if (!(await claimOrderForAfterSale(order, order.afterSale ?? null, claim))) {
    const current = await findOrder(order._id);
    if (current?.afterSale && current.afterSale.afterSaleId !== order.afterSale?.afterSaleId) {
      return failWith(AfterSaleErrors.ALREADY_OPEN);
    }
    return failWith(AfterSaleErrors.NOT_ELIGIBLE, '订单状态已变化，请刷新后重试');
  }
  await insertAfterSale({
    _id: afterSaleId,
    orderId: order._id,
    orderKind: order.kind,
    askerOpenid: openid,
    requester: asker.requester,
    payerOpenid: order.openid,
    type: request.type,
    status: 'requested',
    reason: request.reason,
    description: request.description ?? '',
    photos: request.photos ?? [],
    refundFee: order.totalFee,
    shippedWhenAsked: wasShipped(order.status),
    merchantNote: null,
    returnShipping: null,
    refund: null,
    createdAt: now,
    resolvedAt: null,
    returnReceivedAt: null,
    refundedAt: null,
    cancelledAt: null,
    updatedAt: now,
  });
  return ok({ afterSaleId, status: 'requested' });
}

/**
 * Whether the order's latest after-sale still holds it. A claim whose document was never written (the
 * function stopped between the two writes) is let go once it is a minute old.
 */
async function stillOpen(order: OrderRecord, summary: OrderAfterSaleRecord, now: number): Promise<boolean> {
  if (!isAfterSaleOpen(summary.status)) return false;
  if (await findAfterSale(summary.afterSaleId)) return true;
  if (now - order.updatedAt < DANGLING_CLAIM_MS) return true;
  console.warn('[afterSales] letting go of a claim without its document', order._id, summary.afterSaleId);
  await recordOrderAfterSaleStatus(order._id, summary.afterSaleId, 'cancelled');
  order.afterSale = { ...summary, status: 'cancelled' };
  return false;
}

export async function getAfterSale(afterSaleId: string, openid: string, now: number): Promise<Result<AfterSaleView>> {
  const own = await findOwnAfterSale(afterSaleId, openid);
  if (!own) return failWith(AfterSaleErrors.NOT_FOUND);
  return ok(toAfterSaleView(own.record, own.order, now));
}

/** A refusal for an edge the table does not have. */
const invalidState = (record: AfterSaleRecord, what: string) =>
  failWith(AfterSaleErrors.INVALID_STATE, `售后单${labelOf(record.status)}，无法${what}`);

const STATUS_WORDS: Record<AfterSaleStatus, string> = {
  requested: '待商家处理',
  awaitingReturn: '待寄回商品',
  returnShipped: '待商家收货',
  refunding: '退款中',
  refunded: '已退款',
  rejected: '已被拒绝',
  cancelled: '已撤销',
};
const labelOf = (status: AfterSaleStatus) => STATUS_WORDS[status];

/** Applies `event` to the after-sale (conditional), then mirrors the status on the order. */
async function step(
  record: AfterSaleRecord,
  event: AfterSaleEvent,
  patch: Partial<AfterSaleRecord>,
): Promise<AfterSaleStatus | null> {
  const next = nextAfterSaleStatus(record.status, event);
  if (next === null) return null;
  if (!(await moveAfterSale(record._id, record.status, { ...patch, status: next }))) return null;
  await recordOrderAfterSaleStatus(record.orderId, record._id, next);
  return next;
}

export async function cancelAfterSale(
  afterSaleId: string,
  openid: string,
  now: number,
): Promise<Result<AfterSaleView>> {
  const own = await findOwnAfterSale(afterSaleId, openid);
  if (!own) return failWith(AfterSaleErrors.NOT_FOUND);
  if (own.record.status === 'cancelled') return ok(toAfterSaleView(own.record, own.order, now));
  const moved = await step(own.record, 'cancel', { cancelledAt: now });
  if (!moved) return invalidState((await findAfterSale(afterSaleId)) ?? own.record, '撤销');
  return answerAsker(afterSaleId, now);
}

export async function submitReturnShipping(
  request: SubmitReturnShippingRequest,
  openid: string,
  now: number,
): Promise<Result<AfterSaleView>> {
  const own = await findOwnAfterSale(request.afterSaleId, openid);
  if (!own) return failWith(AfterSaleErrors.NOT_FOUND);
  const shipment = checkShipment(request.expressCompany, request.trackingNo);
  if (!shipment.ok) return shipment;
  const moved = await step(own.record, 'shipReturn', {
    returnShipping: {
      expressCompany: shipment.data.carrier.name,
      trackingNo: shipment.data.trackingNo,
      shippedAt: now,
    },
  });
  if (!moved) return invalidState((await findAfterSale(request.afterSaleId)) ?? own.record, '填写退货物流');
  return answerAsker(request.afterSaleId, now);
}

async function answerAsker(afterSaleId: string, now: number): Promise<Result<AfterSaleView>> {
  const record = await findAfterSale(afterSaleId);
  const order = record ? await findOrder(record.orderId) : null;
  if (!record || !order) return failWith(AfterSaleErrors.NOT_FOUND);
  return ok(toAfterSaleView(record, order, now));
}

// ---- the merchant's actions (merchant function; the caller's role is checked there) ----

export async function listAfterSales(
  request: ListAfterSalesRequest,
  offset: number,
  limit: number,
  now: number,
): Promise<{ items: MerchantAfterSaleView[]; hasMore: boolean }> {
  const records = await queryAfterSales({ status: request.status, offset, limit: limit + 1 });
  const page = records.slice(0, limit);
  const orders = new Map((await findOrders(page.map((record) => record.orderId))).map((order) => [order._id, order]));
  const items = page.flatMap((record) => {
    const order = orders.get(record.orderId);
    return order ? [toMerchantAfterSaleView(record, order, now)] : [];
  });
  return { items, hasMore: records.length > limit };
}

async function answerMerchant(afterSaleId: string, now: number): Promise<Result<MerchantAfterSaleView>> {
  const record = await findAfterSale(afterSaleId);
  const order = record ? await findOrder(record.orderId) : null;
  if (!record || !order) return failWith(AfterSaleErrors.NOT_FOUND);
  return ok(toMerchantAfterSaleView(record, order, now));
}

/** Statuses an approval leads to (or passes through): approving again answers the after-sale as it is. */
const APPROVED: Record<AfterSaleRecord['type'], readonly AfterSaleStatus[]> = {
  refund: ['refunding', 'refunded'],
  return: ['awaitingReturn', 'returnShipped', 'refunding', 'refunded'],
};

export async function resolveAfterSale(
  request: ResolveAfterSaleRequest,
  now: number,
): Promise<Result<MerchantAfterSaleView>> {
  const record = await findAfterSale(request.afterSaleId);
  if (!record) return failWith(AfterSaleErrors.NOT_FOUND);
  const note = request.note ?? '';

  if (!request.approve) {
    if (note === '') return failWith(AfterSaleErrors.NOTE_REQUIRED);
    if (record.status === 'rejected') return answerMerchant(record._id, now);
    const moved = await step(record, 'reject', { merchantNote: note, resolvedAt: now });
    if (!moved) return invalidState((await findAfterSale(record._id)) ?? record, '拒绝');
    return answerMerchant(record._id, now);
  }

  if (APPROVED[record.type].includes(record.status)) {
    // A second tap, or a retry after a timeout: the decision stands; make sure its refund is on its way.
    if (record.status === 'refunding') await finishRefunding(record);
    return answerMerchant(record._id, now);
  }
  const event = approvalEvent(record.type);
  const patch: Partial<AfterSaleRecord> = { merchantNote: note === '' ? null : note, resolvedAt: now };
  if (event === 'approveRefund') Object.assign(patch, { refund: await decidedRefund(record) });
  const moved = await step(record, event, patch);
  const current = (await findAfterSale(record._id)) ?? record;
  if (!moved) {
    if (APPROVED[current.type].includes(current.status)) return answerMerchant(record._id, now);
    return invalidState(current, '同意');
  }
  if (current.status === 'refunding') await finishRefunding(current);
  return answerMerchant(record._id, now);
}

export async function confirmReturn(afterSaleId: string, now: number): Promise<Result<MerchantAfterSaleView>> {
  const record = await findAfterSale(afterSaleId);
  if (!record) return failWith(AfterSaleErrors.NOT_FOUND);
  if (record.status === 'refunding' || record.status === 'refunded') {
    if (record.status === 'refunding') await finishRefunding(record);
    return answerMerchant(afterSaleId, now);
  }
  const moved = await step(record, 'confirmReturn', { returnReceivedAt: now, refund: await decidedRefund(record) });
  const current = (await findAfterSale(afterSaleId)) ?? record;
  if (!moved && current.status !== 'refunding' && current.status !== 'refunded') {
    return invalidState(current, '确认收货');
  }
  if (current.status === 'refunding') await finishRefunding(current);
  return answerMerchant(afterSaleId, now);
}

// ---- the refund: decided once, requested until WeChat Pay takes it, confirmed once ----

/** The refund the decision records: the whole amount paid, to the order's own payment. */
async function decidedRefund(record: AfterSaleRecord): Promise<AfterSaleRecord['refund']> {
  const order = await findOrder(record.orderId);
  if (!order) throw new Error(`after-sale ${record._id} without its order ${record.orderId}`);
  return {
    outTradeNo: order.outTradeNo,
    outRefundNo: afterSaleRefundNo(record._id),
    refundFee: order.totalFee,
    refundRequestedAt: null,
    refundId: null,
    lastError: null,
  };
}

/**
 * Everything after the decision, each step idempotent: the order's summary, an unshipped order closed
 * and its stock back, and the refund requested (same out_refund_no every time) until WeChat Pay accepts.
 */
export async function finishRefunding(record: AfterSaleRecord): Promise<'requested' | 'alreadyRequested' | 'failed'> {
  const refund = record.refund;
  if (record.status !== 'refunding' || !refund) return 'alreadyRequested';
  await recordOrderAfterSaleStatus(record.orderId, record._id, 'refunding');
  if (record.type === 'refund') await closeUnshippedOrderForRefund(record.orderId, record._id);
  if (refund.refundRequestedAt !== null) return 'alreadyRequested';
  const request = await refundInFull({
    outTradeNo: refund.outTradeNo,
    outRefundNo: refund.outRefundNo,
    totalFee: refund.refundFee,
    reason: record.type === 'refund' ? '售后仅退款，款项原路退回' : '退货退款，款项原路退回',
    notify: REFUND_CALLBACK_FUNCTION,
  });
  if (!request.accepted) {
    // updatedAt moves: the sweep asks again after its interval, with the same out_refund_no
    await moveAfterSale(record._id, 'refunding', { refund: { ...refund, lastError: request.problem.slice(0, 200) } });
    return 'failed';
  }
  await moveAfterSale(record._id, 'refunding', {
    refund: { ...refund, refundRequestedAt: clock.now(), lastError: null },
  });
  return 'requested';
}

export type AfterSaleRefundOutcome = 'refunded' | 'alreadyRefunded' | 'dueAgain' | 'waiting';

/**
 * What WeChat Pay says about the refund (notification or queryRefund). SUCCESS: the order is closed
 * and its summary set FIRST, then refunding → refunded (conditional: once, however often reported).
 * CHANGE / REFUNDCLOSE: due again (the sweep requests it again). Anything else changes nothing.
 */
export async function recordAfterSaleRefund(
  record: AfterSaleRecord,
  result: RefundState,
  now: number = clock.now(),
): Promise<AfterSaleRefundOutcome> {
  const refund = record.refund;
  if (!refund) return 'waiting';
  if (record.status === 'refunded') return 'alreadyRefunded';
  if (record.status !== 'refunding') return 'waiting';
  if (result.state === 'CHANGE' || result.state === 'REFUNDCLOSE') {
    console.error('[afterSales] refund did not succeed; due again', record._id, result.state);
    await moveAfterSale(record._id, 'refunding', {
      refund: { ...refund, refundRequestedAt: null, lastError: `refund ${result.state}` },
    });
    return 'dueAgain';
  }
  if (result.state !== 'SUCCESS') return 'waiting';
  await closeRefundedOrder(record.orderId);
  await recordOrderAfterSaleStatus(record.orderId, record._id, 'refunded');
  const moved = await moveAfterSale(record._id, 'refunding', {
    status: 'refunded',
    refundedAt: now,
    refund: { ...refund, refundId: result.refundId, refundRequestedAt: refund.refundRequestedAt ?? now },
  });
  return moved ? 'refunded' : 'alreadyRefunded';
}

/** The after-sale a refund number belongs to ('S' + id, see afterSaleRefundNo), or null. */
export async function findAfterSaleByRefundNo(outRefundNo: string): Promise<AfterSaleRecord | null> {
  if (!outRefundNo.startsWith('S')) return null;
  const record = await findAfterSale(outRefundNo.slice(1));
  return record?.refund?.outRefundNo === outRefundNo ? record : null;
}

// ---- the sweep (the order function's timer): refunds decided but not accepted, or not confirmed ----

export const AFTER_SALE_SWEEP_BATCH = 50;

export interface AfterSaleSweepSummary {
  requested: number;
  confirmed: number;
  checked: number;
  complete: boolean;
}

/**
 * Refunding after-sales whose refund was never accepted (a crash after the decision, or WeChat Pay
 * refused) are requested again after a minute; requested ones still unconfirmed after 5 minutes are
 * asked about with queryRefund (NOTEXIST → requested again with the same out_refund_no). Every path
 * moves updatedAt, so one run never handles the same after-sale twice.
 */
export async function sweepAfterSaleRefunds(now: number, budgetMs: number): Promise<AfterSaleSweepSummary> {
  const startedAt = Date.now();
  const summary: AfterSaleSweepSummary = { requested: 0, confirmed: 0, checked: 0, complete: false };
  for (;;) {
    if (Date.now() - startedAt >= budgetMs) return summary;
    const due = await fetchDocs<AfterSaleRecord>(
      db
        .collection(AFTER_SALES)
        .where(
          _.or([
            {
              status: 'refunding',
              'refund.refundRequestedAt': null,
              updatedAt: _.lte(now - UNREQUESTED_REFUND_RETRY_MS),
            },
            {
              status: 'refunding',
              'refund.refundRequestedAt': _.gt(0),
              updatedAt: _.lte(now - AFTER_SALE_REFUND_CHECK_AFTER_MS),
            },
          ]),
        )
        .limit(AFTER_SALE_SWEEP_BATCH),
    );
    for (const record of due) {
      summary.checked += 1;
      if (!record.refund || record.refund.refundRequestedAt === null) {
        if ((await finishRefunding(record)) === 'requested') summary.requested += 1;
        continue;
      }
      const result = await queryRefundState(record.refund.outRefundNo);
      if (result.state === 'NOTEXIST') {
        const again = { ...record, refund: { ...record.refund, refundRequestedAt: null } };
        if ((await finishRefunding(again)) === 'requested') summary.requested += 1;
        continue;
      }
      const outcome = await recordAfterSaleRefund(record, result, now);
      if (outcome === 'refunded') summary.confirmed += 1;
      if (outcome === 'waiting') await moveAfterSale(record._id, 'refunding', {}); // checked again after the interval
    }
    if (due.length < AFTER_SALE_SWEEP_BATCH) break;
  }
  summary.complete = true;
  return summary;
}

/** COMMON.INVALID_ARGUMENT for a cursor we did not issue (re-exported for the merchant's list). */
export const badCursor = () =>
  failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：cursor 无效`);

// ---- the refund notification (refundCallback) ----

export type AfterSaleNoticeOutcome = AfterSaleRefundOutcome | 'notAnAfterSaleRefund';

/**
 * WeChat Pay's refund notification for an after-sale refund (out_refund_no 'S' + after-sale id):
 * recorded exactly like a queryRefund answer, so replays change nothing.
 */
export async function handleAfterSaleRefundNotice(notice: RefundNotice, now: number): Promise<AfterSaleNoticeOutcome> {
  const info = notice.reqInfo;
  if (notice.returnCode !== 'SUCCESS' || !info?.outRefundNo) return 'notAnAfterSaleRefund';
  const record = await findAfterSaleByRefundNo(info.outRefundNo);
  if (!record || record.refund?.outTradeNo !== info.outTradeNo) return 'notAnAfterSaleRefund';
  const status = info.refundStatus;
  if (status === 'SUCCESS')
    return recordAfterSaleRefund(record, { state: 'SUCCESS', refundId: info.refundId ?? null }, now);
  // CHANGE / REFUNDCLOSE, or wording we do not know: due again, the sweep asks WeChat Pay
  return recordAfterSaleRefund(record, { state: status === 'CHANGE' ? 'CHANGE' : 'REFUNDCLOSE' }, now);
}

/** After-sales waiting for the merchant (the merchant's dashboard): to approve or reject, or a return to receive. */
export const MERCHANT_WAITING_STATUSES = ['requested', 'returnShipped'] as const satisfies readonly AfterSaleStatus[];

export const countAfterSalesWaitingForMerchant = (): Promise<number> =>
  countDocs(db.collection(AFTER_SALES).where({ status: _.in([...MERCHANT_WAITING_STATUSES]) }));
