/**
 * The merchant function's own request schemas and answer shapes beyond orders (src/domain/order/schemas.ts
 * has listOrders / shipOrder): who is asking, one order, the products editor, the dashboard.
 */
import * as z from 'zod';
import { idSchema, cursorSchema } from '@domain/order/schemas';
import type { MerchantProductListRequest, SaveProductRequest } from './types';

export type { MerchantIdentity, MerchantProductListRequest } from './types';

export const MERCHANT_PRODUCTS_DEFAULT_LIMIT = 20;
export const MERCHANT_PRODUCTS_MAX_LIMIT = 50;

/** An action without parameters (contracts.ts NoParams). */
export const noParamsSchema = z.object({}) satisfies z.ZodType<Record<never, never>>;

export const getMerchantOrderSchema = z.object({ orderId: idSchema('订单号') });

export const listMerchantProductsSchema = z.object({
  onShelf: z.boolean({ error: 'onShelf 应为布尔值' }).optional(),
  cursor: cursorSchema.optional(),
  limit: z.number().int().min(1).max(MERCHANT_PRODUCTS_MAX_LIMIT).optional(),
}) satisfies z.ZodType<MerchantProductListRequest>;

export const getMerchantProductSchema = z.object({ productId: idSchema('商品编号') });

/**
 * Only "an object": every field rule has its own MERCHANT.* code, so the action checks the request
 * with checkProductDraft (./product.ts) instead of the generic COMMON.INVALID_ARGUMENT.
 */
export const saveProductSchema = z.custom<SaveProductRequest>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { error: '请求格式不正确' },
);
