/**
 * Wish lists (心愿单): the `wishlists` collection's ONE owner. One document per owner: her wishes (SKU,
 * note, when added), her preferences, and the share token (made with the list, 128 bits from the
 * server's CSPRNG). Only the owner writes it: every write is keyed by the caller's openid, never by an
 * id or token from the request. Writes are compare-and-set on `version`, so two taps at once cannot
 * lose a wish.
 *
 * Whether a wish is being gifted is read from the gifts themselves (server/gifts/store.ts) each time a
 * friend opens the list: a gift from the list that is declined, expired, refunded or cancelled frees the
 * wish with nothing to update. Who sees what: src/domain/wishlist/rules.ts.
 */
import crypto from 'node:crypto';
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { failWith } from '@domain/errors';
import { checkGiftSku, isGiftTokenFormat } from '@domain/gift/rules';
import { isCategoryGiftable } from '@domain/product/gift';
import type { CategoryRecord, ProductRecord, SkuRecord } from '@domain/product/types';
import { ok, type Result } from '@domain/result';
import { WishlistErrors } from '@domain/wishlist/errors';
import {
  checkPreferences,
  checkWishNote,
  EMPTY_PREFERENCES,
  isWishBeingGifted,
  WISH_TAKING_GIFT_STATUSES,
  WISHLIST_MAX_ITEMS,
  wishlistSharePath,
  type MyWishlist,
  type WishlistPreferences,
  type WishlistPreferencesView,
  type WishView,
} from '@domain/wishlist/rules';
import { findProductRecordsById, listCategoryRecords } from './catalogue';
import { command as _, db, fetchDocs } from './cloud';
import type { CallContext } from './dispatch';
import { listWishlistGifts } from './gifts/store';
import { findSkuRecord, findSkuRecords } from './stock';
import { nicknameOf } from './users';

const WISHLISTS = 'wishlists';
/** Compare-and-set attempts before answering WISHLIST.BUSY. */
const WRITE_ATTEMPTS = 4;

export interface WishDoc {
  skuId: string;
  productId: string;
  note: string;
  addedAt: number;
}

export interface WishlistDoc {
  _id: string;
  ownerOpenid: string;
  token: string;
  /** newest first */
  items: WishDoc[];
  preferences: WishlistPreferences;
  createdAt: number;
  updatedAt: number;
  /** bumped by every write (compare-and-set) */
  version: number;
}

interface UpdateResult {
  stats: { updated: number };
}

const newWishlistId = (now: number): string => `${now.toString(36)}${crypto.randomBytes(8).toString('hex')}`;
const newWishlistToken = (): string => crypto.randomBytes(16).toString('hex');

async function findByOwner(ownerOpenid: string): Promise<WishlistDoc | null> {
  const [found] = await fetchDocs<WishlistDoc>(db.collection(WISHLISTS).where({ ownerOpenid }).limit(1));
  return found ?? null;
}

async function findByToken(token: string): Promise<WishlistDoc | null> {
  if (!isGiftTokenFormat(token)) return null;
  const [found] = await fetchDocs<WishlistDoc>(db.collection(WISHLISTS).where({ token }).limit(1));
  // the token index finds it; the comparison makes sure of it
  return found && found.token === token ? found : null;
}

/** The caller's list, created empty on her first write (the unique ownerOpenid index keeps it one). */
async function ensureList(ownerOpenid: string, now: number): Promise<WishlistDoc> {
  const existing = await findByOwner(ownerOpenid);
  if (existing) return existing;
  const doc: WishlistDoc = {
    _id: newWishlistId(now),
    ownerOpenid,
    token: newWishlistToken(),
    items: [],
    preferences: { ...EMPTY_PREFERENCES, categoryIds: [] },
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  try {
    await db.collection(WISHLISTS).add({ data: doc });
    return doc;
  } catch (error) {
    // a parallel first write created it: use that one
    const created = await findByOwner(ownerOpenid);
    if (created) return created;
    throw error;
  }
}

type Change = Partial<Pick<WishlistDoc, 'items' | 'preferences'>>;

/** Applies `change` to the owner's list with compare-and-set on `version`, re-reading after a lost race. */
async function writeList(
  ownerOpenid: string,
  now: number,
  change: (list: WishlistDoc) => Result<Change>,
): Promise<Result<WishlistDoc>> {
  let list = await ensureList(ownerOpenid, now);
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    const next = change(list);
    if (!next.ok) return next;
    const data: Record<string, unknown> = { updatedAt: now, version: list.version + 1 };
    if (next.data.items) data.items = _.set(next.data.items);
    if (next.data.preferences) data.preferences = _.set(next.data.preferences);
    const result = (await db
      .collection(WISHLISTS)
      .where({ _id: list._id, ownerOpenid, version: list.version })
      .update({ data })) as UpdateResult;
    if (result.stats.updated === 1) return ok({ ...list, ...next.data, updatedAt: now, version: list.version + 1 });
    const reread = await findByOwner(ownerOpenid);
    if (!reread) break;
    list = reread;
  }
  return failWith(WishlistErrors.BUSY);
}

// ---- views ----

interface Catalogue {
  skus: Map<string, SkuRecord>;
  products: Map<string, ProductRecord>;
  categories: CategoryRecord[];
}

async function catalogueFor(items: readonly WishDoc[]): Promise<Catalogue> {
  const skus = await findSkuRecords(items.map((item) => item.skuId));
  const products = await findProductRecordsById(skus.map((sku) => sku.productId));
  return {
    skus: new Map(skus.map((sku) => [sku._id, sku])),
    products: new Map(products.map((product) => [product._id, product])),
    categories: await listCategoryRecords(),
  };
}

/** The wishes with their products as they are now; a wish whose SKU no longer exists is left out. */
function wishViewsOf(items: readonly WishDoc[], catalogue: Catalogue): WishView[] {
  return items.flatMap((item): WishView[] => {
    const sku = catalogue.skus.get(item.skuId);
    const product = sku ? catalogue.products.get(sku.productId) : undefined;
    if (!sku || !product) return [];
    const category = catalogue.categories.find((candidate) => candidate._id === product.categoryId);
    const giftable = checkGiftSku({
      skuId: sku._id,
      productId: product._id,
      price: sku.price,
      stock: sku.stock,
      onShelf: product.onShelf && sku.onShelf,
      giftable: isCategoryGiftable(category ?? product),
    });
    return [
      {
        skuId: sku._id,
        productId: product._id,
        productName: product.name,
        image: product.images[0] ?? '',
        specs: { ...sku.specs },
        price: sku.price,
        giftable: giftable.ok,
        giftBlockedReason: giftable.ok ? null : { code: giftable.code, message: giftable.message },
        note: item.note,
        addedAt: item.addedAt,
      },
    ];
  });
}

function preferencesViewOf(preferences: WishlistPreferences, categories: CategoryRecord[]): WishlistPreferencesView {
  return {
    categories: preferences.categoryIds.flatMap((categoryId) => {
      const category = categories.find((candidate) => candidate._id === categoryId);
      return category ? [{ categoryId, name: category.name }] : [];
    }),
    sizes: preferences.sizes,
    likes: preferences.likes,
    dislikes: preferences.dislikes,
  };
}

/** The owner's view: wishes and preferences, nothing about gifts. */
async function myViewOf(list: WishlistDoc | null): Promise<MyWishlist> {
  const items = list?.items ?? [];
  const catalogue = await catalogueFor(items);
  return {
    items: wishViewsOf(items, catalogue),
    preferences: preferencesViewOf(list?.preferences ?? EMPTY_PREFERENCES, catalogue.categories),
  };
}

// ---- actions ----

export async function addWish(
  request: RequestOf<'wishlist', 'add'>,
  ctx: CallContext,
): Promise<AnswerOf<'wishlist', 'add'>> {
  const note = checkWishNote(request.note);
  if (!note.ok) return note;
  const sku = await findSkuRecord(request.skuId);
  if (!sku) return failWith(WishlistErrors.SKU_NOT_FOUND);
  const written = await writeList(ctx.openid, ctx.now, (list) => {
    const existing = list.items.find((item) => item.skuId === sku._id);
    // Adding a wish again updates its note; it stays the same wish (same addedAt).
    if (existing)
      return ok({ items: list.items.map((item) => (item === existing ? { ...item, note: note.data } : item)) });
    if (list.items.length >= WISHLIST_MAX_ITEMS) return failWith(WishlistErrors.FULL);
    const wish: WishDoc = { skuId: sku._id, productId: sku.productId, note: note.data, addedAt: ctx.now };
    return ok({ items: [wish, ...list.items] });
  });
  return written.ok ? ok(await myViewOf(written.data)) : written;
}

export async function removeWish(
  request: RequestOf<'wishlist', 'remove'>,
  ctx: CallContext,
): Promise<AnswerOf<'wishlist', 'remove'>> {
  const list = await findByOwner(ctx.openid);
  if (!list?.items.some((item) => item.skuId === request.skuId)) return failWith(WishlistErrors.NOT_IN_LIST);
  const written = await writeList(ctx.openid, ctx.now, (current) =>
    current.items.some((item) => item.skuId === request.skuId)
      ? ok({ items: current.items.filter((item) => item.skuId !== request.skuId) })
      : failWith(WishlistErrors.NOT_IN_LIST),
  );
  return written.ok ? ok(await myViewOf(written.data)) : written;
}

export async function myWishlist(
  _request: RequestOf<'wishlist', 'mine'>,
  ctx: CallContext,
): Promise<AnswerOf<'wishlist', 'mine'>> {
  return ok(await myViewOf(await findByOwner(ctx.openid)));
}

export async function savePreferences(
  request: RequestOf<'wishlist', 'savePreferences'>,
  ctx: CallContext,
): Promise<AnswerOf<'wishlist', 'savePreferences'>> {
  const preferences = checkPreferences(request);
  if (!preferences.ok) return preferences;
  const categories = await listCategoryRecords();
  if (!preferences.data.categoryIds.every((id) => categories.some((category) => category._id === id)))
    return failWith(WishlistErrors.CATEGORY_NOT_FOUND);
  const written = await writeList(ctx.openid, ctx.now, () => ok({ preferences: preferences.data }));
  return written.ok ? ok(await myViewOf(written.data)) : written;
}

export async function shareWishlist(
  _request: RequestOf<'wishlist', 'share'>,
  ctx: CallContext,
): Promise<AnswerOf<'wishlist', 'share'>> {
  const list = await ensureList(ctx.openid, ctx.now);
  return ok({ token: list.token, sharePath: wishlistSharePath(list.token) });
}

export async function openWishlist(
  request: RequestOf<'wishlist', 'open'>,
  ctx: CallContext,
): Promise<AnswerOf<'wishlist', 'open'>> {
  const list = await findByToken(request.token);
  if (!list) return failWith(WishlistErrors.NOT_FOUND);
  const isOwner = list.ownerOpenid === ctx.openid;
  // The owner learns nothing about gifts on the way, not even through her own link.
  const gifts = isOwner ? [] : await listWishlistGifts(list._id, WISH_TAKING_GIFT_STATUSES);
  const catalogue = await catalogueFor(list.items);
  return ok({
    ownerNickname: await nicknameOf(list.ownerOpenid),
    isOwner,
    items: wishViewsOf(list.items, catalogue).map((wish) => ({
      ...wish,
      beingGifted: isWishBeingGifted(wish, gifts),
    })),
    preferences: preferencesViewOf(list.preferences, catalogue.categories),
  });
}

/**
 * For gift.createGift with a wishlistToken: the list exists, the giver is not its owner, the SKU is
 * one of its wishes, and no friend's paid gift is already on its way for it. The gift then carries the
 * list's id (never shown), which is how the wish reads as being gifted.
 */
export async function checkGiftFromWishlist(
  token: string,
  skuId: string,
  giverOpenid: string,
): Promise<Result<{ wishlistId: string }>> {
  const list = await findByToken(token);
  if (!list) return failWith(WishlistErrors.NOT_FOUND);
  if (list.ownerOpenid === giverOpenid) return failWith(WishlistErrors.OWN_WISHLIST);
  const wish = list.items.find((item) => item.skuId === skuId);
  if (!wish) return failWith(WishlistErrors.NOT_IN_LIST);
  const gifts = await listWishlistGifts(list._id, WISH_TAKING_GIFT_STATUSES);
  if (isWishBeingGifted(wish, gifts)) return failWith(WishlistErrors.ALREADY_BEING_GIFTED);
  return ok({ wishlistId: list._id });
}
