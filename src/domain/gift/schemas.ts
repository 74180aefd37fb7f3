/**
 * Request schemas of the `gift` cloud function (zod 4). A schema failure becomes COMMON.INVALID_ARGUMENT
 * naming the field. Rules that have their own GIFT.* code are NOT enforced here, so the caller meets
 * the precise code: greeting/card lengths and quantity (`checkGiftDraft`), and the token — a missing or
 * malformed token must answer GIFT.INVALID_TOKEN (`checkRecipientAction`), not INVALID_ARGUMENT.
 */
import * as z from 'zod';
import { addressSchema } from '@domain/address';
import { idSchema } from '@domain/order/schemas';
import { CARD_STYLES } from './rules';

// Generous bounds on raw text only to keep absurd payloads out; the real limits are in rules.ts.
const cardText = (what: string) => z.string({ error: `${what}应为文本` }).max(1000, { error: `${what}过长` });
const tokenField = z.string().max(256).optional();

export const createGiftSchema = z.object({
  skuId: idSchema('商品规格'),
  greeting: cardText('赠言'),
  recipientName: cardText('收礼人称呼').optional(),
  signature: cardText('署名').optional(),
  cardStyle: z.enum(CARD_STYLES, { error: '贺卡样式不正确' }).optional(),
  /** a private-chat gift is one item; present only so that 2 answers GIFT.QUANTITY_MUST_BE_ONE */
  quantity: z.number({ error: '数量应为数字' }).optional(),
  /** sent from a friend's shared wish list: the gift then marks that wish 已有好友准备 (WISHLIST.* codes) */
  wishlistToken: z.string({ error: '心愿单链接无效' }).max(256, { error: '心愿单链接无效' }).optional(),
});

export const getGiftSchema = z.object({ giftId: idSchema('礼物编号') });

/** the giver asks for a private-message chat card of a paid gift */
export const shareCardSchema = z.object({ giftId: idSchema('礼物编号') });

export const openGiftSchema = z.object({ giftId: idSchema('礼物编号'), token: tokenField });

export const acceptGiftSchema = z.object({
  giftId: idSchema('礼物编号'),
  token: tokenField,
  /** another SKU of the same product at the same price; absent → the giver's choice */
  skuId: idSchema('商品规格').optional(),
  address: addressSchema,
});

export const declineGiftSchema = z.object({ giftId: idSchema('礼物编号'), token: tokenField });

export const listGiftsSchema = z.object({
  role: z.enum(['sent', 'received'], { error: '请指定查看送出的或收到的礼物' }),
});

export type CreateGiftRequest = z.output<typeof createGiftSchema>;
export type GetGiftRequest = z.output<typeof getGiftSchema>;
export type ShareCardRequest = z.output<typeof shareCardSchema>;
export type OpenGiftRequest = z.output<typeof openGiftSchema>;
export type AcceptGiftRequest = z.output<typeof acceptGiftSchema>;
export type DeclineGiftRequest = z.output<typeof declineGiftSchema>;
export type ListGiftsRequest = z.output<typeof listGiftsSchema>;

export const giftRequestSchemas = {
  createGift: createGiftSchema,
  getGift: getGiftSchema,
  shareCard: shareCardSchema,
  openGift: openGiftSchema,
  acceptGift: acceptGiftSchema,
  declineGift: declineGiftSchema,
  listGifts: listGiftsSchema,
} as const;
