/**
 * Rules of buying for oneself. Prices always come from the database (the client sends skuId and
 * quantity, never an amount); stock is reserved atomically when the order is created
 * (`where({ _id: skuId, stock: _.gte(quantity) }).update({ stock: _.inc(-quantity) })`) and
 * released when an unpaid order is cancelled or times out.
 */
import { MINUTE_MS } from '@domain/clock';
import type { Fen } from '@domain/contracts';
import { multiplyFen } from '@domain/money';
import { fail, ok, type Result } from '@domain/result';
import { OrderErrors } from './errors';
import type { OrderStatus } from './machine';

export const ORDER_MIN_QUANTITY = 1;
export const ORDER_MAX_QUANTITY = 99;

/** An unpaid order is cancelled (stock released) once this much time has passed since creation. */
export const PAYMENT_WINDOW_MS = 30 * MINUTE_MS;

export function checkQuantity(quantity: unknown): Result<number> {
  if (
    typeof quantity !== 'number' ||
    !Number.isInteger(quantity) ||
    quantity < ORDER_MIN_QUANTITY ||
    quantity > ORDER_MAX_QUANTITY
  ) {
    return fail(OrderErrors.INVALID_QUANTITY.code, OrderErrors.INVALID_QUANTITY.message);
  }
  return ok(quantity);
}

/** What the server reads from the database about a SKU before selling it. */
export interface SellableSku {
  skuId: string;
  productId: string;
  price: Fen;
  stock: number;
  /** the product and this SKU are both on shelf */
  onShelf: boolean;
}

export interface PricedLine {
  skuId: string;
  productId: string;
  unitPrice: Fen;
  quantity: number;
  totalFee: Fen;
}

/**
 * The order line for `quantity` of a SKU as read from the database (null: no such SKU), or why it
 * cannot be sold. The stock check here gives the clear message; the atomic reservation is what
 * actually guarantees it.
 */
export function priceOrderLine(sku: SellableSku | null, quantity: unknown): Result<PricedLine> {
  const checkedQuantity = checkQuantity(quantity);
  if (!checkedQuantity.ok) return checkedQuantity;
  if (!sku) return fail(OrderErrors.SKU_NOT_FOUND.code, OrderErrors.SKU_NOT_FOUND.message);
  if (!sku.onShelf) return fail(OrderErrors.SKU_OFF_SHELF.code, OrderErrors.SKU_OFF_SHELF.message);
  const stockCheck = checkStock(sku.stock, checkedQuantity.data);
  if (!stockCheck.ok) return stockCheck;
  return ok({
    skuId: sku.skuId,
    productId: sku.productId,
    unitPrice: sku.price,
    quantity: checkedQuantity.data,
    totalFee: multiplyFen(sku.price, checkedQuantity.data),
  });
}

/** ORDER.OUT_OF_STOCK with a message that says sold out or how many are left. */
export function checkStock(stock: number, quantity: number): Result<true> {
  if (stock >= quantity) return ok(true);
  const message = stock <= 0 ? '该规格已售罄' : `库存不足，仅剩${stock}件`;
  return fail(OrderErrors.OUT_OF_STOCK.code, message);
}

export const paymentDeadline = (createdAt: number): number => createdAt + PAYMENT_WINDOW_MS;

/** Payment is accepted strictly before the deadline; at the deadline the order is due for cancellation. */
export const isPaymentWindowOpen = (createdAt: number, now: number): boolean => now < paymentDeadline(createdAt);

/** Before asking WeChat for a payment: refuse once the window has closed, even if the sweep has not run yet. */
export function checkPayable(order: { status: OrderStatus; createdAt: number }, now: number): Result<true> {
  if (order.status === 'cancelled')
    return fail(OrderErrors.ALREADY_CANCELLED.code, OrderErrors.ALREADY_CANCELLED.message);
  if (order.status !== 'pendingPayment') return fail(OrderErrors.ALREADY_PAID.code, OrderErrors.ALREADY_PAID.message);
  if (!isPaymentWindowOpen(order.createdAt, now)) {
    return fail(OrderErrors.PAYMENT_EXPIRED.code, OrderErrors.PAYMENT_EXPIRED.message);
  }
  return ok(true);
}

/** The payment callback's amount must be exactly what the order charged. */
export function checkPaidAmount(expectedFee: Fen, paidFee: unknown): Result<true> {
  const paid = typeof paidFee === 'string' && /^\d+$/.test(paidFee) ? Number(paidFee) : paidFee;
  if (paid !== expectedFee) {
    return fail(
      OrderErrors.AMOUNT_MISMATCH.code,
      `${OrderErrors.AMOUNT_MISMATCH.message}（应付${expectedFee}分，实付${String(paidFee)}分）`,
    );
  }
  return ok(true);
}

/**
 * out_trade_no: at most 32 characters of [0-9A-Za-z_-] (WeChat Pay), unique per merchant. It is the
 * kind letter followed by the document id, so the payment callback can tell where to look and an id
 * is never paid twice under different numbers. Ids must therefore be at most 31 such characters:
 * let the server choose `_id` on insert (the CloudBase auto id is 32 characters and does not fit).
 */
export const PAYABLE_KINDS = { order: 'O', gift: 'G' } as const;
export type PayableKind = keyof typeof PAYABLE_KINDS;

export const PAYABLE_ID_PATTERN = /^[0-9A-Za-z_-]{1,31}$/;
const OUT_TRADE_NO_PATTERN = /^([OG])([0-9A-Za-z_-]{1,31})$/;

export function outTradeNoFor(kind: PayableKind, id: string): string {
  // A broken invariant, not a user error: ids are generated by our own server.
  if (!PAYABLE_ID_PATTERN.test(id)) throw new RangeError(`id not usable in out_trade_no: ${JSON.stringify(id)}`);
  return `${PAYABLE_KINDS[kind]}${id}`;
}

export const outTradeNo = (orderId: string): string => outTradeNoFor('order', orderId);

/** The payment callback's out_trade_no back to what was paid; null for anything we did not issue. */
export function parseOutTradeNo(value: string): { kind: PayableKind; id: string } | null {
  const match = OUT_TRADE_NO_PATTERN.exec(value);
  if (!match) return null;
  const [, letter, id] = match;
  const kind = (Object.keys(PAYABLE_KINDS) as PayableKind[]).find((k) => PAYABLE_KINDS[k] === letter);
  return kind && id ? { kind, id } : null;
}

/** What the buyer sees on the order list for each status (label + a short hint). */
export const ORDER_STATUS_HINTS = {
  pendingPayment: '请在30分钟内完成支付，超时订单将自动取消',
  awaitingRecipient: '礼物已送出，等待好友领取',
  paid: '商家正在备货，请耐心等待',
  shipped: '商品已发出，请注意查收',
  completed: '交易已完成，感谢您的购买',
  cancelled: '订单已取消',
} as const satisfies Record<OrderStatus, string>;

export { ORDER_STATUS_LABELS } from './machine';
