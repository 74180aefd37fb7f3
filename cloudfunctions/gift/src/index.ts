/**
 * gift: send a gift (giver) and receive it (recipient).
 * Actions and their shapes: GiftContract in src/domain/contracts.ts, documented in docs/contracts.md.
 * The payment callback (payCallback) activates a paid gift through server/gifts/activate.ts.
 */
import { defineFunction } from '@server/dispatch';
import { acceptGift } from '@server/gifts/accept';
import { createGift } from '@server/gifts/create';
import { declineGift } from '@server/gifts/decline';
import { getGift, listGifts, openGift, shareCard } from '@server/gifts/queries';
import { giftRequestSchemas } from '@domain/gift/schemas';

export const main = defineFunction('gift', {
  createGift: { schema: giftRequestSchemas.createGift, requiresUser: true, run: createGift },
  getGift: { schema: giftRequestSchemas.getGift, requiresUser: true, run: getGift },
  shareCard: { schema: giftRequestSchemas.shareCard, requiresUser: true, run: shareCard },
  openGift: { schema: giftRequestSchemas.openGift, requiresUser: true, run: openGift },
  acceptGift: { schema: giftRequestSchemas.acceptGift, requiresUser: true, run: acceptGift },
  declineGift: { schema: giftRequestSchemas.declineGift, requiresUser: true, run: declineGift },
  listGifts: { schema: giftRequestSchemas.listGifts, requiresUser: true, run: listGifts },
});
