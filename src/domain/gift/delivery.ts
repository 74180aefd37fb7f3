/**
 * Where an accepted gift's parcel is, read from its order (the order owns shipping). The giver sees
 * only the stage (已发货 / 已签收), never the carrier or the tracking number, which could lead to the
 * recipient's address; the recipient sees both.
 */
import type { AfterSaleStatus } from '@domain/afterSale/types';
import type { OrderCancelReason } from '@domain/order/basics';
import type { OrderStatus } from '@domain/order/machine';
import type { GiftRefundStage } from './machine';

export type GiftDeliveryStage = 'toShip' | 'shipped' | 'received';

/** The fields of the gift's order that tell where the parcel is. */
export interface GiftOrderProgress {
  status: OrderStatus;
  shipping: { expressCompany: string; trackingNo: string; shippedAt: number } | null;
  completedAt: number | null;
  /** 'afterSaleRefund' once the recipient's after-sale refunded the order */
  cancelReason?: OrderCancelReason | null;
  afterSale?: { status: AfterSaleStatus } | null;
}

/** What the giver may know of the parcel. */
export interface GiverDelivery {
  stage: GiftDeliveryStage;
  label: string;
  description: string;
  shippedAt: number | null;
}

/** What the recipient sees of her parcel. */
export interface RecipientDelivery extends GiverDelivery {
  expressCompany: string | null;
  trackingNo: string | null;
}

const STAGE_OF: { readonly [S in OrderStatus]?: GiftDeliveryStage } = {
  paid: 'toShip',
  shipped: 'shipped',
  completed: 'received',
};

const GIVER_TEXT: Record<GiftDeliveryStage, { label: string; description: string }> = {
  toShip: { label: '待发货', description: '好友已收下，商家将尽快发货' },
  shipped: { label: '已发货', description: '商家已发货，好友将很快收到' },
  received: { label: '已签收', description: '好友已签收礼物' },
};

const RECIPIENT_TEXT: Record<GiftDeliveryStage, { label: string; description: string }> = {
  toShip: { label: '待发货', description: '你已收下礼物，商家将尽快发货' },
  shipped: { label: '已发货', description: '礼物已在路上，请留意查收' },
  received: { label: '已签收', description: '礼物已签收' },
};

export function giftDeliveryStage(order: GiftOrderProgress | null): GiftDeliveryStage | null {
  return order ? (STAGE_OF[order.status] ?? null) : null;
}

export function toGiverDelivery(order: GiftOrderProgress | null): GiverDelivery | null {
  const stage = giftDeliveryStage(order);
  if (!order || !stage) return null;
  return { stage, ...GIVER_TEXT[stage], shippedAt: order.shipping?.shippedAt ?? null };
}

export function toRecipientDelivery(order: GiftOrderProgress | null): RecipientDelivery | null {
  const stage = giftDeliveryStage(order);
  if (!order || !stage) return null;
  return {
    stage,
    ...RECIPIENT_TEXT[stage],
    shippedAt: order.shipping?.shippedAt ?? null,
    expressCompany: order.shipping?.expressCompany ?? null,
    trackingNo: order.shipping?.trackingNo ?? null,
  };
}

const GIVER_AFTER_SALE_TEXT: Record<Exclude<GiftRefundStage, 'none'>, { label: string; description: string }> = {
  pending: { label: '退款中', description: '好友申请了售后，商家已同意退款，款项将原路退回你的支付账户' },
  refunded: { label: '已退款', description: '好友申请了售后，款项已原路退回你的支付账户' },
};

/**
 * The refund of an accepted gift whose order an after-sale refunded (the recipient asked, the merchant
 * agreed): the money goes back to the giver, who sees the status only.
 */
export function afterSaleRefundStage(order: GiftOrderProgress | null): GiftRefundStage {
  if (!order || order.status !== 'cancelled' || order.cancelReason !== 'afterSaleRefund') return 'none';
  return order.afterSale?.status === 'refunded' ? 'refunded' : 'pending';
}

export function giverAfterSaleText(stage: Exclude<GiftRefundStage, 'none'>): { label: string; description: string } {
  return GIVER_AFTER_SALE_TEXT[stage];
}
