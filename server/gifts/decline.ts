/**
 * declineGift (ours): waiting → declined in one conditional update, then the gift is closed like an
 * expired one — order cancelled, stock released — and the refund requested at once.
 */
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { failWith } from '@domain/errors';
import { GiftErrors } from '@domain/gift/errors';
import { checkRecipientAction } from '@domain/gift/rules';
import { toRecipientView } from '@domain/gift/views';
import { ok } from '@domain/result';
import { command as _ } from '@server/cloud';
import type { CallContext } from '@server/dispatch';
import { nicknameOf } from '@server/users';
import { settleClosedGift } from './close';
import { notifyGiftDeclined } from './notify';
import { findGift, moveGift, toGiftRecord, type GiftDoc } from './store';

export async function declineGift(
  request: RequestOf<'gift', 'declineGift'>,
  ctx: CallContext,
): Promise<AnswerOf<'gift', 'declineGift'>> {
  const gift = await findGift(request.giftId);
  if (!gift) return failWith(GiftErrors.INVALID_TOKEN);
  const access = checkRecipientAction(gift, { openid: ctx.openid, token: request.token }, 'decline', ctx.now);
  if (!access.ok) return access;

  const now = ctx.now;
  const recipientNickname = await nicknameOf(ctx.openid);
  const patch = {
    status: 'declined' as const,
    declinedAt: now,
    recipientOpenid: ctx.openid,
    recipientNickname,
    updatedAt: now,
  };
  const moved = await moveGift(gift._id, 'waiting', patch, { expiresAt: _.gt(now) });
  if (!moved) {
    const latest = await findGift(gift._id);
    if (!latest) return failWith(GiftErrors.INVALID_TOKEN);
    const again = checkRecipientAction(latest, { openid: ctx.openid, token: latest.token }, 'decline', now);
    return again.ok ? failWith(GiftErrors.ALREADY_ACCEPTED) : again;
  }

  const declined: GiftDoc = { ...gift, ...patch };
  await notifyGiftDeclined({ giftId: gift._id, giverOpenid: gift.giverOpenid, productName: gift.sku.productName }, now);
  await settleClosedGift(declined);
  const latest = (await findGift(gift._id)) ?? declined;
  return ok(toRecipientView(toGiftRecord(latest), { openid: ctx.openid }, now));
}
