import type { AnswerOf, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import { ShopErrors } from '@domain/product/errors';
import { toCategory, toProduct, toProductSummary } from '@domain/product/mapping';
import { LIST_PRODUCTS_DEFAULT_LIMIT } from '@domain/product/requests';
import { ok } from '@domain/result';
import { findProductRecord, listCategoryRecords, queryProductRecords } from '@server/catalogue';
import { listSkuRecords } from '@server/stock';
import { decodeCursor, encodeCursor } from '@server/paging';

export async function listCategories(): Promise<AnswerOf<'shop', 'listCategories'>> {
  const records = await listCategoryRecords();
  return ok(records.map(toCategory));
}

export async function listProducts(
  request: RequestOf<'shop', 'listProducts'>,
): Promise<AnswerOf<'shop', 'listProducts'>> {
  const offset = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  if (offset === null) {
    return failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：cursor 无效`);
  }
  const limit = request.limit ?? LIST_PRODUCTS_DEFAULT_LIMIT;
  // One extra document tells whether another page exists, without a count query.
  const records = await queryProductRecords({
    categoryId: request.categoryId,
    keyword: request.keyword || undefined,
    sort: request.sort ?? 'default',
    offset,
    limit: limit + 1,
  });
  const page = records.slice(0, limit);
  return ok({
    items: page.map(toProductSummary),
    nextCursor: records.length > limit ? encodeCursor(offset + limit) : null,
  });
}

export async function getProduct(request: RequestOf<'shop', 'getProduct'>): Promise<AnswerOf<'shop', 'getProduct'>> {
  const record = await findProductRecord(request.productId);
  if (!record) return failWith(ShopErrors.PRODUCT_NOT_FOUND);
  const skus = await listSkuRecords(record._id);
  return ok(toProduct(record, skus));
}
