/**
 * Wish lists (心愿单) for pages: the owner's list and a friend's view of a shared one, shaped for
 * display. Views are built field by field: the owner's page has no field about gifts at all, and the
 * friend's page learns only 已有好友准备, never who (src/domain/wishlist/rules.ts).
 */
import { formatFen } from '@domain/money';
import { ok, type Result } from '@domain/result';
import {
  friendWishAction,
  type FriendWishAction,
  type MyWishlist,
  type SharedWishlist,
  type WishlistPreferencesView,
  type WishlistShare,
  type WishView,
} from '@domain/wishlist/rules';
import { resolveImageUrl } from '@/platform/images';
import { callCloud } from './cloud';
import { specTextOf } from './gift';

export interface WishItemView {
  skuId: string;
  productId: string;
  name: string;
  imageUrl: string;
  /** '颜色：红色 / 尺码：M', '' without specs */
  specText: string;
  priceText: string;
  note: string;
  /** why a friend cannot send it now (category, price cap, off shelf, sold out), null when they can */
  giftBlockedText: string | null;
}

export interface MyWishlistView {
  items: WishItemView[];
  preferences: WishlistPreferencesView;
}

export interface SharedWishItemView extends WishItemView {
  action: FriendWishAction;
}

export interface SharedWishlistView {
  ownerNickname: string;
  isOwner: boolean;
  items: SharedWishItemView[];
  preferences: WishlistPreferencesView;
}

export interface PreferencesDraft {
  categoryIds: string[];
  sizes: string;
  likes: string;
  dislikes: string;
}

const itemOf = (wish: WishView): WishItemView => ({
  skuId: wish.skuId,
  productId: wish.productId,
  name: wish.productName,
  imageUrl: resolveImageUrl(wish.image),
  specText: specTextOf(wish.specs),
  priceText: formatFen(wish.price),
  note: wish.note,
  giftBlockedText: wish.giftable ? null : (wish.giftBlockedReason?.message ?? '该商品暂不支持送礼'),
});

const preferencesOf = (preferences: WishlistPreferencesView): WishlistPreferencesView => ({
  categories: preferences.categories.map((category) => ({ categoryId: category.categoryId, name: category.name })),
  sizes: preferences.sizes,
  likes: preferences.likes,
  dislikes: preferences.dislikes,
});

export const toMyWishlist = (list: MyWishlist): MyWishlistView => ({
  items: list.items.map(itemOf),
  preferences: preferencesOf(list.preferences),
});

export const toSharedWishlist = (list: SharedWishlist): SharedWishlistView => ({
  ownerNickname: list.ownerNickname,
  isOwner: list.isOwner,
  // the owner's own link marks nothing as being gifted (the server sends false; the page does not ask)
  items: list.items.map((wish) => ({
    ...itemOf(wish),
    action: friendWishAction({
      beingGifted: list.isOwner ? false : wish.beingGifted,
      giftable: wish.giftable,
      giftBlockedReason: wish.giftBlockedReason,
    }),
  })),
  preferences: preferencesOf(list.preferences),
});

const mine = (answer: Result<MyWishlist>): Result<MyWishlistView> =>
  answer.ok ? ok(toMyWishlist(answer.data)) : answer;

export const myWishlist = async (): Promise<Result<MyWishlistView>> =>
  mine(await callCloud('wishlist', { action: 'mine' }));

export const addWish = async (skuId: string, note?: string): Promise<Result<MyWishlistView>> =>
  mine(await callCloud('wishlist', { action: 'add', skuId, ...(note?.trim() ? { note } : {}) }));

export const removeWish = async (skuId: string): Promise<Result<MyWishlistView>> =>
  mine(await callCloud('wishlist', { action: 'remove', skuId }));

export const savePreferences = async (draft: PreferencesDraft): Promise<Result<MyWishlistView>> =>
  mine(
    await callCloud('wishlist', {
      action: 'savePreferences',
      categoryIds: draft.categoryIds,
      sizes: draft.sizes,
      likes: draft.likes,
      dislikes: draft.dislikes,
    }),
  );

export const shareWishlist = (): Promise<Result<WishlistShare>> => callCloud('wishlist', { action: 'share' });

export async function openWishlist(token: string): Promise<Result<SharedWishlistView>> {
  const answer = await callCloud('wishlist', { action: 'open', token });
  return answer.ok ? ok(toSharedWishlist(answer.data)) : answer;
}
