/**
 * The `gifts` collection's ONE owner: document shape, reads, and the conditional updates every
 * transition goes through. `_id` is the gift id; the gift's order (written by server/orders.ts, an
 * ordinary OrderRecord with kind 'gift') has the SAME id, so `out_trade_no` 'G<giftId>' names both.
 */
import type { GiftRecord } from '@domain/gift/views';
import type { GiftStatus } from '@domain/gift/machine';
import { command as _, db, fetchDocs } from '@server/cloud';
import { countsOf, totalsPerChinaDay } from '@server/dailyCounts';

export const GIFTS = 'gifts';

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
  /** the wish list the giver sent it from (server/wishlists.ts); never shown to anyone */
  wishlistId?: string;
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

export async function findGifts(giftIds: readonly string[]): Promise<GiftDoc[]> {
  if (giftIds.length === 0) return [];
  return fetchDocs<GiftDoc>(
    db
      .collection(GIFTS)
      .where({ _id: _.in([...giftIds]) })
      .limit(giftIds.length),
  );
}

export async function insertGift(gift: GiftDoc): Promise<void> {
  await db.collection(GIFTS).add({ data: gift });
}

/** Removes a gift that was never paid nor shown (its creation was refused after it was written). */
export async function removeUnpaidGift(giftId: string): Promise<void> {
  await db.collection(GIFTS).where({ _id: giftId, status: 'pendingPayment' }).remove();
}

/** The giver's gifts, newest first (gifts {giverOpenid, createdAt} index). */
export async function listSentGifts(giverOpenid: string, limit: number): Promise<GiftDoc[]> {
  return fetchDocs<GiftDoc>(db.collection(GIFTS).where({ giverOpenid }).orderBy('createdAt', 'desc').limit(limit));
}

/** Gifts the caller accepted, newest first (a declined gift was never theirs). */
export async function listReceivedGifts(recipientOpenid: string, limit: number): Promise<GiftDoc[]> {
  return fetchDocs<GiftDoc>(
    db
      .collection(GIFTS)
      .where({ recipientOpenid, acceptedAt: _.gt(0) })
      .orderBy('acceptedAt', 'desc')
      .limit(limit),
  );
}

/** A wish list's gifts in the given statuses (gifts {wishlistId, status} index): who sent them stays here. */
export async function listWishlistGifts(
  wishlistId: string,
  statuses: readonly GiftStatus[],
): Promise<Array<Pick<GiftDoc, 'skuId' | 'status' | 'createdAt'>>> {
  const found = await fetchDocs<GiftDoc>(
    db
      .collection(GIFTS)
      .where({ wishlistId, status: _.in([...statuses]) })
      .limit(1000),
  );
  return found.map((gift) => ({ skuId: gift.skuId, status: gift.status, createdAt: gift.createdAt }));
}

/** One batch of gifts matching a sweep condition, optionally in `order` (field, ascending). */
export async function findGiftsWhere(
  condition: Record<string, unknown>,
  limit: number,
  ascendingBy?: string,
): Promise<GiftDoc[]> {
  const query = db.collection(GIFTS).where(condition);
  return fetchDocs<GiftDoc>((ascendingBy ? query.orderBy(ascendingBy, 'asc') : query).limit(limit));
}

// ---- statistics for the gift finder (server/giftStats.ts stores the results) ----

type Aggregated<T> = { list: T[] };
/** The SDK's aggregate builder (its typings do not describe the stage methods). */
interface AggregateBuilder {
  match(condition: Record<string, unknown>): AggregateBuilder;
  group(spec: Record<string, unknown>): AggregateBuilder;
  project(spec: Record<string, unknown>): AggregateBuilder;
  unwind(spec: string | Record<string, unknown>): AggregateBuilder;
  sort(spec: Record<string, unknown>): AggregateBuilder;
  end(): Promise<unknown>;
}
const aggregateGifts = (): AggregateBuilder => db.collection(GIFTS).aggregate() as unknown as AggregateBuilder;

const countIf = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });
const statusIn = (statuses: readonly GiftStatus[]) => ({ $in: ['$status', [...statuses]] });

export interface ProductGiftCounts {
  productId: string;
  accepted: number;
  declined: number;
  expired: number;
  /** paid for since `weekStart` */
  thisWeek: number;
  /** paid for in [lastWeekStart, weekStart) */
  lastWeek: number;
}

/**
 * Per product, over gifts paid for in [since, until) (gifts {paidAt} index): how they ended and how many
 * were paid this week and last week. One pass of the database's aggregation; the result has one row
 * per gifted product.
 */
export async function aggregateProductGiftCounts(window: {
  since: number;
  /** exclusive: the caller slices a long window so that no single request runs long */
  until: number;
  lastWeekStart: number;
  weekStart: number;
  accepted: readonly GiftStatus[];
  declined: readonly GiftStatus[];
  expired: readonly GiftStatus[];
}): Promise<ProductGiftCounts[]> {
  const result = (await aggregateGifts()
    .match({ paidAt: _.gte(window.since).and(_.lt(window.until)) })
    .group({
      _id: '$productId',
      accepted: countIf(statusIn(window.accepted)),
      declined: countIf(statusIn(window.declined)),
      expired: countIf(statusIn(window.expired)),
      thisWeek: countIf({ $gte: ['$paidAt', window.weekStart] }),
      lastWeek: countIf({
        $and: [{ $gte: ['$paidAt', window.lastWeekStart] }, { $lt: ['$paidAt', window.weekStart] }],
      }),
    })
    .end()) as Aggregated<Omit<ProductGiftCounts, 'productId'> & { _id: string }>;
  return result.list.map(({ _id, ...counts }) => ({ productId: _id, ...counts }));
}

export interface CoGiftedRow {
  productId: string;
  related: { productId: string; givers: number }[];
}

/**
 * 送这个的人也送了: for each product, the other products its givers gifted (paid since `since`), by
 * how many givers gifted both. Each giver counts with at most `perGiver` distinct products, and each
 * product keeps its `size` best companions.
 */
export async function aggregateCoGifting(window: {
  since: number;
  perGiver: number;
  size: number;
}): Promise<CoGiftedRow[]> {
  const result = (await aggregateGifts()
    .match({ paidAt: _.gte(window.since) })
    .group({ _id: '$giverOpenid', products: { $addToSet: '$productId' } })
    .project({ products: { $slice: ['$products', window.perGiver] } })
    .match({ 'products.1': _.exists(true) })
    .project({ a: '$products', b: '$products' })
    .unwind('$a')
    .unwind('$b')
    .match({ $expr: { $ne: ['$a', '$b'] } })
    .group({ _id: { a: '$a', b: '$b' }, givers: { $sum: 1 } })
    .sort({ givers: -1, '_id.b': 1 })
    .group({ _id: '$_id.a', related: { $push: { productId: '$_id.b', givers: '$givers' } } })
    .project({ related: { $slice: ['$related', window.size] } })
    .end()) as Aggregated<{ _id: string; related: CoGiftedRow['related'] }>;
  return result.list.map((row) => ({ productId: row._id, related: row.related }));
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

// ---- the merchant's dashboard ----

/** Gifts per China day since `since`: paid for (sent), accepted, expired, refunded. */
export async function giftCountsPerChinaDay(
  since: number,
): Promise<Record<'sent' | 'accepted' | 'expired' | 'refunded', Map<number, number>>> {
  const per = (field: string) => totalsPerChinaDay(db.collection(GIFTS), field, since).then(countsOf);
  const [sent, accepted, expired, refunded] = await Promise.all([
    per('paidAt'),
    per('acceptedAt'),
    per('expiredAt'),
    per('refundedAt'),
  ]);
  return { sent, accepted, expired, refunded };
}
