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
import { isMerchant } from '@server/merchants';
import { findOrder, moveOrder, queryOrders } from '@server/orders';
import { decodeCursor, encodeCursor } from '@server/paging';

type GiftCard = GiftCardSummary & { address: Address | null };

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
  const allowed = transitionOrder(order.status, 'ship');
  if (!allowed.ok) return allowed;
  const cards = await giftCardsOf([order]);
  if (!viewOf(order, cards).address) return failWith(OrderErrors.INVALID_STATE, '订单缺少收货地址，无法发货');

  const moved = await moveOrder(order._id, 'paid', {
    status: allowed.data,
    shipping: { expressCompany: request.expressCompany, trackingNo: request.trackingNo, shippedAt: ctx.now },
  });
  const current = await findOrder(order._id);
  if (!current) return failWith(OrderErrors.NOT_FOUND);
  if (!moved) {
    // Another merchant session shipped it (or it changed) in between.
    const refusal = transitionOrder(current.status, 'ship');
    return refusal.ok ? failWith(CommonErrors.INTERNAL) : refusal;
  }
  return ok(viewOf(current, cards));
}
