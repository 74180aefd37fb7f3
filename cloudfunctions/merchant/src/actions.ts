/**
 * merchant: the shop owner's back office. Merchants are the openids in the `merchants` collection
 * (document `{ _id: <openid>, name }`); everybody else gets COMMON.FORBIDDEN.
 * Shapes: MerchantContract in src/domain/contracts.ts (docs/contracts.md).
 */
import type { Address } from '@domain/address';
import type { AnswerOf, GiftCardSummary, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import { OrderErrors } from '@domain/order/errors';
import { transitionOrder } from '@domain/order/machine';
import { ORDER_LIST_DEFAULT_LIMIT } from '@domain/order/schemas';
import type { OrderRecord } from '@domain/order/types';
import { toMerchantOrderView } from '@domain/order/views';
import { ok } from '@domain/result';
import type { CallContext } from '@server/dispatch';
import { findGifts } from '@server/gifts/store';
import { findMerchant, isMerchant } from '@server/merchants';
import { findOrder, moveOrder, queryOrders } from '@server/orders';
import { announceShipment } from '@server/shipping';
import { checkShipment, type Carrier } from '@domain/logistics/carriers';
import { decodeCursor, encodeCursor } from '@server/paging';

type GiftCard = GiftCardSummary & { address: Address | null; cardStyle: string };

/** The greeting cards (and accepted addresses) of the gift orders among `orders`, by gift id. */
async function giftCardsOf(orders: OrderRecord[]): Promise<Map<string, GiftCard>> {
  const giftIds = [
    ...new Set(orders.flatMap((order) => (order.kind === 'gift' && order.giftId ? [order.giftId] : []))),
  ];
  const cards = new Map<string, GiftCard>();
  if (giftIds.length === 0) return cards;
  const gifts = await findGifts(giftIds);
  for (const gift of gifts) {
    cards.set(gift._id, {
      giverNickname: gift.giverNickname,
      recipientName: gift.recipientName ?? null,
      greeting: gift.greeting,
      signature: gift.signature ?? null,
      address: gift.address ?? null,
      cardStyle: gift.cardStyle,
    });
  }
  return cards;
}

const viewOf = (order: OrderRecord, cards: Map<string, GiftCard>) =>
  toMerchantOrderView(order, order.giftId ? (cards.get(order.giftId) ?? null) : null);

export async function listOrders(
  request: RequestOf<'merchant', 'listOrders'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'listOrders'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const offset = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  if (offset === null)
    return failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：cursor 无效`);
  const limit = request.limit ?? ORDER_LIST_DEFAULT_LIMIT;
  const records = await queryOrders({ status: request.status, offset, limit: limit + 1 });
  const page = records.slice(0, limit);
  const cards = await giftCardsOf(page);
  return ok({
    items: page.map((order) => viewOf(order, cards)),
    nextCursor: records.length > limit ? encodeCursor(offset + limit) : null,
  });
}

export async function shipOrder(
  request: RequestOf<'merchant', 'shipOrder'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'shipOrder'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const order = await findOrder(request.orderId);
  if (!order) return failWith(OrderErrors.NOT_FOUND);
  // expressCompany: a listed carrier's code ('SF') or name ('顺丰速运'); stored as both.
  const shipment = checkShipment(request.expressCompany, request.trackingNo);
  if (shipment.ok && order.status === 'shipped' && isSameShipment(order, shipment.data)) {
    // A replay of a shipment that went through: same answer; its notices are sent once.
    await announceShipment(order);
    return ok(viewOf(order, await giftCardsOf([order])));
  }
  const allowed = transitionOrder(order.status, 'ship');
  if (!allowed.ok) return allowed;
  const cards = await giftCardsOf([order]);
  if (!viewOf(order, cards).address) return failWith(OrderErrors.INVALID_STATE, '订单缺少收货地址，无法发货');
  if (!shipment.ok) return shipment;

  const moved = await moveOrder(order._id, 'paid', {
    status: allowed.data,
    shipping: {
      expressCompany: shipment.data.carrier.name,
      carrierCode: shipment.data.carrier.code,
      trackingNo: shipment.data.trackingNo,
      shippedAt: ctx.now,
    },
  });
  const current = await findOrder(order._id);
  if (!current) return failWith(OrderErrors.NOT_FOUND);
  if (!moved) {
    // Another merchant session shipped it (or it changed) in between.
    const refusal = transitionOrder(current.status, 'ship');
    return refusal.ok ? failWith(CommonErrors.INTERNAL) : refusal;
  }
  await announceShipment(current);
  return ok(viewOf(current, cards));
}

const isSameShipment = (order: OrderRecord, shipment: { carrier: Carrier; trackingNo: string }): boolean =>
  order.shipping?.carrierCode === shipment.carrier.code && order.shipping.trackingNo === shipment.trackingNo;

export async function whoami(
  _request: RequestOf<'merchant', 'whoami'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'whoami'>> {
  const merchant = await findMerchant(ctx.openid);
  return ok({ isMerchant: merchant !== null, name: merchant?.name ?? null });
}

export async function getOrder(
  request: RequestOf<'merchant', 'getOrder'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'getOrder'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const order = await findOrder(request.orderId);
  if (!order) return failWith(OrderErrors.NOT_FOUND);
  return ok(viewOf(order, await giftCardsOf([order])));
}
