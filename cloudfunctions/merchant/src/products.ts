/**
 * The merchant's products: list (on and off shelf), open one for editing, and save (create or
 * update) a product with its SKUs. Products and categories are written only through
 * server/catalogue.ts, SKUs only through server/stock.ts; stock moves only from the value the editor
 * showed (see src/domain/merchant/product.ts).
 */
import { randomBytes } from 'node:crypto';
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import { giftTagsOf } from '@domain/finder/tags';
import { MerchantErrors } from '@domain/merchant/errors';
import {
  checkProductDraft,
  giftBlockOf,
  priceRange,
  type MerchantProduct,
  type MerchantProductSummary,
  type ProductDraft,
} from '@domain/merchant/product';
import { MERCHANT_PRODUCTS_DEFAULT_LIMIT } from '@domain/merchant/requests';
import type { CategoryRecord, ProductRecord, SkuRecord } from '@domain/product/types';
import { ok } from '@domain/result';
import {
  findCategoryRecord,
  findProductRecord,
  insertProductRecord,
  queryMerchantProductRecords,
  updateProductRecord,
  type ProductEdit,
} from '@server/catalogue';
import type { CallContext } from '@server/dispatch';
import { isMerchant } from '@server/merchants';
import { decodeCursor, encodeCursor } from '@server/paging';
import { insertSkuRecords, listSkuRecords, listSkusOfProducts, setStockFrom, updateSkuListing } from '@server/stock';

const newId = (prefix: string): string => `${prefix}${randomBytes(8).toString('hex')}`;

function toMerchantProduct(record: ProductRecord, skus: readonly SkuRecord[]): MerchantProduct {
  const own = skus.filter((sku) => sku.productId === record._id);
  return {
    productId: record._id,
    name: record.name,
    categoryId: record.categoryId,
    categoryName: record.categoryName,
    description: record.description,
    images: [...record.images],
    specNames: [...record.specNames],
    onShelf: record.onShelf,
    priceMin: record.priceMin,
    priceMax: record.priceMax,
    sales: record.sales,
    skus: own.map((sku) => ({
      skuId: sku._id,
      specs: { ...sku.specs },
      price: sku.price,
      stock: sku.stock,
      sales: sku.sales,
      onShelf: sku.onShelf,
    })),
    giftBlockedReason: giftBlockOf(record, own),
    giftable: giftBlockOf(record, own) === null,
    tags: giftTagsOf(record),
  };
}

function toSummary(record: ProductRecord, skus: readonly SkuRecord[]): MerchantProductSummary {
  const own = skus.filter((sku) => sku.productId === record._id);
  const blocked = giftBlockOf(record, own);
  return {
    productId: record._id,
    name: record.name,
    image: record.images[0] ?? '',
    categoryName: record.categoryName,
    priceMin: record.priceMin,
    priceMax: record.priceMax,
    onShelf: record.onShelf,
    sales: record.sales,
    totalStock: own.filter((sku) => sku.onShelf).reduce((sum, sku) => sum + Math.max(0, sku.stock), 0),
    skuCount: own.length,
    giftable: blocked === null,
    giftBlockedReason: blocked,
  };
}

export async function listProducts(
  request: RequestOf<'merchant', 'listProducts'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'listProducts'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const offset = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  if (offset === null)
    return failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：cursor 无效`);
  const limit = request.limit ?? MERCHANT_PRODUCTS_DEFAULT_LIMIT;
  const records = await queryMerchantProductRecords({ onShelf: request.onShelf, offset, limit: limit + 1 });
  const page = records.slice(0, limit);
  const skus = await listSkusOfProducts(page.map((record) => record._id));
  return ok({
    items: page.map((record) => toSummary(record, skus)),
    nextCursor: records.length > limit ? encodeCursor(offset + limit) : null,
  });
}

export async function getProduct(
  request: RequestOf<'merchant', 'getProduct'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'getProduct'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const record = await findProductRecord(request.productId);
  if (!record) return failWith(MerchantErrors.PRODUCT_NOT_FOUND);
  return ok(toMerchantProduct(record, await listSkuRecords(record._id)));
}

const editOf = (
  draft: ProductDraft,
  category: CategoryRecord,
  skus: ReadonlyArray<{ price: number; onShelf: boolean }>,
): ProductEdit => ({
  name: draft.name,
  categoryId: category._id,
  categoryName: category.name,
  images: draft.images,
  description: draft.description,
  specNames: draft.specNames,
  onShelf: draft.onShelf,
  ...priceRange(skus),
  ...(draft.tags ?? {}),
});

export async function saveProduct(
  request: RequestOf<'merchant', 'saveProduct'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'saveProduct'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const checked = checkProductDraft(request);
  if (!checked.ok) return checked;
  const draft = checked.data;
  const category = await findCategoryRecord(draft.categoryId);
  if (!category) return failWith(MerchantErrors.UNKNOWN_CATEGORY);
  // A SKU is listed only while its product is: the order function checks the SKU alone.
  const listed = draft.skus.map((sku) => ({ ...sku, onShelf: sku.onShelf && draft.onShelf }));

  if (draft.productId === null) {
    const productId = newId('p');
    await insertSkuRecords(
      listed.map((sku) => ({
        _id: newId(`${productId}-`),
        productId,
        specs: sku.specs,
        price: sku.price,
        stock: sku.stock,
        sales: 0,
        onShelf: sku.onShelf,
      })),
    );
    // The product last: until it exists its SKUs belong to nothing anybody can open.
    await insertProductRecord(productId, editOf(draft, category, listed), new Date(ctx.now));
    return getProduct({ productId }, ctx);
  }

  const productId = draft.productId;
  const record = await findProductRecord(productId);
  if (!record) return failWith(MerchantErrors.PRODUCT_NOT_FOUND);
  const existing = await listSkuRecords(productId);
  for (const sku of listed) {
    if (sku.skuId !== null && !existing.some((found) => found._id === sku.skuId))
      return failWith(MerchantErrors.SKU_NOT_FOUND, `${MerchantErrors.SKU_NOT_FOUND.message}：${sku.skuId}`);
  }
  // Stock first: a conflict stops the save before anything else is written.
  for (const sku of listed) {
    if (sku.skuId === null || sku.expectedStock === null || sku.expectedStock === sku.stock) continue;
    if (!(await setStockFrom(sku.skuId, productId, sku.expectedStock, sku.stock))) {
      const now = (await listSkuRecords(productId)).find((found) => found._id === sku.skuId);
      return failWith(
        MerchantErrors.STOCK_CHANGED,
        `${MerchantErrors.STOCK_CHANGED.message}（当前库存 ${now?.stock ?? 0}）`,
      );
    }
  }
  for (const sku of listed) {
    if (sku.skuId !== null) await updateSkuListing(sku.skuId, productId, sku);
  }
  // SKUs left out of the edit are taken off shelf, never deleted: orders still name them.
  for (const old of existing) {
    if (!listed.some((sku) => sku.skuId === old._id) && old.onShelf)
      await updateSkuListing(old._id, productId, { specs: old.specs, price: old.price, onShelf: false });
  }
  await insertSkuRecords(
    listed
      .filter((sku) => sku.skuId === null)
      .map((sku) => ({
        _id: newId(`${productId}-`),
        productId,
        specs: sku.specs,
        price: sku.price,
        stock: sku.stock,
        sales: 0,
        onShelf: sku.onShelf,
      })),
  );
  await updateProductRecord(productId, editOf(draft, category, listed));
  return getProduct({ productId }, ctx);
}
