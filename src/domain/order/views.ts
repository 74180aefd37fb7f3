/**
 * What the buyer and the merchant see of an order (contracts.ts OrderView / MerchantOrderView).
 * Pure projections of the stored record: the buyer never sees another person's address, the
 * merchant sees everything needed to pack and ship.
 */
import type {
  GiftCardSummary,
  MerchantOrderView,
  OrderBuyerAction,
  OrderCancelReason,
  OrderLateRefund,
  OrderView,
} from '@domain/contracts';
import { clock } from '@domain/clock';
import { CARD_STYLE_NAMES, isCardStyle } from '@domain/gift/rules';
import { afterSaleEntryFor, afterSaleOrderStatusText, orderAfterSaleSummary } from '@domain/afterSale/views';
import { BUYER_ORDER_EVENTS, buyerActions, ORDER_STATUS_LABELS, orderEventsFrom, type OrderEvent } from './machine';
import { ORDER_STATUS_HINTS } from './rules';
import type { LatePaymentRecord, OrderRecord } from './types';

function lateRefundOf(latePayment: LatePaymentRecord | null | undefined): OrderLateRefund | null {
  if (!latePayment || latePayment.refundRequestedAt === null) return null;
  return { refundFee: latePayment.totalFee, state: latePayment.refundedAt === null ? 'processing' : 'refunded' };
}

const LATE_REFUND_HINT = '订单已取消，您的付款将原路退回';

/** Why an order was cancelled, as its detail page says it (every reason has its words). */
export const CANCEL_REASON_LABELS = {
  buyer: '买家取消',
  timeout: '超时未支付，系统自动取消',
  giftClosed: '礼物未被领取，已关闭',
  paymentUnavailable: '支付未能发起',
  afterSaleRefund: '售后退款，订单关闭',
} as const satisfies Record<OrderCancelReason, string>;

const isBuyerAction = (event: OrderEvent): event is OrderBuyerAction =>
  (BUYER_ORDER_EVENTS as readonly OrderEvent[]).includes(event);

type SharedView = Omit<OrderView, 'actions' | 'address' | 'afterSale' | 'afterSaleEntry'>;

function sharedView(order: OrderRecord): SharedView {
  const lateRefund = lateRefundOf(order.latePayment);
  const refunded = afterSaleOrderStatusText(order);
  return {
    orderId: order._id,
    kind: order.kind,
    status: order.status,
    statusLabel: refunded?.label ?? ORDER_STATUS_LABELS[order.status],
    statusHint: refunded?.hint ?? (lateRefund ? LATE_REFUND_HINT : ORDER_STATUS_HINTS[order.status]),
    items: order.items.map((item) => ({ ...item, specs: { ...item.specs } })),
    totalFee: order.totalFee,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    expiresAt: order.expiresAt,
    shipping: order.shipping ? { ...order.shipping } : null,
    completedAt: order.completedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    lateRefund,
  };
}

/**
 * The buyer's view. Gift orders hide the address: it is the recipient's, not the giver's; and the
 * giver may not ask for an after-sale (the recipient does), so sees its status only.
 */
export function toOrderView(order: OrderRecord, now: number = clock.now()): OrderView {
  return {
    ...sharedView(order),
    address: order.kind === 'self' && order.address ? { ...order.address } : null,
    // A gift's carrier and tracking number would lead the giver to the recipient's address: the
    // giver sees only the status (已发货 / 已完成).
    shipping: order.kind === 'self' && order.shipping ? { ...order.shipping } : null,
    // Gift orders are paid and cancelled from the gift pages; only their receipt is the giver's business.
    actions: order.kind === 'self' ? buyerActions(order.status).filter(isBuyerAction) : [],
    afterSale: orderAfterSaleSummary(order, order.kind === 'self'),
    afterSaleEntry: afterSaleEntryFor(order, order.kind === 'self', now),
  };
}

/**
 * The merchant's view: the full address (for gifts the recipient's, from the order or the gift) and the
 * greeting card (from the gift document, else the copy on the order).
 */
export function toMerchantOrderView(
  order: OrderRecord,
  gift: (GiftCardSummary & { address: OrderRecord['address']; cardStyle: string }) | null,
): MerchantOrderView {
  const address = order.address ?? gift?.address ?? null;
  const card = gift ?? order.greetingCard ?? null;
  return {
    ...sharedView(order),
    buyerOpenid: order.openid,
    address: address ? { ...address } : null,
    giftCard:
      order.kind === 'gift' && card
        ? {
            giverNickname: card.giverNickname,
            recipientName: card.recipientName,
            greeting: card.greeting,
            signature: card.signature,
            cardStyle: card.cardStyle,
            cardStyleName: isCardStyle(card.cardStyle) ? CARD_STYLE_NAMES[card.cardStyle] : card.cardStyle,
          }
        : null,
    afterSale: orderAfterSaleSummary(order, true),
    afterSaleEntry: null,
    canShip: orderEventsFrom(order.status).includes('ship') && address !== null,
  };
}
