/**
 * What the recipient's page shows, decided from the gift function's answer alone (pure, tested in
 * tests/pages/gift-receive.test.tsx). Every refusal the recipient can meet has its own state, its own
 * headline and a stable test id, so people and e2e tests can tell them apart.
 */
import { GiftErrors } from '@domain/gift/errors';
import { recipientRefusalOf, type GiftStatus } from '@domain/gift/machine';
import type { RecipientGiftPageView } from '@/services/gift';

export type RecipientRefusal = 'invalid' | 'taken' | 'expired' | 'declined' | 'own' | 'cancelled' | 'unpaid';

export const REFUSALS = {
  invalid: { title: '链接无效', text: GiftErrors.INVALID_TOKEN.message },
  taken: { title: '这份礼物已被领取', text: '每份礼物只能由一位好友收下，已经有人收下了这份礼物。' },
  expired: { title: '礼物已过期，款项已退回送礼人', text: '礼物超过24小时未被领取，已自动失效。' },
  declined: { title: GiftErrors.DECLINED.message, text: '这份礼物已被婉拒，款项将原路退回给送礼人。' },
  own: { title: GiftErrors.OWN_GIFT.message, text: '这是你送出的礼物，仅可查看。把链接发给好友，由好友来收下。' },
  cancelled: { title: GiftErrors.CANCELLED.message, text: '送礼人未完成付款，礼物已取消。' },
  unpaid: { title: '礼物尚未送出', text: '送礼人还没有完成付款，请稍后再打开。' },
} as const satisfies Record<RecipientRefusal, { title: string; text: string }>;

/** The refusal an error code stands for; null for problems worth retrying (network, bad address, …). */
export function refusalOfCode(code: string): RecipientRefusal | null {
  switch (code) {
    case GiftErrors.INVALID_TOKEN.code:
    case GiftErrors.NOT_FOUND.code:
      return 'invalid';
    case GiftErrors.ALREADY_ACCEPTED.code:
      return 'taken';
    case GiftErrors.EXPIRED.code:
      return 'expired';
    case GiftErrors.DECLINED.code:
      return 'declined';
    case GiftErrors.OWN_GIFT.code:
      return 'own';
    case GiftErrors.CANCELLED.code:
    case GiftErrors.PAYMENT_EXPIRED.code:
      return 'cancelled';
    case GiftErrors.NOT_PAID.code:
      return 'unpaid';
    default:
      return null;
  }
}

/** The domain says which refusal a status means (one table in gift/machine.ts); the page only words it. */
const refusalOfStatus = (status: GiftStatus): RecipientRefusal | null => {
  const refusal = recipientRefusalOf(status);
  return refusal ? refusalOfCode(refusal.code) : null;
};

export type ReceiveView =
  | { kind: 'open'; gift: RecipientGiftPageView }
  | { kind: 'acceptedByMe'; gift: RecipientGiftPageView }
  | { kind: 'declinedByMe'; gift: RecipientGiftPageView }
  /** the giver opened their own link: the gift is shown, without buttons */
  | { kind: 'own'; gift: RecipientGiftPageView }
  | { kind: 'refused'; refusal: RecipientRefusal };

/** The page for an answered openGift/acceptGift/declineGift. */
export function receiveViewOf(gift: RecipientGiftPageView): ReceiveView {
  if (gift.respondedByMe && gift.status === 'accepted') return { kind: 'acceptedByMe', gift };
  if (gift.respondedByMe && refusalOfStatus(gift.status) === 'declined') return { kind: 'declinedByMe', gift };
  if (gift.isGiver) return { kind: 'own', gift };
  const refusal = refusalOfStatus(gift.status);
  if (refusal) return { kind: 'refused', refusal };
  return { kind: 'open', gift };
}
