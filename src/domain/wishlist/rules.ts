/**
 * Wish lists (心愿单): what a person wishes for (SKUs with a note) and what they like, shared read-only
 * through an unguessable token. Rules, request schemas and the shapes each side sees.
 *
 * Who sees what (docs/domain.md, "Wish lists"):
 * - the owner (`wishlist.mine`) sees her wishes and preferences and NOTHING about being gifted: not
 *   even that someone is preparing a gift, so the surprise holds until the gift card arrives;
 * - a friend with the token (`wishlist.open`) sees the wishes, each with `beingGifted` when a gift
 *   created from this list for that SKU is paid and not declined, expired or refunded — never by whom;
 * - the owner opening her own shared link gets the friend's shape with `isOwner: true` and every
 *   `beingGifted` false, for the same reason.
 * `beingGifted` is derived from the gifts' own statuses each time it is read (no flag that could drift).
 */
import * as z from 'zod';
import type { GiftStatus } from '@domain/gift/machine';
import { isGiftTokenFormat } from '@domain/gift/rules';
import type { Fen } from '@domain/money';
import { idSchema } from '@domain/order/schemas';
import { fail, ok, type Result } from '@domain/result';
import { routes } from '@domain/routes';
import { cleanText, countChars } from '@domain/text';
import { WishlistErrors } from './errors';

export const WISHLIST_MAX_ITEMS = 50;
export const WISH_NOTE_MAX_CHARS = 50;
export const PREFERRED_CATEGORIES_MAX = 10;
export const PREFERENCE_SIZES_MAX_CHARS = 30;
export const PREFERENCE_LIKES_MAX_CHARS = 50;
export const PREFERENCE_DISLIKES_MAX_CHARS = 50;

/** What the owner marks she likes: categories, sizes, and free text such as 「不吃甜食」. */
export interface WishlistPreferences {
  categoryIds: string[];
  /** e.g. 「衣服M码，鞋38码」 ('' when not given) */
  sizes: string;
  likes: string;
  dislikes: string;
}

export const EMPTY_PREFERENCES: WishlistPreferences = { categoryIds: [], sizes: '', likes: '', dislikes: '' };

/** Preferences as both sides see them: the categories with their names. */
export interface WishlistPreferencesView {
  categories: Array<{ categoryId: string; name: string }>;
  sizes: string;
  likes: string;
  dislikes: string;
}

/** One wish as the page shows it, with the product as it is now (price and giftability are current). */
export interface WishView {
  skuId: string;
  productId: string;
  productName: string;
  image: string;
  specs: Record<string, string>;
  price: Fen;
  /** whether a friend may send it as a gift now, and if not, why (GIFT.* code and message) */
  giftable: boolean;
  giftBlockedReason: { code: string; message: string } | null;
  note: string;
  addedAt: number;
}

/** The owner's own list: nothing about gifts in it (see the header). */
export interface MyWishlist {
  items: WishView[];
  preferences: WishlistPreferencesView;
}

export interface SharedWish extends WishView {
  /** a friend's paid gift from this list for this SKU is on its way (已有好友准备); never who */
  beingGifted: boolean;
}

/** A shared list, opened with its token: read-only. */
export interface SharedWishlist {
  ownerNickname: string;
  /** the caller is the list's owner: nothing is marked as being gifted */
  isOwner: boolean;
  items: SharedWish[];
  preferences: WishlistPreferencesView;
}

export interface WishlistShare {
  token: string;
  /** `/packages/wishlist/pages/shared/index?token=…` */
  sharePath: string;
}

/**
 * A gift counts against a wish while it is paid and neither declined, expired, refunded nor
 * cancelled: waiting for the owner, or accepted by her.
 */
export const WISH_TAKING_GIFT_STATUSES = ['waiting', 'accepted'] as const satisfies readonly GiftStatus[];

export interface GiftFromWishlist {
  skuId: string;
  status: GiftStatus;
  createdAt: number;
}

/**
 * A wish is being gifted when a gift from this list for its SKU, created since the wish was added
 * (a wish removed and added again is a new wish), is in a taking status.
 */
export const isWishBeingGifted = (
  wish: { skuId: string; addedAt: number },
  gifts: readonly GiftFromWishlist[],
): boolean =>
  gifts.some(
    (gift) =>
      gift.skuId === wish.skuId &&
      gift.createdAt >= wish.addedAt &&
      (WISH_TAKING_GIFT_STATUSES as readonly GiftStatus[]).includes(gift.status),
  );

/** The page a shared list's card opens. */
export const wishlistSharePath = (token: string): string => routes.wishlistShared({ token });

/** Share tokens are the gift links' format: 32 hex characters from the server's CSPRNG. */
export const isWishlistTokenFormat = (token: unknown): token is string => isGiftTokenFormat(token);

/** The note as stored ('' when blank), or WISHLIST.NOTE_INVALID / WISHLIST.NOTE_TOO_LONG. */
export function checkWishNote(note: unknown): Result<string> {
  if (note === undefined || note === null) return ok('');
  if (typeof note !== 'string') return fail(WishlistErrors.NOTE_INVALID.code, WishlistErrors.NOTE_INVALID.message);
  const cleaned = cleanText(note, '备注');
  if (!cleaned.ok) return fail(WishlistErrors.NOTE_INVALID.code, cleaned.message);
  if (countChars(cleaned.text) > WISH_NOTE_MAX_CHARS)
    return fail(WishlistErrors.NOTE_TOO_LONG.code, WishlistErrors.NOTE_TOO_LONG.message);
  return ok(cleaned.text);
}

const PREFERENCE_TEXTS = [
  { key: 'sizes', name: '尺码', max: PREFERENCE_SIZES_MAX_CHARS },
  { key: 'likes', name: '喜欢', max: PREFERENCE_LIKES_MAX_CHARS },
  { key: 'dislikes', name: '不喜欢', max: PREFERENCE_DISLIKES_MAX_CHARS },
] as const;

export const preferenceLimitMessage = (name: string, max: number): string => `「${name}」不能超过${max}个字`;

/**
 * Preferences as stored: category ids de-duplicated (at most PREFERRED_CATEGORIES_MAX; whether they exist
 * is the server's check), texts cleaned (one line each, '' when blank) and within their limits.
 */
export function checkPreferences(draft: {
  categoryIds?: readonly string[] | undefined;
  sizes?: string | undefined;
  likes?: string | undefined;
  dislikes?: string | undefined;
}): Result<WishlistPreferences> {
  const categoryIds = [...new Set(draft.categoryIds ?? [])];
  if (categoryIds.length > PREFERRED_CATEGORIES_MAX)
    return fail(WishlistErrors.TOO_MANY_CATEGORIES.code, WishlistErrors.TOO_MANY_CATEGORIES.message);
  const preferences: WishlistPreferences = { ...EMPTY_PREFERENCES, categoryIds };
  for (const field of PREFERENCE_TEXTS) {
    const cleaned = cleanText(draft[field.key] ?? '', field.name);
    if (!cleaned.ok) return fail(WishlistErrors.PREFERENCE_INVALID.code, cleaned.message);
    if (countChars(cleaned.text) > field.max)
      return fail(WishlistErrors.PREFERENCE_TOO_LONG.code, preferenceLimitMessage(field.name, field.max));
    preferences[field.key] = cleaned.text;
  }
  return ok(preferences);
}

// ---- request schemas (zod 4): strict, so a stray key (a token, someone's openid) is refused, not ignored.
// Texts are only bounded here; their rules have WISHLIST.* codes (checkWishNote, checkPreferences).

const rawText = (what: string) => z.string({ error: `${what}应为文本` }).max(1000, { error: `${what}过长` });

export const wishlistRequestSchemas = {
  add: z.strictObject({ skuId: idSchema('商品规格'), note: rawText('备注').optional() }),
  remove: z.strictObject({ skuId: idSchema('商品规格') }),
  mine: z.strictObject({}),
  share: z.strictObject({}),
  /** a malformed token answers WISHLIST.NOT_FOUND (like a wrong one), not INVALID_ARGUMENT */
  open: z.strictObject({ token: z.string({ error: '缺少心愿单链接' }).max(256, { error: '心愿单链接无效' }) }),
  savePreferences: z.strictObject({
    categoryIds: z.array(idSchema('分类'), { error: '分类应为列表' }).max(50, { error: '分类过多' }),
    sizes: rawText('尺码').optional(),
    likes: rawText('喜欢').optional(),
    dislikes: rawText('不喜欢').optional(),
  }),
} as const;

export type AddWishRequest = z.output<typeof wishlistRequestSchemas.add>;
export type RemoveWishRequest = z.output<typeof wishlistRequestSchemas.remove>;
export type OpenWishlistRequest = z.output<typeof wishlistRequestSchemas.open>;
export type SavePreferencesRequest = z.output<typeof wishlistRequestSchemas.savePreferences>;

/** What a friend can do with a wish on the shared list, and why not. */
export type FriendWishAction =
  | { kind: 'gift' }
  | { kind: 'beingGifted'; label: '已有好友准备'; reason: string }
  | { kind: 'blocked'; reason: string };

export const BEING_GIFTED_REASON = '已有好友在为TA准备这件礼物，为免重复，换一件心愿吧';

/** 送给TA for a giftable wish nobody is gifting; otherwise the label and the sentence the page shows. */
export function friendWishAction(
  wish: Pick<SharedWish, 'giftable' | 'giftBlockedReason' | 'beingGifted'>,
): FriendWishAction {
  if (wish.beingGifted) return { kind: 'beingGifted', label: '已有好友准备', reason: BEING_GIFTED_REASON };
  if (!wish.giftable) return { kind: 'blocked', reason: wish.giftBlockedReason?.message ?? '该商品暂不支持送礼' };
  return { kind: 'gift' };
}

/** The greeting a gift from a wish list starts with (the giver may rewrite it): 送给TA → 支付并送出 is two taps. */
export const WISH_GIFT_GREETING = '这是你心愿单里的礼物，送给你，愿你喜欢！';
