/**
 * Catalogue repository, the owner of `categories` and `products` (documents in
 * src/domain/product/types.ts; the `skus` collection is server/stock.ts's). Product listings follow database/indexes.json exactly: equality on
 * categoryId, then one sort key (sales / priceMin), so the index both filters and orders. Ties come
 * back in index order, which is stable between page requests; an `_id` tiebreaker would stop the
 * index from serving the sort (the database would sort every match in memory).
 */
import type { ProductSort } from '@domain/contracts';
import type { CategoryRecord, ProductRecord } from '@domain/product/types';
import type { OccasionTag, RecipientTag } from '@domain/finder/tags';
import { NON_GIFTABLE_CATEGORY_IDS } from '@domain/product/categories';
import { command, db, fetchDocs } from './cloud';

const CATEGORIES = 'categories';
const PRODUCTS = 'products';

/** A cloud-function query returns at most 100 documents unless a limit (≤ 1000) is given. */
const MAX_CATEGORIES = 100;

export async function listCategoryRecords(): Promise<CategoryRecord[]> {
  return fetchDocs<CategoryRecord>(
    db.collection(CATEGORIES).orderBy('sort', 'asc').orderBy('_id', 'asc').limit(MAX_CATEGORIES),
  );
}

export async function findCategoryRecord(categoryId: string): Promise<CategoryRecord | null> {
  const [found] = await fetchDocs<CategoryRecord>(db.collection(CATEGORIES).where({ _id: categoryId }).limit(1));
  return found ?? null;
}

/** A product by id, on shelf or not; null when there is none. */
export async function findProductRecord(productId: string): Promise<ProductRecord | null> {
  const [found] = await fetchDocs<ProductRecord>(db.collection(PRODUCTS).where({ _id: productId }).limit(1));
  return found ?? null;
}

export interface ProductQuery {
  categoryId?: string;
  /** matched case-insensitively as plain text against the product and category names */
  keyword?: string;
  sort: ProductSort;
  offset: number;
  limit: number;
}

/** Regex metacharacters in user input are literal text, not a pattern. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 'default' (综合) is the sales order: the home feed index serves it. */
const SORT_KEYS: Record<ProductSort, [field: 'sales' | 'priceMin', direction: 'asc' | 'desc']> = {
  default: ['sales', 'desc'],
  sales: ['sales', 'desc'],
  priceAsc: ['priceMin', 'asc'],
  priceDesc: ['priceMin', 'desc'],
};

/** On-shelf products matching the filters, one page of them in the requested order. */
export async function queryProductRecords(query: ProductQuery): Promise<ProductRecord[]> {
  const equality: Record<string, unknown> = { onShelf: true };
  if (query.categoryId) equality.categoryId = query.categoryId;

  const condition = query.keyword
    ? command.and([
        equality,
        command.or([
          { name: db.RegExp({ regexp: escapeRegExp(query.keyword), options: 'i' }) },
          { categoryName: db.RegExp({ regexp: escapeRegExp(query.keyword), options: 'i' }) },
        ]),
      ])
    : equality;

  const [field, direction] = SORT_KEYS[query.sort];
  let cursor = db.collection(PRODUCTS).where(condition).orderBy(field, direction);
  // skip(0) is what the SDK leaves out anyway
  if (query.offset > 0) cursor = cursor.skip(query.offset);
  return fetchDocs<ProductRecord>(cursor.limit(query.limit));
}

// ---- the gift finder (issue 13): giftScore is written by the giftStats timer ----

export interface GiftIdeaQuery {
  recipient?: RecipientTag;
  occasion?: OccasionTag;
  offset: number;
  limit: number;
}

/**
 * Candidates for the finder: on-shelf products of giftable categories with the tags, best acceptance
 * score first, then sales. Only equality and tag conditions, so the database streams them in the
 * order of the products {giftScore, sales} index and stops at `limit` (a price range here would make
 * it pick a price index and sort every match); the caller checks prices against each one's SKUs.
 */
export async function queryGiftIdeaCandidates(query: GiftIdeaQuery): Promise<ProductRecord[]> {
  const condition: Record<string, unknown> = {
    onShelf: true,
    categoryId: command.nin([...NON_GIFTABLE_CATEGORY_IDS]),
  };
  if (query.recipient) condition.recipientTags = query.recipient;
  if (query.occasion) condition.occasionTags = query.occasion;
  let cursor = db.collection(PRODUCTS).where(condition).orderBy('giftScore', 'desc').orderBy('sales', 'desc');
  if (query.offset > 0) cursor = cursor.skip(query.offset);
  return fetchDocs<ProductRecord>(cursor.limit(query.limit));
}

/** On-shelf products carrying any of the tags in `field`, best-selling first (seasonal collections, related). */
export async function queryProductsTagged(
  field: 'recipientTags' | 'occasionTags' | 'seasonTags',
  tags: readonly string[],
  limit: number,
): Promise<ProductRecord[]> {
  if (tags.length === 0) return [];
  return fetchDocs<ProductRecord>(
    db
      .collection(PRODUCTS)
      .where({ onShelf: true, [field]: command.in([...tags]) })
      .orderBy('sales', 'desc')
      .limit(limit),
  );
}

/** Products by id (on shelf or not); missing ids are left out. At most 1000 ids. */
export async function findProductRecordsById(productIds: readonly string[]): Promise<ProductRecord[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  return fetchDocs<ProductRecord>(
    db
      .collection(PRODUCTS)
      .where({ _id: command.in(ids) })
      .limit(ids.length),
  );
}

/** The timer's acceptance scores: one update per distinct score, stamped with the run. */
export async function writeGiftScores(score: number, productIds: readonly string[], stamp: number): Promise<void> {
  if (productIds.length === 0) return;
  await db
    .collection(PRODUCTS)
    .where({ _id: command.in([...productIds]) })
    .update({ data: { giftScore: score, giftScoreAt: stamp } });
}

/** Products the run did not score (no settled gifts in the window, or new): back to the neutral score. */
export async function resetGiftScoresBefore(stamp: number, neutralScore: number): Promise<void> {
  await db
    .collection(PRODUCTS)
    .where(command.or([{ giftScoreAt: command.lt(stamp) }, { giftScoreAt: command.exists(false) }]))
    .update({ data: { giftScore: neutralScore, giftScoreAt: stamp } });
}

/** Counts units sold on the product (the listing's sales sort key); a display counter. */
export async function addProductSales(productId: string, quantity: number): Promise<void> {
  await db
    .collection(PRODUCTS)
    .where({ _id: productId })
    .update({ data: { sales: command.inc(quantity) } });
}

// ---- the merchant's editor (merchant.saveProduct / listProducts) ----

/** Every product, on shelf or not (or only one of them), newest first. */
export async function queryMerchantProductRecords(query: {
  onShelf?: boolean;
  offset: number;
  limit: number;
}): Promise<ProductRecord[]> {
  const condition = query.onShelf === undefined ? {} : { onShelf: query.onShelf };
  let cursor = db.collection(PRODUCTS).where(condition).orderBy('createdAt', 'desc').orderBy('_id', 'asc');
  if (query.offset > 0) cursor = cursor.skip(query.offset);
  return fetchDocs<ProductRecord>(cursor.limit(query.limit));
}

/** The fields the merchant edits; sales and createdAt are the shop's. */
export type ProductEdit = Pick<
  ProductRecord,
  'name' | 'categoryId' | 'categoryName' | 'images' | 'description' | 'specNames' | 'onShelf' | 'priceMin' | 'priceMax'
> &
  Partial<Pick<ProductRecord, 'brand' | 'recipientTags' | 'occasionTags' | 'seasonTags'>>;

export async function insertProductRecord(productId: string, edit: ProductEdit, createdAt: Date): Promise<void> {
  const record: Omit<ProductRecord, '_id'> = { ...edit, detailImages: [], sales: 0, createdAt };
  await db.collection(PRODUCTS).add({ data: { _id: productId, ...record } });
}

/** Replaces the edited fields (arrays replace, never merge); true when the product exists. */
export async function updateProductRecord(productId: string, edit: ProductEdit): Promise<boolean> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edit)) data[key] = Array.isArray(value) ? command.set(value) : value;
  const result = (await db.collection(PRODUCTS).where({ _id: productId }).update({ data })) as {
    stats: { updated: number };
  };
  return result.stats.updated === 1;
}
