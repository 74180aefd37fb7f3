/**
 * order: buying for oneself. Shapes: OrderContract in src/domain/contracts.ts (docs/contracts.md).
 * The caller is only ever ctx.openid (WeChat's injected OPENID); another user's order answers
 * ORDER.NOT_FOUND so its existence is not revealed.
 */
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import { OrderErrors, PaymentErrors } from '@domain/order/errors';
import { transitionOrder } from '@domain/order/machine';
import { checkPayable, checkQuantity, outTradeNo, paymentDeadline, priceOrderLine } from '@domain/order/rules';
import { ORDER_LIST_DEFAULT_LIMIT } from '@domain/order/schemas';
import type { OrderRecord } from '@domain/order/types';
import { toOrderView } from '@domain/order/views';
import { toRecipientOrderView } from '@domain/order/recipientView';
import { toParcelTracking } from '@domain/logistics/timeline';
import { ok } from '@domain/result';
import { findProductRecord } from '@server/catalogue';
import type { CallContext } from '@server/dispatch';
import { decodeCursor, encodeCursor } from '@server/paging';
import {
  cancelUnpaidOrder,
  findOwnOrder,
  findViewableOrder,
  holdIdOf,
  insertOrder,
  moveOrder,
  newOrderId,
  queryOrders,
  removeUnreservedOrder,
} from '@server/orders';
import { checkPaymentConfigured, paymentBody, startPayment } from '@server/payment';
import { fetchParcelTrace } from '@server/logistics';
import { findSkuRecord, isHeld, reserveStock } from '@server/stock';

const GIFT_ORDER_ELSEWHERE = '礼物订单请在礼物页面操作';

const notFound = () => failWith(OrderErrors.NOT_FOUND);

/** An unpaid order past its deadline is cancelled on sight, so views never lag behind the sweep. */
async function expireIfDue(order: OrderRecord, now: number): Promise<OrderRecord> {
  if (order.status !== 'pendingPayment' || order.expiresAt > now) return order;
  await cancelUnpaidOrder(order, 'timeout');
  return (await findOwnOrder(order._id, order.openid)) ?? order;
}

export async function createOrder(
  request: RequestOf<'order', 'createOrder'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'createOrder'>> {
  const quantity = checkQuantity(request.quantity);
  if (!quantity.ok) return quantity;

  // Price, shelf state and stock come from the database only.
  const sku = await findSkuRecord(request.skuId);
  const product = sku ? await findProductRecord(sku.productId) : null;
  const sellable =
    sku && product
      ? {
          skuId: sku._id,
          productId: sku.productId,
          price: sku.price,
          stock: sku.stock,
          onShelf: sku.onShelf && product.onShelf,
        }
      : null;
  const line = priceOrderLine(sellable, quantity.data);
  if (!line.ok) return line;
  if (!sku || !product) return failWith(OrderErrors.SKU_NOT_FOUND); // narrowed above; keeps the types honest
  // No sub-merchant configured: say so before anything is written.
  const payable = checkPaymentConfigured();
  if (!payable.ok) return payable;

  const orderId = newOrderId(ctx.now);
  const order: OrderRecord = {
    _id: orderId,
    kind: 'self',
    openid: ctx.openid,
    status: 'pendingPayment',
    items: [
      {
        skuId: sku._id,
        productId: product._id,
        name: product.name,
        image: product.images[0] ?? '',
        specs: sku.specs,
        price: line.data.unitPrice,
        quantity: line.data.quantity,
      },
    ],
    skuId: sku._id,
    quantity: line.data.quantity,
    totalFee: line.data.totalFee,
    address: request.address,
    outTradeNo: outTradeNo(orderId),
    stockHold: 'held',
    createdAt: ctx.now,
    expiresAt: paymentDeadline(ctx.now),
    paidAt: null,
    transactionId: null,
    shipping: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    latePayment: null,
    paymentAnomaly: null,
    updatedAt: ctx.now,
  };

  // The order is written BEFORE the stock is taken, under a hold id that is the order id. A crash
  // after the insert leaves an unpaid order whose hold may or may not exist: the 30-minute sweep
  // cancels it and releases the hold (a no-op if it was never taken). So stock is never held
  // without an order pointing at it. When the reservation definitely failed nothing is held and the
  // order was never shown to anyone: it is removed, so a refused purchase leaves no trace.
  await insertOrder(order);
  const reserved = await reserveStock(sku._id, line.data.quantity, orderId);
  if (!reserved.ok) {
    await removeUnreservedOrder(orderId);
    return reserved;
  }

  const payment = await startPayment({
    outTradeNo: order.outTradeNo,
    totalFee: order.totalFee,
    body: paymentBody(product.name),
  });
  return ok({
    orderId,
    outTradeNo: order.outTradeNo,
    // null: WeChat Pay was unreachable; the order stands and payOrder retries with the same number
    payment: payment.ok ? payment.payment : null,
    totalFee: order.totalFee,
    expiresAt: order.expiresAt,
  });
}

export async function payOrder(
  request: RequestOf<'order', 'payOrder'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'payOrder'>> {
  const order = await findOwnOrder(request.orderId, ctx.openid);
  if (!order) return notFound();
  if (order.kind !== 'self') return failWith(OrderErrors.INVALID_STATE, GIFT_ORDER_ELSEWHERE);
  const payable = checkPayable(order, ctx.now);
  if (!payable.ok) {
    // closing the trade may find it paid at the last second: then it is paid, not expired
    if (payable.code === OrderErrors.PAYMENT_EXPIRED.code && (await cancelUnpaidOrder(order, 'timeout')) === 'paid') {
      return failWith(OrderErrors.ALREADY_PAID);
    }
    return payable;
  }
  // A crash between the order insert and the reservation leaves an order without stock: never let it be paid.
  if (!(await isHeld(order.skuId, holdIdOf(order)))) return failWith(OrderErrors.STOCK_NOT_HELD);

  const started = await startPayment({
    outTradeNo: order.outTradeNo,
    totalFee: order.totalFee,
    body: paymentBody(order.items[0]?.name ?? ''),
  });
  if (started.ok) return ok({ payment: started.payment, outTradeNo: order.outTradeNo });
  if (started.reason === 'alreadyPaid') return failWith(OrderErrors.ALREADY_PAID);
  if (started.reason === 'closed') return failWith(OrderErrors.ALREADY_CANCELLED);
  if (started.reason === 'notConfigured') return failWith(PaymentErrors.NOT_CONFIGURED);
  return failWith(OrderErrors.PAYMENT_UNAVAILABLE);
}

export async function cancelOrder(
  request: RequestOf<'order', 'cancelOrder'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'cancelOrder'>> {
  const order = await findOwnOrder(request.orderId, ctx.openid);
  if (!order) return notFound();
  if (order.kind !== 'self') return failWith(OrderErrors.INVALID_STATE, GIFT_ORDER_ELSEWHERE);
  const allowed = transitionOrder(order.status, 'cancel');
  if (!allowed.ok) return allowed;
  if ((await cancelUnpaidOrder(order, 'buyer')) !== 'cancelled') {
    // Paid at the last second, moved by someone else first, or WeChat Pay did not answer: say what it is now.
    const current = await findOwnOrder(order._id, ctx.openid);
    if (!current) return notFound();
    const refusal = transitionOrder(current.status, 'cancel');
    return refusal.ok ? failWith(CommonErrors.INTERNAL) : refusal;
  }
  const cancelled = await findOwnOrder(order._id, ctx.openid);
  return cancelled ? ok(toOrderView(cancelled)) : notFound();
}

/** The buyer's view of their own order; a gift order the caller accepted, the recipient's (no prices). */
const viewFor = (order: OrderRecord, openid: string) =>
  order.openid === openid ? toOrderView(order) : toRecipientOrderView(order);

export async function getOrder(
  request: RequestOf<'order', 'getOrder'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'getOrder'>> {
  const found = await findViewableOrder(request.orderId, ctx.openid);
  if (!found) return notFound();
  if (found.viewer === 'recipient') return ok(toRecipientOrderView(found.order));
  return ok(toOrderView(await expireIfDue(found.order, ctx.now)));
}

/**
 * Where the parcel is: the buyer of a self order, or the recipient of a gift order. The giver of a
 * gift gets ORDER.NOT_FOUND like a stranger: the number could lead to the recipient's address.
 */
export async function getTracking(
  request: RequestOf<'order', 'getTracking'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'getTracking'>> {
  const found = await findViewableOrder(request.orderId, ctx.openid);
  if (!found || (found.order.kind === 'gift' && found.viewer !== 'recipient')) return notFound();
  const { order } = found;
  if (!order.shipping) return failWith(OrderErrors.NOT_SHIPPED);
  const carrierCode = order.shipping.carrierCode ?? null;
  const trace = carrierCode
    ? await fetchParcelTrace({ carrierCode, trackingNo: order.shipping.trackingNo, openid: ctx.openid })
    : null;
  return ok(
    toParcelTracking(
      {
        expressCompany: order.shipping.expressCompany,
        carrierCode,
        trackingNo: order.shipping.trackingNo,
        shippedAt: order.shipping.shippedAt,
      },
      trace,
      order.status === 'completed',
    ),
  );
}

export async function listOrders(
  request: RequestOf<'order', 'listOrders'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'listOrders'>> {
  const offset = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  if (offset === null)
    return failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：cursor 无效`);
  const limit = request.limit ?? ORDER_LIST_DEFAULT_LIMIT;
  // One extra document tells whether another page exists, without a count query.
  // Her accepted gifts' orders are in the list too, shown to her without prices.
  const records = await queryOrders({
    openid: ctx.openid,
    includeReceived: true,
    status: request.status,
    offset,
    limit: limit + 1,
  });
  const page = await Promise.all(records.slice(0, limit).map((order) => expireIfDue(order, ctx.now)));
  return ok({
    items: page.map((order) => viewFor(order, ctx.openid)),
    nextCursor: records.length > limit ? encodeCursor(offset + limit) : null,
  });
}

export async function confirmReceipt(
  request: RequestOf<'order', 'confirmReceipt'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'confirmReceipt'>> {
  const order = await findOwnOrder(request.orderId, ctx.openid);
  if (!order) return notFound();
  if (order.kind !== 'self') return failWith(OrderErrors.INVALID_STATE, GIFT_ORDER_ELSEWHERE);
  const allowed = transitionOrder(order.status, 'confirmReceipt');
  if (!allowed.ok) return allowed;
  const moved = await moveOrder(order._id, order.status, { status: allowed.data, completedAt: ctx.now });
  const current = await findOwnOrder(order._id, ctx.openid);
  if (!current) return notFound();
  if (!moved && current.status !== 'completed') {
    const refusal = transitionOrder(current.status, 'confirmReceipt');
    return refusal.ok ? failWith(CommonErrors.INTERNAL) : refusal;
  }
  return ok(toOrderView(current));
}
