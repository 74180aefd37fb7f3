/**
 * acceptGift: everything is validated first (token, own gift, status, deadline, SKU switch; the
 * address by the request schema), then ONE conditional update decides who wins:
 * `where({ _id, status: 'waiting', expiresAt: _.gt(now) })` → accepted, `stats.updated === 1`.
 * The steps after it (switch SKU, commit stock, hand the order to the merchant, tell the giver) are
 * each idempotent and recorded in `acceptSteps`, so a crash halfway is finished by a retry of the
 * same recipient or by the giftExpiry sweep.
 */
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { failWith } from '@domain/errors';
import { GiftErrors } from '@domain/gift/errors';
import { checkRecipientAction, checkSkuSwitch, GIFT_QUANTITY, tokensMatch } from '@domain/gift/rules';
import { toRecipientView } from '@domain/gift/views';
import { ok } from '@domain/result';
import type { OrderItem } from '@domain/contracts';
import { findProductRecord } from '@server/catalogue';
import { clock } from '@domain/clock';
import { command as _ } from '@server/cloud';
import type { CallContext } from '@server/dispatch';
import { commitOrderHold, findOrder, handGiftOrderToMerchant, switchGiftOrderSku } from '@server/orders';
import { findSkuRecord, releaseStock, reserveStock } from '@server/stock';
import { nicknameOf } from '@server/users';
import { notifyGiftAccepted } from './notify';
import { findGift, moveGift, toGiftRecord, type AcceptSteps, type GiftDoc } from './store';

type AcceptAnswer = AnswerOf<'gift', 'acceptGift'>;

const viewFor = (gift: GiftDoc, openid: string, now: number) => toRecipientView(toGiftRecord(gift), { openid }, now);

export async function acceptGift(request: RequestOf<'gift', 'acceptGift'>, ctx: CallContext): Promise<AcceptAnswer> {
  const gift = await findGift(request.giftId);
  // An unknown id answers exactly like a wrong token, so ids cannot be probed.
  if (!gift) return failWith(GiftErrors.INVALID_TOKEN);

  // The winner retrying (lost answer, crash halfway): finish and answer as before.
  if (gift.status === 'accepted' && gift.recipientOpenid === ctx.openid && tokensMatch(gift.token, request.token)) {
    return ok(viewFor(await finishAcceptance(gift), ctx.openid, clock.now()));
  }

  const access = checkRecipientAction(gift, { openid: ctx.openid, token: request.token }, 'accept', ctx.now);
  if (!access.ok) return access;

  const targetSkuId = request.skuId ?? gift.skuId;
  if (targetSkuId !== gift.skuId) {
    const [candidate, product] = await Promise.all([findSkuRecord(targetSkuId), findProductRecord(gift.productId)]);
    const allowed = checkSkuSwitch(
      { skuId: gift.skuId, productId: gift.productId, unitPrice: gift.unitPrice },
      candidate
        ? {
            skuId: candidate._id,
            productId: candidate.productId,
            price: candidate.price,
            stock: candidate.stock,
            onShelf: candidate.onShelf && (product?.onShelf ?? false),
          }
        : null,
    );
    if (!allowed.ok) return allowed;
  }

  const now = ctx.now;
  const recipientNickname = await nicknameOf(ctx.openid);
  const steps: AcceptSteps = { targetSkuId };
  const won = await moveGift(
    gift._id,
    'waiting',
    {
      status: 'accepted',
      recipientOpenid: ctx.openid,
      recipientNickname,
      acceptedAt: now,
      address: request.address,
      acceptSteps: steps,
      updatedAt: now,
    },
    { expiresAt: _.gt(now) },
  );
  if (!won) return refusalAfterLostRace(gift._id, ctx);

  const accepted: GiftDoc = {
    ...gift,
    status: 'accepted',
    recipientOpenid: ctx.openid,
    recipientNickname,
    acceptedAt: now,
    address: request.address,
    acceptSteps: steps,
  };
  return ok(viewFor(await finishAcceptance(accepted), ctx.openid, now));
}

/** Someone (or the deadline) moved the gift between our read and our update: say what happened. */
async function refusalAfterLostRace(giftId: string, ctx: CallContext): Promise<AcceptAnswer> {
  const latest = await findGift(giftId);
  if (!latest) return failWith(GiftErrors.INVALID_TOKEN);
  if (latest.status === 'accepted' && latest.recipientOpenid === ctx.openid) {
    return ok(viewFor(latest, ctx.openid, ctx.now));
  }
  const again = checkRecipientAction(latest, { openid: ctx.openid, token: latest.token }, 'accept', clock.now());
  return again.ok ? failWith(GiftErrors.ALREADY_ACCEPTED) : again;
}

async function saveSteps(giftId: string, steps: AcceptSteps): Promise<void> {
  await moveGift(giftId, 'accepted', { acceptSteps: steps, updatedAt: clock.now() });
}

/**
 * Runs the acceptance steps that are not done yet, in order. Returns the gift as it now stands.
 * Safe to run again at any point: every step is idempotent and recorded once done.
 */
export async function finishAcceptance(gift: GiftDoc): Promise<GiftDoc> {
  let current = gift;
  const steps: AcceptSteps = { ...(gift.acceptSteps ?? { targetSkuId: gift.skuId }) };

  if (!steps.skuResolved) {
    if (steps.targetSkuId !== current.skuId) {
      const switched = await switchSku(current, steps.targetSkuId);
      if (switched) current = switched;
      else steps.targetSkuId = current.skuId;
    }
    steps.skuResolved = true;
    await saveSteps(current._id, steps);
  }

  if (!steps.stockCommitted) {
    // the order's own SKU and hold (after a switch, the recipient's SKU)
    const order = await findOrder(current.orderId);
    if (order) await commitOrderHold(order);
    steps.stockCommitted = true;
    await saveSteps(current._id, steps);
  }

  if (!steps.orderUpdated) {
    // awaitingRecipient → paid (待发货): the merchant now sees the address and the card to print.
    const moved =
      current.address !== null &&
      (await handGiftOrderToMerchant(
        current.orderId,
        current.address,
        {
          giverNickname: current.giverNickname,
          recipientName: current.recipientName ?? null,
          greeting: current.greeting,
          signature: current.signature ?? null,
          cardStyle: current.cardStyle,
        },
        current.recipientOpenid,
      ));
    if (!moved) console.warn('[gift] order was not awaitingRecipient at acceptance (already moved?)', current.orderId);
    steps.orderUpdated = true;
    await saveSteps(current._id, steps);
  }

  if (!steps.giverNotified) {
    // Tried once: a failure to notify never fails or repeats the acceptance.
    await notifyGiftAccepted(
      { giftId: current._id, giverOpenid: current.giverOpenid, productName: current.sku.productName },
      current.recipientNickname ?? '',
      current.acceptedAt ?? clock.now(),
    );
    steps.giverNotified = true;
    steps.done = true;
    await saveSteps(current._id, steps);
  }

  return { ...current, acceptSteps: steps };
}

/**
 * Moves the order's stock hold from the giver's SKU to the recipient's: reserve the new SKU under the
 * same hold id, point the order at it, release the old one, then record the switch on the gift.
 * Rerunning after a crash at any point converges (reserve says alreadyHeld, release says notHeld).
 * null when the new SKU sold out since the check: the recipient keeps the giver's choice.
 */
async function switchSku(gift: GiftDoc, targetSkuId: string): Promise<GiftDoc | null> {
  const [sku, product] = await Promise.all([findSkuRecord(targetSkuId), findProductRecord(gift.productId)]);
  if (!sku || sku.productId !== gift.productId || sku.price !== gift.unitPrice) return null;
  const held = await reserveStock(targetSkuId, GIFT_QUANTITY, gift.orderId);
  if (!held.ok) {
    console.warn('[gift] switched SKU sold out after the check; keeping the original', gift._id, targetSkuId);
    return null;
  }
  const snapshot = {
    productId: gift.productId,
    skuId: sku._id,
    productName: product?.name ?? gift.sku.productName,
    image: gift.sku.image,
    specs: { ...sku.specs },
  };
  const item: OrderItem = {
    skuId: sku._id,
    productId: gift.productId,
    name: snapshot.productName,
    image: snapshot.image,
    specs: snapshot.specs,
    price: gift.unitPrice,
    quantity: GIFT_QUANTITY,
  };
  await switchGiftOrderSku(gift.orderId, item);
  await releaseStock(gift.skuId, GIFT_QUANTITY, gift.orderId);
  await moveGift(gift._id, 'accepted', { skuId: sku._id, sku: snapshot, updatedAt: clock.now() });
  return { ...gift, skuId: sku._id, sku: snapshot };
}
