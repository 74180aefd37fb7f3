/**
 * What the recipient of a gift sees of its order once she accepted it: her own address, the parcel
 * (carrier, number, and the timeline through `order.getTracking`), and no price anywhere — the price
 * is the giver's. The order-wide fields come from the buyer's view; everything that differs for her
 * (prices, address, parcel, wording, actions) is set here explicitly.
 */
import type { OrderStatus, RecipientOrderItem, RecipientOrderView } from '@domain/contracts';
import { afterSaleEntryFor, afterSaleOrderStatusText, orderAfterSaleSummary } from '@domain/afterSale/views';
import { clock } from '@domain/clock';
import type { OrderRecord } from './types';
import { toOrderView } from './views';

export type { RecipientOrderItem, RecipientOrderView };

const RECIPIENT_HINTS: { readonly [S in OrderStatus]?: string } = {
  paid: '你已收下礼物，商家将尽快发货',
  shipped: '礼物已在路上，请留意查收',
  completed: '礼物已签收',
  cancelled: '礼物订单已关闭',
};

export function toRecipientOrderView(order: OrderRecord, now: number = clock.now()): RecipientOrderView {
  const shared = toOrderView(order, now);
  return {
    ...shared,
    viewer: 'recipient',
    kind: 'gift',
    giftId: order.giftId ?? null,
    giverNickname: order.greetingCard?.giverNickname ?? null,
    statusLabel: order.status === 'completed' ? '已签收' : shared.statusLabel,
    statusHint: afterSaleOrderStatusText(order)?.hint ?? RECIPIENT_HINTS[order.status] ?? shared.statusHint,
    items: order.items.map((item) => ({
      skuId: item.skuId,
      productId: item.productId,
      name: item.name,
      image: item.image,
      specs: { ...item.specs },
      price: null,
      quantity: item.quantity,
    })),
    totalFee: null,
    lateRefund: null,
    // her own address and her parcel (the buyer's view hides both on gift orders: they are not the giver's)
    address: order.address ? { ...order.address } : null,
    shipping: order.shipping ? { ...order.shipping } : null,
    actions: [],
    // on a gift order only she may ask for an after-sale (never the giver)
    afterSale: orderAfterSaleSummary(order, true),
    afterSaleEntry: afterSaleEntryFor(order, true, now),
  };
}
