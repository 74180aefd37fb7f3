/**
 * What each side of a gift may see. The giver never sees the recipient's address or phone; the
 * recipient never sees the price. Both are enforced twice: the view types declare those keys as
 * `never` (a value carrying them does not type-check), and the builders copy fields one by one
 * instead of spreading the record.
 */
import type { Address } from '@domain/address';
import type { Fen } from '@domain/money';
import {
  giverView,
  GIFT_WECHAT_CODES,
  recipientView,
  refundStage,
  type GiftRefundStage,
  type GiftStatus,
} from './machine';
import {
  afterSaleRefundStage,
  giverAfterSaleText,
  toGiverDelivery,
  toRecipientDelivery,
  type GiftOrderProgress,
  type GiverDelivery,
  type RecipientDelivery,
} from './delivery';
import { CARD_STYLE_NAMES, giftRemainingMs, sharePath, type CardStyle } from './rules';

/** The product and SKU as they were when the gift was created (or switched), without price. */
export interface GiftSkuSnapshot {
  productId: string;
  skuId: string;
  productName: string;
  image: string;
  /** e.g. { 颜色: '红色' } */
  specs: Record<string, string>;
}

/** The domain shape of a `gifts` document (what the gift function stores). */
export interface GiftRecord {
  giftId: string;
  status: GiftStatus;
  giverOpenid: string;
  /** shown to the recipient ("来自 … 的礼物"); the giver's choice */
  giverNickname: string;
  sku: GiftSkuSnapshot;
  unitPrice: Fen;
  quantity: 1;
  totalFee: Fen;
  greeting: string;
  recipientName?: string;
  signature?: string;
  cardStyle: CardStyle;
  token: string;
  outTradeNo: string;
  outRefundNo: string;
  createdAt: number;
  paidAt: number | null;
  expiresAt: number | null;
  acceptedAt: number | null;
  declinedAt: number | null;
  refundedAt: number | null;
  /** who accepted or declined */
  recipientOpenid: string | null;
  recipientNickname: string | null;
  /** only after acceptance; for the recipient and the merchant only */
  address: Address | null;
}

/** Keys that must never reach a view, whatever the record holds. */
type NeverKeys<K extends string> = { readonly [P in K]?: never };

type PrivateToRecipient = NeverKeys<
  'address' | 'telNumber' | 'phone' | 'userName' | 'detailInfo' | 'recipientOpenid' | 'token' | 'postalCode'
>;

export type GiverGiftView = PrivateToRecipient & {
  /** tells the giver's view from the recipient's (gift.getGift answers either) */
  viewer: 'giver';
  giftId: string;
  status: GiftStatus;
  wechatCode: number | null;
  label: string;
  description: string;
  refund: GiftRefundStage;
  sku: GiftSkuSnapshot;
  unitPrice: Fen;
  quantity: 1;
  totalFee: Fen;
  greeting: string;
  recipientName: string | null;
  signature: string | null;
  cardStyle: CardStyle;
  cardStyleName: string;
  createdAt: number;
  paidAt: number | null;
  expiresAt: number | null;
  /** for the countdown: only while waiting */
  remainingMs: number | null;
  /** only once accepted: the nickname, nothing else about the recipient */
  recipientNickname: string | null;
  acceptedAt: number | null;
  declinedAt: number | null;
  refundedAt: number | null;
  /** the chat card path while the gift can still be accepted */
  sharePath: string | null;
  /** once accepted: where the parcel is (stage only: no carrier, number or address) */
  delivery: GiverDelivery | null;
};

type PriceKeys = NeverKeys<
  'price' | 'unitPrice' | 'totalFee' | 'amount' | 'priceMin' | 'priceMax' | 'outTradeNo' | 'token'
>;

/** A SKU the recipient may switch to (same product, same price): no price shown. */
export interface GiftSkuOption {
  skuId: string;
  specs: Record<string, string>;
  /** on shelf and in stock (the original is always selectable) */
  selectable: boolean;
}

export type RecipientGiftView = PriceKeys & {
  viewer: 'recipient';
  giftId: string;
  status: GiftStatus;
  label: string;
  description: string;
  giverNickname: string;
  sku: GiftSkuSnapshot;
  skuOptions: GiftSkuOption[];
  greeting: string;
  recipientName: string | null;
  signature: string | null;
  cardStyle: CardStyle;
  cardStyleName: string;
  expiresAt: number | null;
  remainingMs: number | null;
  /** the caller opened their own gift's link */
  isGiver: boolean;
  /** accept/decline buttons */
  canRespond: boolean;
  /** the caller accepted or declined it */
  respondedByMe: boolean;
  /** the caller's own delivery address, only when they accepted it */
  myAddress: Address | null;
  /** the caller's own parcel (carrier and tracking number once shipped), only when they accepted it */
  delivery: RecipientDelivery | null;
  /** once shipped, to the recipient who accepted it: the carrier's name and the tracking number */
  shipping: { expressCompany: string; trackingNo: string } | null;
  /** the gift's order (same id as the gift), for the recipient who accepted it: order.getTracking */
  orderId: string | null;
};

const isWaitingNow = (record: GiftRecord, now: number): boolean =>
  record.status === 'waiting' && record.expiresAt !== null && now < record.expiresAt;

/**
 * The status as people should see it: a waiting gift whose 24 h have passed is shown as expired even
 * before the sweep writes it (it can no longer be accepted: `checkRecipientAction`).
 */
export const effectiveGiftStatus = (record: Pick<GiftRecord, 'status' | 'expiresAt'>, now: number): GiftStatus =>
  record.status === 'waiting' && record.expiresAt !== null && now >= record.expiresAt ? 'expired' : record.status;

export function toGiverView(record: GiftRecord, now: number, order: GiftOrderProgress | null = null): GiverGiftView {
  const status = effectiveGiftStatus(record, now);
  const delivery = status === 'accepted' ? toGiverDelivery(order) : null;
  const afterSaleRefund = status === 'accepted' ? afterSaleRefundStage(order) : 'none';
  const text =
    afterSaleRefund !== 'none'
      ? giverAfterSaleText(afterSaleRefund)
      : delivery && delivery.stage !== 'toShip'
        ? delivery
        : giverView(status);
  const waiting = isWaitingNow(record, now);
  return {
    viewer: 'giver',
    giftId: record.giftId,
    status,
    wechatCode: GIFT_WECHAT_CODES[status],
    label: text.label,
    description: text.description,
    refund: afterSaleRefund !== 'none' ? afterSaleRefund : refundStage(status),
    sku: copySku(record.sku),
    unitPrice: record.unitPrice,
    quantity: record.quantity,
    totalFee: record.totalFee,
    greeting: record.greeting,
    recipientName: record.recipientName ?? null,
    signature: record.signature ?? null,
    cardStyle: record.cardStyle,
    cardStyleName: CARD_STYLE_NAMES[record.cardStyle],
    createdAt: record.createdAt,
    paidAt: record.paidAt,
    expiresAt: record.expiresAt,
    remainingMs: waiting && record.expiresAt !== null ? giftRemainingMs(record.expiresAt, now) : null,
    recipientNickname: record.status === 'accepted' ? record.recipientNickname : null,
    acceptedAt: record.acceptedAt,
    declinedAt: record.declinedAt,
    refundedAt: record.refundedAt,
    sharePath: waiting ? sharePath(record.giftId, record.token) : null,
    delivery,
  };
}

export function toRecipientView(
  record: GiftRecord,
  caller: { openid: string },
  now: number,
  skuOptions: GiftSkuOption[] = [],
  order: GiftOrderProgress | null = null,
): RecipientGiftView {
  const respondedByMe = record.recipientOpenid !== null && record.recipientOpenid === caller.openid;
  const status = effectiveGiftStatus(record, now);
  const delivery = respondedByMe && status === 'accepted' ? toRecipientDelivery(order) : null;
  const text = delivery && delivery.stage !== 'toShip' ? delivery : recipientView(status, { byMe: respondedByMe });
  const isGiver = caller.openid === record.giverOpenid;
  const waiting = isWaitingNow(record, now);
  return {
    viewer: 'recipient',
    giftId: record.giftId,
    status,
    label: text.label,
    description: text.description,
    giverNickname: record.giverNickname,
    sku: copySku(record.sku),
    skuOptions: skuOptions.map((option) => ({
      skuId: option.skuId,
      specs: { ...option.specs },
      selectable: option.selectable,
    })),
    greeting: record.greeting,
    recipientName: record.recipientName ?? null,
    signature: record.signature ?? null,
    cardStyle: record.cardStyle,
    cardStyleName: CARD_STYLE_NAMES[record.cardStyle],
    expiresAt: record.expiresAt,
    remainingMs: waiting && record.expiresAt !== null ? giftRemainingMs(record.expiresAt, now) : null,
    isGiver,
    canRespond: waiting && !isGiver,
    respondedByMe,
    myAddress: respondedByMe && record.status === 'accepted' && record.address ? { ...record.address } : null,
    delivery,
    shipping:
      delivery?.expressCompany && delivery.trackingNo
        ? { expressCompany: delivery.expressCompany, trackingNo: delivery.trackingNo }
        : null,
    // a gift's order carries the gift's id (server/orders.ts)
    orderId: delivery ? record.giftId : null,
  };
}

const copySku = (sku: GiftSkuSnapshot): GiftSkuSnapshot => ({
  productId: sku.productId,
  skuId: sku.skuId,
  productName: sku.productName,
  image: sku.image,
  specs: { ...sku.specs },
});
