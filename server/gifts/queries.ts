/**
 * Read-side gift actions. The giver's answers are built ONLY from `toGiverView` (its type has no room
 * for an address or phone); the recipient's only from `toRecipientView` (no price).
 */
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { failWith } from '@domain/errors';
import { GiftErrors } from '@domain/gift/errors';
import { checkRecipientAction, GIFT_QUANTITY, sharePath } from '@domain/gift/rules';
import { effectiveGiftStatus, toGiverView, toRecipientView, type GiftSkuOption } from '@domain/gift/views';
import { ok } from '@domain/result';
import type { GiftOrderProgress } from '@domain/gift/delivery';
import { findProductRecord } from '@server/catalogue';
import { findOrders } from '@server/orders';
import { listSkuRecords } from '@server/stock';
import type { CallContext } from '@server/dispatch';
import { clip } from './notify';
import { createShareActivityId } from './share';
import { findGift, listReceivedGifts, listSentGifts, toGiftRecord, type GiftDoc } from './store';

/** Lists show the newest gifts first, up to this many. */
export const GIFT_LIST_LIMIT = 50;

/** 5:4 card images per card style (500×400), served with the mini program's static files. */
export const SHARE_CARD_IMAGES = {
  classic: '/static/gift-cards/classic.png',
  birthday: '/static/gift-cards/birthday.png',
  thanks: '/static/gift-cards/thanks.png',
  festival: '/static/gift-cards/festival.png',
} as const;

/** The accepted gifts' orders (where their parcels are), by gift id; other gifts have none. */
async function deliveryProgressOf(gifts: readonly GiftDoc[]): Promise<Map<string, GiftOrderProgress>> {
  const accepted = gifts.filter((gift) => gift.status === 'accepted');
  const orders = await findOrders(accepted.map((gift) => gift.orderId));
  const byOrderId = new Map(orders.map((order) => [order._id, order]));
  const progress = new Map<string, GiftOrderProgress>();
  for (const gift of accepted) {
    const order = byOrderId.get(gift.orderId);
    if (order) progress.set(gift._id, order);
  }
  return progress;
}

/** The gift if the caller gave it; anyone else gets the same answer as for a missing gift. */
async function findGiversGift(giftId: string, openid: string): Promise<GiftDoc | null> {
  const gift = await findGift(giftId);
  return gift && gift.giverOpenid === openid ? gift : null;
}

export async function getGift(
  request: RequestOf<'gift', 'getGift'>,
  ctx: CallContext,
): Promise<AnswerOf<'gift', 'getGift'>> {
  const gift = await findGift(request.giftId);
  // The giver gets the giver's view; the recipient who accepted it, hers (carrier and number once
  // shipped); anyone else the same answer as for a missing gift.
  const role =
    gift?.giverOpenid === ctx.openid
      ? 'giver'
      : gift?.status === 'accepted' && gift.recipientOpenid === ctx.openid
        ? 'recipient'
        : null;
  if (!gift || !role) return failWith(GiftErrors.NOT_FOUND);
  const progress = (await deliveryProgressOf([gift])).get(gift._id) ?? null;
  return ok(
    role === 'giver'
      ? toGiverView(toGiftRecord(gift), ctx.now, progress)
      : toRecipientView(toGiftRecord(gift), { openid: ctx.openid }, ctx.now, [], progress),
  );
}

export async function shareCard(
  request: RequestOf<'gift', 'shareCard'>,
  ctx: CallContext,
): Promise<AnswerOf<'gift', 'shareCard'>> {
  const gift = await findGiversGift(request.giftId, ctx.openid);
  if (!gift) return failWith(GiftErrors.NOT_FOUND);
  const status = effectiveGiftStatus(gift, ctx.now);
  if (status === 'pendingPayment') return failWith(GiftErrors.NOT_PAID);
  if (status !== 'waiting')
    return failWith(GiftErrors.INVALID_STATE, `${GiftErrors.INVALID_STATE.message}：礼物已无法分享`);
  const activity = await createShareActivityId(ctx.openid);
  if (!activity) return failWith(GiftErrors.SHARE_UNAVAILABLE);
  return ok({
    activityId: activity.activityId,
    activityExpiresAt: activity.expirationTime,
    title: clip(`${gift.giverNickname}送你一份礼物：${gift.sku.productName}`, 30),
    imageUrl: SHARE_CARD_IMAGES[gift.cardStyle],
    path: sharePath(gift._id, gift.token),
  });
}

/** Other SKUs of the gift's product at the gift's price; the original is always selectable. */
async function skuOptionsFor(gift: GiftDoc): Promise<GiftSkuOption[]> {
  const [product, skus] = await Promise.all([findProductRecord(gift.productId), listSkuRecords(gift.productId)]);
  const productOnShelf = product?.onShelf ?? false;
  return skus
    .filter((sku) => sku.price === gift.unitPrice && (sku.onShelf || sku._id === gift.skuId))
    .map((sku) => ({
      skuId: sku._id,
      specs: { ...sku.specs },
      selectable: sku._id === gift.skuId || (productOnShelf && sku.onShelf && sku.stock >= GIFT_QUANTITY),
    }));
}

export async function openGift(
  request: RequestOf<'gift', 'openGift'>,
  ctx: CallContext,
): Promise<AnswerOf<'gift', 'openGift'>> {
  const gift = await findGift(request.giftId);
  // An unknown id answers exactly like a wrong token, so ids cannot be probed.
  if (!gift) return failWith(GiftErrors.INVALID_TOKEN);
  const access = checkRecipientAction(gift, { openid: ctx.openid, token: request.token }, 'open', ctx.now);
  if (!access.ok) return access;
  const waiting = effectiveGiftStatus(gift, ctx.now) === 'waiting';
  const options = waiting ? await skuOptionsFor(gift) : [];
  const mine =
    gift.recipientOpenid === ctx.openid ? await deliveryProgressOf([gift]) : new Map<string, GiftOrderProgress>();
  return ok(toRecipientView(toGiftRecord(gift), { openid: ctx.openid }, ctx.now, options, mine.get(gift._id) ?? null));
}

export async function listGifts(
  request: RequestOf<'gift', 'listGifts'>,
  ctx: CallContext,
): Promise<AnswerOf<'gift', 'listGifts'>> {
  if (request.role === 'sent') {
    const docs = await listSentGifts(ctx.openid, GIFT_LIST_LIMIT);
    const progress = await deliveryProgressOf(docs);
    return ok({
      role: 'sent',
      items: docs.map((doc) => toGiverView(toGiftRecord(doc), ctx.now, progress.get(doc._id) ?? null)),
    });
  }
  // Received = gifts I accepted (a declined gift was never mine).
  const docs = await listReceivedGifts(ctx.openid, GIFT_LIST_LIMIT);
  const progress = await deliveryProgressOf(docs);
  return ok({
    role: 'received',
    items: docs.map((doc) =>
      toRecipientView(toGiftRecord(doc), { openid: ctx.openid }, ctx.now, [], progress.get(doc._id) ?? null),
    ),
  });
}
