/**
 * What follows a shipment once the order moved to shipped (merchant.shipOrder): WeChat starts
 * following the parcel (server/logistics.ts), and the subscribe messages go out — 已发货 with carrier
 * and number to the buyer of a self order or the recipient of a gift, 已发货 alone to the giver. Each
 * notice is claimed on the order first (server/orders.ts `claimOrderNotice`), so a replayed shipOrder,
 * or two merchants at once, send it once. Nothing here can fail the shipment.
 */
import type { OrderRecord } from '@domain/order/types';
import { findGift } from './gifts/store';
import { notifyGiftShipped, notifyParcelShipped } from './gifts/notify';
import { startParcelTrace } from './logistics';
import { claimOrderNotice } from './orders';

/** Who receives the parcel: the buyer, or for a gift the recipient who accepted it. */
async function receiverOf(order: OrderRecord): Promise<{ openid: string | null; giverOpenid: string | null }> {
  if (order.kind !== 'gift') return { openid: order.openid, giverOpenid: null };
  if (order.recipientOpenid) return { openid: order.recipientOpenid, giverOpenid: order.openid };
  // orders accepted before the order kept the recipient: the gift knows her
  const gift = order.giftId ? await findGift(order.giftId) : null;
  return { openid: gift?.recipientOpenid ?? null, giverOpenid: order.openid };
}

export async function announceShipment(order: OrderRecord): Promise<void> {
  const shipping = order.shipping;
  if (order.status !== 'shipped' || !shipping) return;
  const { openid, giverOpenid } = await receiverOf(order);
  const productName = order.items[0]?.name ?? '';
  if (shipping.carrierCode) {
    await startParcelTrace({
      carrierCode: shipping.carrierCode,
      trackingNo: shipping.trackingNo,
      ...(openid ? { openid } : {}),
    });
  }
  if (openid && (await claimOrderNotice(order._id, 'shipped'))) {
    await notifyParcelShipped(openid, {
      orderId: order._id,
      productName,
      expressCompany: shipping.expressCompany,
      trackingNo: shipping.trackingNo,
      shippedAt: shipping.shippedAt,
    });
  }
  if (giverOpenid && order.giftId && (await claimOrderNotice(order._id, 'giverShipped'))) {
    await notifyGiftShipped({ giftId: order.giftId, giverOpenid, productName }, shipping.shippedAt);
  }
}
