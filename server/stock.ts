/**
 * The `skus` collection's one owner: SKU reads for the catalogue, and stock holds, crash-safe and
 * idempotent.
 *
 * Every reservation is identified by a hold id (the order id, the gift id, ...) that is stored in
 * the SKU document's `holds` array in the SAME conditional update that takes the stock. So:
 * - reserving twice with the same hold id takes the stock once (`holds: _.nin([holdId])`);
 * - releasing or committing only acts while the hold is present (`holds: holdId`), and removes it in
 *   the same update, so a second release / commit changes nothing;
 * - a crash between "reserve" and "record the order" is recoverable: whoever owns the hold id can
 *   always release it later, and a release of a hold that was never taken is a no-op.
 * A missing `holds` field behaves as an empty array (`$nin` matches a missing field, `$push` creates it).
 */
import type { ErrorSpec } from '@domain/errors';
import { OrderErrors } from '@domain/order/errors';
import { checkStock } from '@domain/order/rules';
import type { SkuRecord } from '@domain/product/types';
import { fail, ok, type Result } from '@domain/result';
import { addProductSales } from './catalogue';
import { command as _, countDocs, db, fetchDocs } from './cloud';

export const SKUS_COLLECTION = 'skus';
/** A cloud-function query returns at most 100 documents unless a limit (≤ 1000) is given. */
const MAX_SKUS_PER_PRODUCT = 200;

/** The fields of a SKU document this module reads and writes. */
export interface StockFields {
  _id: string;
  productId?: string;
  stock: number;
  sales?: number;
  onShelf: boolean;
  holds?: string[];
}

export type ReserveOutcome = 'reserved' | 'alreadyHeld';
export type ReleaseOutcome = 'released' | 'notHeld';
export type CommitOutcome = 'committed' | 'notHeld';

interface UpdateResult {
  stats: { updated: number };
}

const failWithSpec = (spec: ErrorSpec, message?: string) => fail(spec.code, message ?? spec.message);

/** All SKUs of a product (served by the skus {productId} index), in id order. */
export async function listSkuRecords(productId: string): Promise<SkuRecord[]> {
  return fetchDocs<SkuRecord>(
    db.collection(SKUS_COLLECTION).where({ productId }).orderBy('_id', 'asc').limit(MAX_SKUS_PER_PRODUCT),
  );
}

export async function findSkuRecord(skuId: string): Promise<SkuRecord | null> {
  const [found] = await fetchDocs<SkuRecord>(db.collection(SKUS_COLLECTION).where({ _id: skuId }).limit(1));
  return found ?? null;
}

/** SKUs by id, in no particular order (missing ids are left out). */
export async function findSkuRecords(skuIds: readonly string[]): Promise<SkuRecord[]> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return [];
  return fetchDocs<SkuRecord>(
    db
      .collection(SKUS_COLLECTION)
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
}

/** The SKUs of several products (the gift finder checks each candidate's prices), at most 1000. */
export async function listSkuRecordsOfProducts(productIds: readonly string[]): Promise<SkuRecord[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  return fetchDocs<SkuRecord>(
    db
      .collection(SKUS_COLLECTION)
      .where({ productId: _.in(ids) })
      .limit(1000),
  );
}

async function readStock(skuId: string): Promise<StockFields | null> {
  const [found] = await fetchDocs<StockFields>(db.collection(SKUS_COLLECTION).where({ _id: skuId }).limit(1));
  return found ?? null;
}

/**
 * Takes `quantity` units of the SKU under `holdId` in ONE conditional update (on shelf, enough
 * stock, not already held by this id). When nothing was updated the SKU is re-read to tell why:
 * ORDER.SKU_NOT_FOUND / ORDER.SKU_OFF_SHELF / ORDER.OUT_OF_STOCK, or `alreadyHeld` (an idempotent
 * success: an earlier attempt with the same hold id already reserved it).
 */
export async function reserveStock(skuId: string, quantity: number, holdId: string): Promise<Result<ReserveOutcome>> {
  assertQuantity(quantity);
  const result = (await db
    .collection(SKUS_COLLECTION)
    .where({ _id: skuId, onShelf: true, stock: _.gte(quantity), holds: _.nin([holdId]) })
    .update({ data: { stock: _.inc(-quantity), holds: _.push([holdId]) } })) as UpdateResult;
  if (result.stats.updated === 1) return ok('reserved');

  const sku = await readStock(skuId);
  if (!sku) return failWithSpec(OrderErrors.SKU_NOT_FOUND);
  if ((sku.holds ?? []).includes(holdId)) return ok('alreadyHeld');
  if (!sku.onShelf) return failWithSpec(OrderErrors.SKU_OFF_SHELF);
  const stockCheck = checkStock(sku.stock, quantity);
  if (!stockCheck.ok) return stockCheck;
  // Enough stock on re-read: a concurrent release landed between the update and the read. Report
  // out of stock rather than loop; the buyer can simply try again.
  return failWithSpec(OrderErrors.OUT_OF_STOCK);
}

/** Gives the held units back (order cancelled / timed out). A second release changes nothing. */
export async function releaseStock(skuId: string, quantity: number, holdId: string): Promise<ReleaseOutcome> {
  assertQuantity(quantity);
  const result = (await db
    .collection(SKUS_COLLECTION)
    .where({ _id: skuId, holds: holdId })
    .update({ data: { stock: _.inc(quantity), holds: _.pull(holdId) } })) as UpdateResult;
  return result.stats.updated === 1 ? 'released' : 'notHeld';
}

/**
 * The held units are sold (payment confirmed / gift accepted): drop the hold, count the SKU's sales.
 * Idempotent. Only the call that committed also adds to the product's `sales` (the listing sort key);
 * that second write is a display counter, so a crash between the two may leave it short, never double.
 */
export async function commitStock(skuId: string, quantity: number, holdId: string): Promise<CommitOutcome> {
  assertQuantity(quantity);
  const result = (await db
    .collection(SKUS_COLLECTION)
    .where({ _id: skuId, holds: holdId })
    .update({ data: { sales: _.inc(quantity), holds: _.pull(holdId) } })) as UpdateResult;
  if (result.stats.updated !== 1) return 'notHeld';
  const sku = await readStock(skuId);
  if (sku?.productId) await addProductSales(sku.productId, quantity);
  return 'committed';
}

/** Whether `holdId` currently holds stock on the SKU (for recovery and tests). */
export async function isHeld(skuId: string, holdId: string): Promise<boolean> {
  const sku = await readStock(skuId);
  return Boolean(sku && (sku.holds ?? []).includes(holdId));
}

/**
 * Sold units come back to the shelf (an after-sale refunded an order that was never shipped), once per
 * `returnId`: the id goes into the SKU's `returns` in the SAME conditional update that adds the stock,
 * so a repeat changes nothing. The product's `sales` counter follows (a display counter, see commitStock).
 */
export async function returnSoldStock(
  skuId: string,
  quantity: number,
  returnId: string,
): Promise<'returned' | 'already'> {
  assertQuantity(quantity);
  const result = (await db
    .collection(SKUS_COLLECTION)
    .where({ _id: skuId, returns: _.nin([returnId]) })
    .update({
      data: { stock: _.inc(quantity), sales: _.inc(-quantity), returns: _.push([returnId]) },
    })) as UpdateResult;
  if (result.stats.updated !== 1) return 'already';
  const sku = await readStock(skuId);
  if (sku?.productId) await addProductSales(sku.productId, -quantity);
  return 'returned';
}

/** Quantities come from validated requests; anything else is a programming error, not a user error. */
function assertQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`invalid stock quantity: ${quantity}`);
}

// ---- the merchant's editor: SKU listings and stock set by hand ----

/** The SKUs of several products (the merchant's product list), at most 1000. */
export async function listSkusOfProducts(productIds: readonly string[]): Promise<SkuRecord[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  return fetchDocs<SkuRecord>(
    db
      .collection(SKUS_COLLECTION)
      .where({ productId: _.in(ids) })
      .limit(1000),
  );
}

export async function insertSkuRecords(records: readonly SkuRecord[]): Promise<void> {
  for (const { _id, ...data } of records)
    await db.collection(SKUS_COLLECTION).add({ data: { _id, ...data, holds: [] } });
}

/** Specs, price and listing of one of the product's SKUs; stock and holds are never touched here. */
export async function updateSkuListing(
  skuId: string,
  productId: string,
  listing: Pick<SkuRecord, 'specs' | 'price' | 'onShelf'>,
): Promise<boolean> {
  const result = (await db
    .collection(SKUS_COLLECTION)
    .where({ _id: skuId, productId })
    .update({ data: { specs: _.set(listing.specs), price: listing.price, onShelf: listing.onShelf } })) as UpdateResult;
  return result.stats.updated === 1;
}

/**
 * The merchant sets a SKU's available stock from the value the editor showed to a new one, in ONE
 * conditional update: if an order or a gift took (or gave back) units in between, nothing changes
 * and the answer is false, so a hand edit never overwrites a hold.
 */
export async function setStockFrom(skuId: string, productId: string, expected: number, next: number): Promise<boolean> {
  const result = (await db
    .collection(SKUS_COLLECTION)
    .where({ _id: skuId, productId, stock: expected })
    .update({ data: { stock: _.inc(next - expected) } })) as UpdateResult;
  return result.stats.updated === 1;
}

/** On-shelf SKUs with at most `threshold` units left: how many, and the emptiest `limit` of them. */
export async function lowStockSkus(threshold: number, limit: number): Promise<{ count: number; skus: SkuRecord[] }> {
  const query = db.collection(SKUS_COLLECTION).where({ onShelf: true, stock: _.lte(threshold) });
  const [count, skus] = await Promise.all([
    countDocs(query),
    fetchDocs<SkuRecord>(query.orderBy('stock', 'asc').orderBy('_id', 'asc').limit(limit)),
  ]);
  return { count, skus };
}
