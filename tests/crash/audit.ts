/**
 * The crash test's audit: reads the whole database and the payment ledger of a local cloud data
 * folder after the run and lists every broken invariant with the records involved. Each line is
 * `<invariant>: <record> — <what was found>`. An empty list means the money and the stock add up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Database, type IndexSpec } from '@local-cloud/db';
import { PAYMENTS_COLLECTION, REFUNDS_COLLECTION } from '@local-cloud/pay';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const DB_FILE = 'cloud.sqlite';

/** Order statuses from which nothing happens without a person acting (ship / confirm) or never. */
const SETTLED_ORDER_STATUSES = new Set(['paid', 'shipped', 'completed', 'cancelled']);
const PAID_ORDER_STATUSES = new Set(['paid', 'shipped', 'completed']);
/** Gift statuses a gift may rest in once every deadline has passed. */
const SETTLED_GIFT_STATUSES = new Set(['accepted', 'cancelled', 'refundedOnExpiry', 'refundedOnDecline']);
const REFUNDED_GIFT_STATUSES = new Set(['refundedOnExpiry', 'refundedOnDecline']);

export interface SkuCount {
  stock: number;
  sales: number;
}

interface SkuDoc extends SkuCount {
  _id: string;
  holds?: string[];
}

interface OrderDoc {
  _id: string;
  status: string;
  kind?: string;
  giftId?: string;
  holdId?: string;
  skuId?: string;
  quantity?: number;
  items?: { skuId?: string; quantity?: number }[];
  totalFee: number;
  outTradeNo?: string;
  cancelReason?: string | null;
  paidAt?: number | null;
}

/** An after-sale (售后) and the refund it decided (server/afterSales.ts). */
interface AfterSaleDoc {
  _id: string;
  orderId: string;
  status: string;
  refund: { outRefundNo: string; refundFee: number } | null;
}

interface GiftDoc {
  _id: string;
  status: string;
  orderId?: string;
  outTradeNo?: string;
  outRefundNo?: string;
  totalFee: number;
  acceptSteps?: { done?: boolean };
}

interface PaymentDoc {
  _id: string;
  outTradeNo: string;
  state: string;
  totalFee: number;
  transactionId: string | null;
  notify: { functionName: string | null; delivered: boolean; gaveUp: boolean; attempts: unknown[] };
}

interface RefundDoc {
  _id: string;
  outRefundNo: string;
  outTradeNo: string;
  refundFee: number;
  totalFee: number;
  state: string;
}

export interface AuditSnapshot {
  skus: SkuDoc[];
  orders: OrderDoc[];
  gifts: GiftDoc[];
  payments: PaymentDoc[];
  refunds: RefundDoc[];
  /** absent in snapshots made before after-sales existed */
  afterSales?: AfterSaleDoc[];
}

/** Opens the data folder's database (the local cloud must be stopped) and reads what the audit needs. */
export function readSnapshot(dataDir: string): AuditSnapshot {
  const indexes =
    (
      JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'database', 'indexes.json'), 'utf8')) as {
        indexes?: IndexSpec[];
      }
    ).indexes ?? [];
  const db = new Database({ file: path.join(dataDir, DB_FILE), indexes, now: Date.now });
  try {
    const all = <T>(collection: string) => db.find(collection, {}) as T[];
    return {
      skus: all<SkuDoc>('skus'),
      orders: all<OrderDoc>('orders'),
      gifts: all<GiftDoc>('gifts'),
      payments: all<PaymentDoc>(PAYMENTS_COLLECTION),
      refunds: all<RefundDoc>(REFUNDS_COLLECTION),
      afterSales: all<AfterSaleDoc>('afterSales'),
    };
  } finally {
    db.close();
  }
}

const holdIdOf = (order: OrderDoc) => order.holdId ?? order._id;
const skuOf = (order: OrderDoc) => order.skuId ?? order.items?.[0]?.skuId;
const quantityOf = (order: OrderDoc) =>
  order.quantity ?? (order.items ?? []).reduce((sum, item) => sum + (item.quantity ?? 0), 0);

/**
 * Every invariant, given the SKUs' stock and sales before the run (`initial`, by SKU id).
 * - money: every successful payment belongs to an order that is paid or later, or is refunded in full
 *   exactly (never more); every paid order has its payment; refunds are settled and acknowledged;
 * - stock: per SKU, stock + sales + units held == the same sum before the run; sales match the paid
 *   orders; no hold belongs to a finished, missing or other-SKU order;
 * - no transitional state: no order or gift short of a resting state, gift and order agree.
 */
export function audit(snapshot: AuditSnapshot, initial: Map<string, SkuCount>): string[] {
  const violations: string[] = [];
  const report = (invariant: string, record: string, found: string) =>
    violations.push(`${invariant}: ${record} — ${found}`);

  const orderByTradeNo = new Map(snapshot.orders.filter((o) => o.outTradeNo).map((o) => [o.outTradeNo, o]));
  const orderById = new Map(snapshot.orders.map((order) => [order._id, order]));
  const orderByHold = new Map(snapshot.orders.map((order) => [holdIdOf(order), order]));
  const giftByTradeNo = new Map(snapshot.gifts.filter((g) => g.outTradeNo).map((g) => [g.outTradeNo, g]));
  const refundsOf = (outTradeNo: string) => snapshot.refunds.filter((refund) => refund.outTradeNo === outTradeNo);
  const paymentByTradeNo = new Map(snapshot.payments.map((payment) => [payment.outTradeNo, payment]));
  const afterSales = snapshot.afterSales ?? [];
  const afterSaleRefundNos = new Set(
    afterSales.flatMap((afterSale) => (afterSale.refund ? [afterSale.refund.outRefundNo] : [])),
  );

  // ---- money ----
  for (const payment of snapshot.payments) {
    const refunds = refundsOf(payment.outTradeNo);
    const refunded = refunds.reduce((sum, refund) => sum + refund.refundFee, 0);
    const order = orderByTradeNo.get(payment.outTradeNo);
    const gift = giftByTradeNo.get(payment.outTradeNo);
    const where = `payment ${payment.outTradeNo} (${payment.totalFee} fen, ${payment.state}; order ${order ? `${order._id} ${order.status}` : 'missing'}${gift ? `; gift ${gift._id} ${gift.status}` : ''}; refunded ${refunded} in ${refunds.length})`;
    const paid = payment.state === 'SUCCESS' || payment.state === 'REFUND';
    if (!paid) {
      if (refunds.length > 0) report('no refund of an unpaid payment', where, 'refunds exist');
      continue;
    }
    if (refunded > payment.totalFee)
      report('never refunded more than paid', where, `${refunded} > ${payment.totalFee}`);
    const kept = order !== undefined && PAID_ORDER_STATUSES.has(order.status);
    // an after-sale refund of a kept order is checked below (it must have finished: the order closed)
    const refundedOutsideAfterSales = refunds
      .filter((refund) => !afterSaleRefundNos.has(refund.outRefundNo))
      .reduce((sum, refund) => sum + refund.refundFee, 0);
    if (kept && refundedOutsideAfterSales !== 0)
      report('a paid order keeps its money', where, `refunded ${refundedOutsideAfterSales}`);
    if (!kept && refunded !== payment.totalFee)
      report('money taken for an order that is not paid is refunded in full', where, `refunded ${refunded}`);
    if (kept && order.totalFee !== payment.totalFee)
      report('the order was paid its own amount', where, `order ${order.totalFee} fen`);
    for (const refund of refunds) {
      if (refund.state !== 'SUCCESS')
        report('every refund settles', `refund ${refund.outRefundNo} of ${where}`, refund.state);
    }
    if (payment.notify.functionName !== null && !payment.notify.delivered)
      report(
        'every payment notification is acknowledged',
        where,
        payment.notify.gaveUp ? 'WeChat gave up' : `${payment.notify.attempts.length} attempts, not acknowledged`,
      );
  }
  for (const order of snapshot.orders) {
    if (!PAID_ORDER_STATUSES.has(order.status)) continue;
    const payment = order.outTradeNo ? paymentByTradeNo.get(order.outTradeNo) : undefined;
    if (!payment || payment.transactionId === null)
      report('a paid order was paid', `order ${order._id} ${order.status}`, `payment ${payment?.state ?? 'missing'}`);
  }

  // ---- stock ----
  for (const sku of snapshot.skus) {
    const before = initial.get(sku._id);
    let held = 0;
    for (const holdId of sku.holds ?? []) {
      const order = orderByHold.get(holdId);
      if (!order) {
        report('no hold without an order', `sku ${sku._id} hold ${holdId}`, 'no order has this hold id');
        continue;
      }
      held += quantityOf(order);
      if (SETTLED_ORDER_STATUSES.has(order.status))
        report('no hold of a finished order', `sku ${sku._id} hold ${holdId}`, `order ${order._id} is ${order.status}`);
      if (skuOf(order) !== sku._id)
        report(
          'a hold is on its order’s SKU',
          `sku ${sku._id} hold ${holdId}`,
          `order ${order._id} is for ${skuOf(order)}`,
        );
    }
    if (sku.stock < 0) report('stock never negative', `sku ${sku._id}`, `stock ${sku.stock}`);
    if (!before) continue;
    const now = sku.stock + sku.sales + held;
    if (now !== before.stock + before.sales)
      report(
        'stock + held + sold is conserved',
        `sku ${sku._id}`,
        `before stock ${before.stock} + sold ${before.sales}; now stock ${sku.stock} + held ${held} + sold ${sku.sales}`,
      );
    const soldInRun = sku.sales - before.sales;
    const paidUnits = snapshot.orders
      .filter((order) => PAID_ORDER_STATUSES.has(order.status) && skuOf(order) === sku._id)
      .reduce((sum, order) => sum + quantityOf(order), 0);
    if (soldInRun !== paidUnits)
      report(
        'units sold == units of paid orders',
        `sku ${sku._id}`,
        `sold ${soldInRun}, paid orders hold ${paidUnits}`,
      );
  }

  // ---- after-sales: a decided refund is paid out once, in full, and closes its order ----
  for (const afterSale of afterSales) {
    const order = orderById.get(afterSale.orderId);
    const where = `after-sale ${afterSale._id} ${afterSale.status} (order ${order ? `${order._id} ${order.status}` : 'missing'})`;
    if (afterSale.status === 'refunding') report('no after-sale left refunding', where, 'refund not confirmed');
    if (afterSale.status !== 'refunded') continue;
    const refunds = snapshot.refunds.filter((refund) => refund.outRefundNo === afterSale.refund?.outRefundNo);
    if (refunds.length !== 1 || refunds[0]?.state !== 'SUCCESS')
      report('a refunded after-sale was refunded once', where, `${refunds.length} refunds`);
    if (order && refunds[0] && refunds[0].refundFee !== order.totalFee)
      report('an after-sale refunds the amount paid', where, `${refunds[0].refundFee} of ${order.totalFee}`);
    if (order && (order.status !== 'cancelled' || order.cancelReason !== 'afterSaleRefund'))
      report('a refunded after-sale closed its order', where, `${order.status} ${order.cancelReason ?? ''}`);
  }

  // ---- no transitional state ----
  for (const order of snapshot.orders) {
    if (!SETTLED_ORDER_STATUSES.has(order.status))
      report('no order left in a transitional state', `order ${order._id} (${order.kind ?? 'self'})`, order.status);
  }
  for (const gift of snapshot.gifts) {
    const order =
      orderById.get(gift.orderId ?? gift._id) ?? (gift.outTradeNo ? orderByTradeNo.get(gift.outTradeNo) : undefined);
    const where = `gift ${gift._id} (order ${order ? `${order._id} ${order.status}` : 'missing'})`;
    if (!SETTLED_GIFT_STATUSES.has(gift.status)) report('no gift left in a transitional state', where, gift.status);
    if (gift.status === 'accepted' && gift.acceptSteps && !gift.acceptSteps.done)
      report('an accepted gift finished its steps', where, JSON.stringify(gift.acceptSteps));
    if (!order) {
      report('every gift has its order', where, 'no order');
      continue;
    }
    // a received gift stays accepted when an after-sale refunded its order
    const refundedAfterSale = order.status === 'cancelled' && order.cancelReason === 'afterSaleRefund';
    if (gift.status === 'accepted' && !PAID_ORDER_STATUSES.has(order.status) && !refundedAfterSale)
      report('an accepted gift’s order is paid', where, order.status);
    if ((gift.status === 'cancelled' || REFUNDED_GIFT_STATUSES.has(gift.status)) && order.status !== 'cancelled')
      report('a closed gift’s order is cancelled', where, order.status);
    if (REFUNDED_GIFT_STATUSES.has(gift.status)) {
      const refunded = refundsOf(gift.outTradeNo ?? '').filter((refund) => refund.state === 'SUCCESS');
      const total = refunded.reduce((sum, refund) => sum + refund.refundFee, 0);
      if (total !== gift.totalFee) report('a refunded gift was refunded in full', where, `refunded ${total}`);
    }
  }
  for (const order of snapshot.orders) {
    if (order.kind !== 'gift') continue;
    const gift = snapshot.gifts.find((g) => g._id === (order.giftId ?? order._id) || g.orderId === order._id);
    // A kill between createGift's two inserts leaves an order with no gift; the order sweep cancels it.
    // That is harmless only while nothing was promised: never paid (stock is audited on its own).
    const neverPaidAndClosed = order.status === 'cancelled' && order.paidAt == null;
    if (!gift && !neverPaidAndClosed)
      report('every gift order has its gift', `order ${order._id} ${order.status}`, 'no gift');
  }
  return violations;
}
