/**
 * Request schemas of the shop function's actions (see ShopContract in ../contracts.ts).
 * Shared: the function validates with them; the client may too before calling.
 */
import * as z from 'zod';
import type { ProductSort } from '@domain/contracts';
import { storedText } from '@domain/text';

export const PRODUCT_SORTS = ['default', 'sales', 'priceAsc', 'priceDesc'] as const satisfies readonly ProductSort[];

export const LIST_PRODUCTS_DEFAULT_LIMIT = 20;
export const LIST_PRODUCTS_MAX_LIMIT = 50;
export const KEYWORD_MAX_LENGTH = 50;

/** An opaque page cursor: base64url of the decimal offset of the next page's first item. */
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

/** Catalogue ids are ours (seeded or created in the console): short, URL- and query-safe. */
const id = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z_-]{1,64}$/);

export const listCategoriesRequest = z.object({});

export const listProductsRequest = z.object({
  categoryId: id.optional(),
  // Searched text gets the same hygiene as stored text: a NUL or half an emoji is refused here,
  // not left to the database's regex.
  keyword: storedText('搜索关键词').max(KEYWORD_MAX_LENGTH).optional(),
  sort: z.enum(PRODUCT_SORTS).optional(),
  cursor: z.string().regex(CURSOR_PATTERN).optional(),
  limit: z.number().int().min(1).max(LIST_PRODUCTS_MAX_LIMIT).optional(),
});

export const getProductRequest = z.object({
  productId: id,
});
