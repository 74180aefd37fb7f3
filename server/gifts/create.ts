/**
 * createGift: every rule is checked BEFORE anything is written (a refusal changes nothing). Then the
 * order (an ordinary order of kind 'gift', server/orders.ts) and the gift are written, and only then
 * is the stock held, under the order id — so a crash at any point leaves at worst an unpaid order
 * that the order sweep cancels (releasing a hold if one was taken), never a hold without an order. A
 * definite refusal of the hold removes what was written. Then WeChat Pay is asked for a prepay; the
 * payment callback activates the gift (./activate.ts).
 */
import crypto from 'node:crypto';
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { failWith } from '@domain/errors';
import { GiftErrors } from '@domain/gift/errors';
import {
  checkGiftDraft,
  checkGiftSku,
  giftOutRefundNo,
  giftOutTradeNo,
  GIFT_PAYMENT_WINDOW_MS,
  GIFT_QUANTITY,
} from '@domain/gift/rules';
import type { GiftSkuSnapshot } from '@domain/gift/views';
import type { OrderRecord } from '@domain/order/types';
import { isCategoryGiftable } from '@domain/product/gift';
import { ok } from '@domain/result';
import { findCategoryRecord, findProductRecord } from '@server/catalogue';
import type { CallContext } from '@server/dispatch';
import { cancelUnpaidOrder, insertOrder, removeUnreservedOrder } from '@server/orders';
import { checkPaymentConfigured, paymentBody, startPayment } from '@server/payment';
import { findSkuRecord, reserveStock } from '@server/stock';
import { nicknameOf } from '@server/users';
import { checkGiftFromWishlist } from '@server/wishlists';
import { insertGift, removeUnpaidGift, type GiftDoc } from './store';

/** Ids we issue: time-ordered and unguessable, ≤ 31 characters so 'G' + id fits out_trade_no. */
export const newGiftId = (now: number): string => `${now.toString(36)}${crypto.randomBytes(10).toString('hex')}`;

/** 128 bits from the server's CSPRNG: the share link's secret. */
export const newShareToken = (): string => crypto.randomBytes(16).toString('hex');

export async function createGift(
  request: RequestOf<'gift', 'createGift'>,
  ctx: CallContext,
): Promise<AnswerOf<'gift', 'createGift'>> {
  const card = checkGiftDraft(request);
  if (!card.ok) return card;

  const sku = await findSkuRecord(request.skuId);
  const product = sku ? await findProductRecord(sku.productId) : null;
  if (!sku || !product) return failWith(GiftErrors.SKU_NOT_FOUND);
  const category = await findCategoryRecord(product.categoryId);
  const giftable = checkGiftSku({
    skuId: sku._id,
    productId: sku.productId,
    price: sku.price,
    stock: sku.stock,
    onShelf: product.onShelf && sku.onShelf,
    giftable: isCategoryGiftable(category ?? product),
  });
  if (!giftable.ok) return giftable;

  // From a friend's shared wish list: the same gift in every rule above, plus the list's own checks.
  const fromWishlist =
    request.wishlistToken === undefined
      ? null
      : await checkGiftFromWishlist(request.wishlistToken, sku._id, ctx.openid);
  if (fromWishlist && !fromWishlist.ok) return fromWishlist;

  // No sub-merchant configured: say so before anything is written.
  const payable = checkPaymentConfigured();
  if (!payable.ok) return payable;

  const now = ctx.now;
  const giftId = newGiftId(now);
  const orderId = giftId;
  const outTradeNo = giftOutTradeNo(giftId);
  const snapshot: GiftSkuSnapshot = {
    productId: product._id,
    skuId: sku._id,
    productName: product.name,
    image: product.images[0] ?? '',
    specs: { ...sku.specs },
  };
  const giverNickname = await nicknameOf(ctx.openid);
  const order: OrderRecord = {
    _id: orderId,
    kind: 'gift',
    giftId,
    openid: ctx.openid,
    status: 'pendingPayment',
    items: [
      {
        skuId: sku._id,
        productId: product._id,
        name: product.name,
        image: snapshot.image,
        specs: { ...sku.specs },
        price: sku.price,
        quantity: GIFT_QUANTITY,
      },
    ],
    skuId: sku._id,
    quantity: GIFT_QUANTITY,
    totalFee: sku.price,
    // the recipient's, once accepted; never shown to the giver
    address: null,
    outTradeNo,
    stockHold: 'held',
    createdAt: now,
    expiresAt: now + GIFT_PAYMENT_WINDOW_MS,
    paidAt: null,
    transactionId: null,
    shipping: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    greetingCard: null,
    latePayment: null,
    paymentAnomaly: null,
    updatedAt: now,
  };
  const gift: GiftDoc = {
    _id: giftId,
    orderId,
    status: 'pendingPayment',
    giverOpenid: ctx.openid,
    giverNickname,
    sku: snapshot,
    productId: product._id,
    skuId: sku._id,
    price: sku.price,
    unitPrice: sku.price,
    quantity: GIFT_QUANTITY,
    totalFee: sku.price,
    greeting: card.data.greeting,
    ...(card.data.recipientName !== undefined ? { recipientName: card.data.recipientName } : {}),
    ...(card.data.signature !== undefined ? { signature: card.data.signature } : {}),
    cardStyle: card.data.cardStyle,
    token: newShareToken(),
    outTradeNo,
    outRefundNo: giftOutRefundNo(giftId),
    createdAt: now,
    updatedAt: now,
    paidAt: null,
    expiresAt: null,
    acceptedAt: null,
    declinedAt: null,
    refundedAt: null,
    recipientOpenid: null,
    recipientNickname: null,
    address: null,
    ...(fromWishlist?.ok ? { wishlistId: fromWishlist.data.wishlistId } : {}),
  };

  // Written first, held second (see the header). The atomic reservation is what guarantees stock;
  // the check above only gives the clear message.
  await insertOrder(order);
  await insertGift(gift);
  const held = await reserveStock(sku._id, GIFT_QUANTITY, orderId);
  if (!held.ok) {
    // Definitely nothing held: take back what was written, so a refused gift leaves no trace.
    await removeUnpaidGift(giftId);
    await removeUnreservedOrder(orderId);
    const spec = held.code === 'ORDER.SKU_OFF_SHELF' ? GiftErrors.SKU_OFF_SHELF : GiftErrors.OUT_OF_STOCK;
    return failWith(spec);
  }

  const prepay = await startPayment({
    outTradeNo,
    totalFee: sku.price,
    body: paymentBody(product.name),
    attach: 'gift',
  });
  if (!prepay.ok) {
    // Nothing was paid: cancel at once (closing the trade first) rather than leave it to the sweep.
    await cancelUnpaidOrder(order, 'paymentUnavailable');
    return failWith(GiftErrors.PAYMENT_UNAVAILABLE);
  }

  return ok({ giftId, orderId, outTradeNo, payment: prepay.payment });
}
