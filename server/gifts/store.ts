/**
 * The `gifts` collection and the gift's order in `orders`: document shapes, reads and the
 * conditional updates every transition goes through. `_id` is the gift id; the gift's order has the
 * SAME id (one order per gift), so `out_trade_no` 'G<giftId>' names both.
 */
import type { Address } from '@domain/address';
import type { GiftCard } from '@domain/gift/rules';
import type { GiftRecord } from '@domain/gift/views';
import type { GiftStatus } from '@domain/gift/machine';
import { command as _, db, fetchDocs } from '@server/cloud';

export const GIFTS = 'gifts';
export const ORDERS = 'orders';

export type GiftDoc = Omit<GiftRecord, 'giftId'> & {
  _id: string;
  orderId: string;
  productId: string;
  skuId: string;
  /** fen, the unit price from the database at creation (== unitPrice) */
  price: number;
  updatedAt: number;
  cancelledAt?: number | null;
  expiredAt?: number | null;
  /** when cloudPay.refund last answered SUCCESS (same out_refund_no every time) */
  refundRequestedAt?: number | null;
  refundAttempts?: number;
  refundLastError?: string | null;
  /** the WeChat Pay refund id from the refund callback */
  refundId?: string | null;
  /** resumable acceptance steps (server/gifts/accept.ts) */
  acceptSteps?: AcceptSteps;
};

export interface AcceptSteps {
  /** the SKU the recipient asked for, written with the acceptance itself */
  targetSkuId: string;
  skuResolved?: boolean;
  stockCommitted?: boolean;
  orderUpdated?: boolean;
  giverNotified?: boolean;
  /** every step above ran */
  done?: boolean;
}

export interface GiftOrderItem {
  skuId: string;
  productId: string;
  productName: string;
  image: string;
  specs: Record<string, string>;
  unitPrice: number;
  quantity: number;
  totalFee: number;
}

/**
 * The gift's order as this function writes it: the fields of the order function's OrderRecord
 * (src/domain/order/types.ts) with `kind: 'gift'`, plus the printed card for the merchant.
 */
export interface GiftOrderDoc {
  _id: string;
  kind: 'gift';
  giftId: string;
  /** the buyer = the giver */
  openid: string;
  status: string;
  items: GiftOrderItem[];
  /** the line's SKU and quantity, flat: what the stock hold (hold id = order id) is about */
  skuId: string;
  quantity: number;
  totalFee: number;
  outTradeNo: string;
  stockHold: 'held' | 'released' | 'committed';
  createdAt: number;
  /** payment deadline (the order sweep cancels after it) */
  expiresAt: number;
  /** null until the recipient accepts; then the recipient's address, for the merchant */
  address: Address | null;
  /** the printed card for the merchant, set on acceptance */
  greetingCard: GreetingCard | null;
  paidAt: number | null;
  transactionId: string | null;
  shipping: null;
  completedAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
  /** gift orders: when the recipient accepted (the order became paid = 待发货) */
  giftAcceptedAt?: number | null;
  updatedAt: number;
}

export interface GreetingCard {
  giverNickname: string;
  recipientName: string | null;
  greeting: string;
  signature: string | null;
  cardStyle: GiftCard['cardStyle'];
}

export function toGiftRecord(doc: GiftDoc): GiftRecord {
  return {
    giftId: doc._id,
    status: doc.status,
    giverOpenid: doc.giverOpenid,
    giverNickname: doc.giverNickname,
    sku: doc.sku,
    unitPrice: doc.unitPrice,
    quantity: doc.quantity,
    totalFee: doc.totalFee,
    greeting: doc.greeting,
    ...(doc.recipientName !== undefined ? { recipientName: doc.recipientName } : {}),
    ...(doc.signature !== undefined ? { signature: doc.signature } : {}),
    cardStyle: doc.cardStyle,
    token: doc.token,
    outTradeNo: doc.outTradeNo,
    outRefundNo: doc.outRefundNo,
    createdAt: doc.createdAt,
    paidAt: doc.paidAt,
    expiresAt: doc.expiresAt,
    acceptedAt: doc.acceptedAt,
    declinedAt: doc.declinedAt,
    refundedAt: doc.refundedAt,
    recipientOpenid: doc.recipientOpenid,
    recipientNickname: doc.recipientNickname,
    address: doc.address,
  };
}

export async function findGift(giftId: string): Promise<GiftDoc | null> {
  const [found] = await fetchDocs<GiftDoc>(db.collection(GIFTS).where({ _id: giftId }).limit(1));
  return found ?? null;
}

export async function findGiftOrder(orderId: string): Promise<GiftOrderDoc | null> {
  const [found] = await fetchDocs<GiftOrderDoc>(db.collection(ORDERS).where({ _id: orderId }).limit(1));
  return found ?? null;
}

interface UpdateResult {
  stats: { updated: number };
}

/**
 * Object and array values are written with `_.set` so they replace the field: a plain object in an update is
 * merged key by key into what is there (and cannot be written into a null field).
 */
function replacing(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const prototype = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
    const isPlainValue = prototype === Object.prototype || prototype === Array.prototype;
    out[key] = isPlainValue ? _.set(value) : value;
  }
  return out;
}

/**
 * The one way a gift changes status: a conditional update on the expected status(es) (plus extra
 * conditions), true when exactly this call moved it.
 */
export async function moveGift(
  giftId: string,
  from: GiftStatus | readonly GiftStatus[],
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const status = typeof from === 'string' ? from : _.in([...from]);
  const result = (await db
    .collection(GIFTS)
    .where({ ...extra, _id: giftId, status })
    .update({ data: replacing(data) })) as UpdateResult;
  return result.stats.updated === 1;
}

/** Records a stock-hold step of the gift's order, only from the expected state (never undoes a later one). */
export async function markOrderStockHold(
  orderId: string,
  from: GiftOrderDoc['stockHold'],
  to: GiftOrderDoc['stockHold'],
) {
  await db
    .collection(ORDERS)
    .where({ _id: orderId, stockHold: from })
    .update({ data: { stockHold: to } });
}

/** Same for the gift's order. */
export async function moveGiftOrder(orderId: string, from: string, data: Record<string, unknown>): Promise<boolean> {
  const result = (await db
    .collection(ORDERS)
    .where({ _id: orderId, status: from })
    .update({ data: replacing(data) })) as UpdateResult;
  return result.stats.updated === 1;
}
