/**
 * createGift: every rule is checked BEFORE anything is written (a refusal changes nothing); then
 * stock is held under the order id, the order and the gift are recorded, and WeChat Pay is asked
 * for a prepay. The payment callback (payCallback) activates the gift (./activate.ts).
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
import { isCategoryGiftable } from '@domain/product/gift';
import { ok } from '@domain/result';
import { findCategoryRecord, findProductRecord, findSkuRecord } from '@server/catalogue';
import { cloudPay, currentEnv, db } from '@server/cloud';
import { nonceStr, PAY_CALLBACK_FUNCTION, paymentBody, subMchId } from '@server/payment';
import type { CallContext } from '@server/dispatch';
import { releaseStock, reserveStock } from '@server/stock';
import { nicknameOf } from '@server/users';
import { GIFTS, moveGift, moveGiftOrder, ORDERS, type GiftDoc, type GiftOrderDoc } from './store';

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

  const now = ctx.now;
  const giftId = newGiftId(now);
  const orderId = giftId;
  const outTradeNo = giftOutTradeNo(giftId);

  // The atomic reservation is what guarantees stock; the check above only gives the clear message.
  const held = await reserveStock(sku._id, GIFT_QUANTITY, orderId);
  if (!held.ok) {
    const spec = held.code === 'ORDER.SKU_OFF_SHELF' ? GiftErrors.SKU_OFF_SHELF : GiftErrors.OUT_OF_STOCK;
    return failWith(spec);
  }

  const snapshot: GiftSkuSnapshot = {
    productId: product._id,
    skuId: sku._id,
    productName: product.name,
    image: product.images[0] ?? '',
    specs: { ...sku.specs },
  };
  const giverNickname = await nicknameOf(ctx.openid);
  const order: GiftOrderDoc = {
    _id: orderId,
    kind: 'gift',
    giftId,
    openid: ctx.openid,
    status: 'pendingPayment',
    items: [
      {
        skuId: sku._id,
        productId: product._id,
        productName: product.name,
        image: snapshot.image,
        specs: { ...sku.specs },
        unitPrice: sku.price,
        quantity: GIFT_QUANTITY,
        totalFee: sku.price,
      },
    ],
    skuId: sku._id,
    quantity: GIFT_QUANTITY,
    totalFee: sku.price,
    outTradeNo,
    stockHold: 'held',
    createdAt: now,
    expiresAt: now + GIFT_PAYMENT_WINDOW_MS,
    address: null,
    greetingCard: null,
    paidAt: null,
    transactionId: null,
    shipping: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
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
  };

  try {
    // Order first: if we crash after it, the order sweep cancels it and releases the hold.
    await db.collection(ORDERS).add({ data: order });
    await db.collection(GIFTS).add({ data: gift });
  } catch (error) {
    await releaseStock(sku._id, GIFT_QUANTITY, orderId).catch(() => undefined);
    throw error;
  }

  const prepay = await cloudPay
    .unifiedOrder({
      body: paymentBody(product.name),
      outTradeNo,
      // cloudPay runs on the server: WeChat only needs a syntactically valid IP here
      spbillCreateIp: '127.0.0.1',
      subMchId: subMchId(),
      totalFee: sku.price,
      envId: currentEnv(),
      functionName: PAY_CALLBACK_FUNCTION,
      nonceStr: nonceStr(),
      tradeType: 'JSAPI',
      attach: 'gift',
    })
    .catch((error: unknown) => {
      console.error('[gift] unifiedOrder failed', giftId, error);
      return null;
    });
  if (!prepay || prepay.returnCode !== 'SUCCESS' || prepay.resultCode !== 'SUCCESS' || !prepay.payment) {
    if (prepay) console.error('[gift] unifiedOrder refused', giftId, prepay.returnMsg, prepay.errCodeDes);
    // Nothing was paid: undo at once rather than leaving it to the 30-minute sweep.
    await moveGiftOrder(orderId, 'pendingPayment', {
      status: 'cancelled',
      cancelReason: 'paymentUnavailable',
      cancelledAt: now,
      updatedAt: now,
    });
    await moveGift(giftId, 'pendingPayment', { status: 'cancelled', cancelledAt: now, updatedAt: now });
    await releaseStock(sku._id, GIFT_QUANTITY, orderId);
    await moveGiftOrder(orderId, 'cancelled', { stockHold: 'released', updatedAt: now });
    return failWith(GiftErrors.PAYMENT_UNAVAILABLE);
  }

  return ok({ giftId, orderId, outTradeNo, payment: prepay.payment });
}
