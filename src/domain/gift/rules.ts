/**
 * Rules of gifting (docs/domain.md, "Gift rules"; background: docs/gift-rules.md).
 *
 * Text lengths count Unicode code points (`countChars`): '😀' is 1, '中' is 1, while a ZWJ family
 * emoji (👨‍👩‍👧) is 5. Code points give the same number on the server (Node) and in every mini program
 * JS engine; grapheme counting needs Intl.Segmenter, which older WeChat clients lack, and a client
 * that counts differently from the server would let people type a greeting the server then refuses.
 */
import { HOUR_MS } from '@domain/clock';
import { GIFT_MAX_UNIT_PRICE_FEN, type Fen } from '@domain/money';
import { outTradeNoFor, PAYMENT_WINDOW_MS } from '@domain/order/rules';
import { fail, ok, type Result } from '@domain/result';
import { routes } from '@domain/routes';
import type { ErrorSpec } from '@domain/errors';
import { cleanText, countChars } from '@domain/text';
import { GiftErrors } from './errors';
import { transitionGift, type GiftStatus } from './machine';

export { GIFT_MAX_UNIT_PRICE_FEN, countChars };

/** A gift to one friend is exactly one item. */
export const GIFT_QUANTITY = 1;
export const GREETING_MAX_CHARS = 100;
export const RECIPIENT_NAME_MAX_CHARS = 10;
export const SIGNATURE_MAX_CHARS = 10;

/** Not accepted within this long after payment → expired, stock released, refunded once. */
export const GIFT_TTL_MS = 24 * HOUR_MS;
/** An unpaid gift is cancelled like an unpaid order. */
export const GIFT_PAYMENT_WINDOW_MS = PAYMENT_WINDOW_MS;

export const CARD_STYLES = ['classic', 'birthday', 'thanks', 'festival'] as const;
export type CardStyle = (typeof CARD_STYLES)[number];
export const DEFAULT_CARD_STYLE: CardStyle = 'classic';
export const CARD_STYLE_NAMES = {
  classic: '经典',
  birthday: '生日快乐',
  thanks: '感谢有你',
  festival: '节日祝福',
} as const satisfies Record<CardStyle, string>;

export const isCardStyle = (value: unknown): value is CardStyle =>
  typeof value === 'string' && (CARD_STYLES as readonly string[]).includes(value);

/**
 * The greeting as stored (text hygiene: NFC, trimmed, line breaks kept as '\n'), or
 * GIFT.GREETING_INVALID (control or broken characters), GIFT.GREETING_EMPTY (blank, including text made
 * only of invisible characters) or GIFT.GREETING_TOO_LONG.
 */
export function checkGreeting(greeting: unknown): Result<string> {
  if (typeof greeting !== 'string') return fail(GiftErrors.GREETING_EMPTY.code, GiftErrors.GREETING_EMPTY.message);
  const cleaned = cleanText(greeting, '赠言', { multiline: true });
  if (!cleaned.ok) return fail(GiftErrors.GREETING_INVALID.code, cleaned.message);
  if (cleaned.text === '') return fail(GiftErrors.GREETING_EMPTY.code, GiftErrors.GREETING_EMPTY.message);
  const length = countChars(cleaned.text);
  if (length > GREETING_MAX_CHARS) {
    return fail(GiftErrors.GREETING_TOO_LONG.code, `${GiftErrors.GREETING_TOO_LONG.message}（当前${length}个字）`);
  }
  return ok(cleaned.text);
}

/** An optional one-line text of the printed card: blank → absent; refused characters or too long → its codes. */
function checkCardLine(
  value: unknown,
  fieldName: string,
  max: number,
  codes: { invalid: ErrorSpec; tooLong: ErrorSpec },
): Result<string | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== 'string') return fail(codes.invalid.code, codes.invalid.message);
  const cleaned = cleanText(value, fieldName);
  if (!cleaned.ok) return fail(codes.invalid.code, cleaned.message);
  if (cleaned.text === '') return ok(undefined);
  return countChars(cleaned.text) > max ? fail(codes.tooLong.code, codes.tooLong.message) : ok(cleaned.text);
}

export const checkRecipientName = (value: unknown) =>
  checkCardLine(value, '收礼人称呼', RECIPIENT_NAME_MAX_CHARS, {
    invalid: GiftErrors.RECIPIENT_NAME_INVALID,
    tooLong: GiftErrors.RECIPIENT_NAME_TOO_LONG,
  });
export const checkSignature = (value: unknown) =>
  checkCardLine(value, '署名', SIGNATURE_MAX_CHARS, {
    invalid: GiftErrors.SIGNATURE_INVALID,
    tooLong: GiftErrors.SIGNATURE_TOO_LONG,
  });

export function checkGiftQuantity(quantity: unknown): Result<typeof GIFT_QUANTITY> {
  if (quantity === undefined || quantity === GIFT_QUANTITY) return ok(GIFT_QUANTITY);
  return fail(GiftErrors.QUANTITY_MUST_BE_ONE.code, GiftErrors.QUANTITY_MUST_BE_ONE.message);
}

/** The giver's card, checked and normalised. */
export interface GiftCard {
  greeting: string;
  recipientName?: string;
  signature?: string;
  cardStyle: CardStyle;
}

/** Checks of createGift that carry GIFT.* codes (the schema only checks types). First failure wins. */
export function checkGiftDraft(draft: {
  greeting: unknown;
  recipientName?: unknown;
  signature?: unknown;
  cardStyle?: unknown;
  quantity?: unknown;
}): Result<GiftCard & { quantity: typeof GIFT_QUANTITY }> {
  const quantity = checkGiftQuantity(draft.quantity);
  if (!quantity.ok) return quantity;
  const greeting = checkGreeting(draft.greeting);
  if (!greeting.ok) return greeting;
  const recipientName = checkRecipientName(draft.recipientName);
  if (!recipientName.ok) return recipientName;
  const signature = checkSignature(draft.signature);
  if (!signature.ok) return signature;
  const cardStyle = draft.cardStyle === undefined ? DEFAULT_CARD_STYLE : draft.cardStyle;
  if (!isCardStyle(cardStyle)) return fail(GiftErrors.INVALID_CARD_STYLE.code, GiftErrors.INVALID_CARD_STYLE.message);
  const card: GiftCard & { quantity: typeof GIFT_QUANTITY } = {
    greeting: greeting.data,
    cardStyle,
    quantity: quantity.data,
  };
  if (recipientName.data !== undefined) card.recipientName = recipientName.data;
  if (signature.data !== undefined) card.signature = signature.data;
  return ok(card);
}

/** What the server reads about the chosen SKU before a gift is created. */
export interface GiftableSku {
  skuId: string;
  productId: string;
  price: Fen;
  stock: number;
  /** the product and this SKU are both on shelf */
  onShelf: boolean;
  /** the product's category may be gifted (not 珠宝首饰 / 教育培训) */
  giftable: boolean;
}

/** The SKU can be sent as a gift, or why not (null: no such SKU). */
export function checkGiftSku(sku: GiftableSku | null): Result<GiftableSku> {
  if (!sku) return fail(GiftErrors.SKU_NOT_FOUND.code, GiftErrors.SKU_NOT_FOUND.message);
  if (!sku.giftable) return fail(GiftErrors.CATEGORY_NOT_GIFTABLE.code, GiftErrors.CATEGORY_NOT_GIFTABLE.message);
  if (sku.price > GIFT_MAX_UNIT_PRICE_FEN)
    return fail(GiftErrors.PRICE_TOO_HIGH.code, GiftErrors.PRICE_TOO_HIGH.message);
  if (!sku.onShelf) return fail(GiftErrors.SKU_OFF_SHELF.code, GiftErrors.SKU_OFF_SHELF.message);
  if (sku.stock < GIFT_QUANTITY) return fail(GiftErrors.OUT_OF_STOCK.code, GiftErrors.OUT_OF_STOCK.message);
  return ok(sku);
}

/**
 * The recipient may switch to another SKU of the same product at the same price, in stock and on
 * shelf. Choosing the original SKU again is not a switch and is always allowed here (its stock is
 * already reserved for this gift).
 */
export function checkSkuSwitch(
  original: { skuId: string; productId: string; unitPrice: Fen },
  candidate: Omit<GiftableSku, 'giftable'> | null,
): Result<{ skuId: string; switched: boolean }> {
  if (candidate && candidate.skuId === original.skuId) return ok({ skuId: original.skuId, switched: false });
  const refuse = (message: string) => fail(GiftErrors.SKU_SWITCH_NOT_ALLOWED.code, message);
  if (!candidate) return fail(GiftErrors.SKU_NOT_FOUND.code, GiftErrors.SKU_NOT_FOUND.message);
  if (candidate.productId !== original.productId) return refuse('只能更换为同一商品的其他规格');
  if (candidate.price !== original.unitPrice) return refuse('只能更换为价格相同的规格');
  if (!candidate.onShelf) return refuse('该规格已下架');
  if (candidate.stock < GIFT_QUANTITY) return refuse('该规格已售罄');
  return ok({ skuId: candidate.skuId, switched: true });
}

export const canSwitchSku = (
  original: { skuId: string; productId: string; unitPrice: Fen },
  candidate: Omit<GiftableSku, 'giftable'> | null,
): boolean => checkSkuSwitch(original, candidate).ok;

export const giftExpiresAt = (paidAt: number): number => paidAt + GIFT_TTL_MS;

/** Expired from the deadline on, even before the sweep has written it. */
export const isGiftExpired = (expiresAt: number, now: number): boolean => now >= expiresAt;

export const giftRemainingMs = (expiresAt: number, now: number): number => Math.max(0, expiresAt - now);

export const giftOutTradeNo = (giftId: string): string => outTradeNoFor('gift', giftId);

/**
 * out_refund_no for the gift's one and only refund (expiry and decline exclude each other): derived
 * from the gift alone, so every retry after a crash reuses it and WeChat Pay refunds exactly once.
 * At most 33 characters of [0-9A-Za-z_-] (WeChat allows 64).
 */
export const giftOutRefundNo = (giftId: string): string => `${giftOutTradeNo(giftId)}R`;

/** Share tokens: 32 lowercase hex characters (128 bits from crypto.randomBytes(16), made on the server). */
export const GIFT_TOKEN_PATTERN = /^[0-9a-f]{32}$/;
export const isGiftTokenFormat = (token: unknown): token is string =>
  typeof token === 'string' && GIFT_TOKEN_PATTERN.test(token);

/** Compares without stopping at the first difference, so timing does not reveal a token's prefix. */
export function tokensMatch(expected: string, given: unknown): boolean {
  if (!isGiftTokenFormat(expected) || !isGiftTokenFormat(given)) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i += 1) difference |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  return difference === 0;
}

/** The path the chat card opens: `/packages/gift/pages/receive/index?giftId=…&token=…` (the route table's). */
export const sharePath = (giftId: string, token: string): string => routes.giftReceive({ giftId, token });

export type RecipientAction = 'open' | 'accept' | 'decline';

/** What the server knows about the gift when a recipient acts on the share link. */
export interface GiftAccessFacts {
  status: GiftStatus;
  giverOpenid: string;
  token: string;
  /** null while unpaid */
  expiresAt: number | null;
}

/**
 * Whether `caller` (with the token from the share link) may open, accept or decline the gift now.
 * Checks run in an order that leaks nothing: without the right token nothing else is revealed; then
 * the giver cannot respond to their own gift; then the status (ALREADY_ACCEPTED, EXPIRED, DECLINED,
 * CANCELLED, NOT_PAID); and a gift whose 24 h have passed is EXPIRED even if the sweep has not run.
 * Returns the status to write (conditional update on `waiting`) for accept/decline, the current one for open.
 */
export function checkRecipientAction(
  gift: GiftAccessFacts,
  caller: { openid: string; token?: string | undefined },
  action: RecipientAction,
  now: number,
): Result<GiftStatus> {
  if (!tokensMatch(gift.token, caller.token))
    return fail(GiftErrors.INVALID_TOKEN.code, GiftErrors.INVALID_TOKEN.message);
  if (action === 'open') return ok(gift.status);
  if (caller.openid === gift.giverOpenid) return fail(GiftErrors.OWN_GIFT.code, GiftErrors.OWN_GIFT.message);
  const next = transitionGift(gift.status, action);
  if (!next.ok) return next;
  if (gift.expiresAt === null || isGiftExpired(gift.expiresAt, now)) {
    return fail(GiftErrors.EXPIRED.code, GiftErrors.EXPIRED.message);
  }
  return next;
}
