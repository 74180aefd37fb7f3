/**
 * Request schemas of the after-sales actions (zod 4; the dispatcher turns a failure into
 * COMMON.INVALID_ARGUMENT naming the field). Business rules with their own codes (which type and
 * reason fit the order, the carrier and its number format) are checked by ./rules.ts and
 * @domain/logistics/carriers in the handler.
 */
import * as z from 'zod';
import { cursorSchema, idSchema, ORDER_LIST_MAX_LIMIT } from '@domain/order/schemas';
import { countChars, storedText } from '@domain/text';
import { AFTER_SALE_DESCRIPTION_MAX, AFTER_SALE_NOTE_MAX, MAX_AFTER_SALE_PHOTOS } from './rules';
import {
  AFTER_SALE_REASONS,
  AFTER_SALE_STATUSES,
  AFTER_SALE_TYPES,
  type AfterSaleReason,
  type ListAfterSalesRequest,
  type RequestAfterSaleRequest,
  type ResolveAfterSaleRequest,
  type SubmitReturnShippingRequest,
} from './types';

/** A file id in our cloud storage (`cloud://<env>.<bucket>/<path>`): what wx.cloud.uploadFile answers. */
const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9-]+\.[A-Za-z0-9-]+(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;
const PHOTO_ID_MAX_LENGTH = 512;

export const isCloudFileId = (value: string): boolean =>
  value.length <= PHOTO_ID_MAX_LENGTH && CLOUD_FILE_ID.test(value) && !/(?:^|\/)\.\.?(?:\/|$)/.test(value);

const REASON_CODES = Object.keys(AFTER_SALE_REASONS) as [AfterSaleReason, ...AfterSaleReason[]];

const boundedText = (what: string, max: number) =>
  storedText(what).refine((text) => countChars(text) <= max, { error: `${what}不能超过${max}个字` });

export const requestAfterSaleSchema = z.object({
  orderId: idSchema('订单号'),
  type: z.enum(AFTER_SALE_TYPES, { error: '请选择售后类型（仅退款或退货退款）' }),
  reason: z.enum(REASON_CODES, { error: '请选择售后原因' }),
  description: boundedText('问题描述', AFTER_SALE_DESCRIPTION_MAX).optional(),
  photos: z
    .array(z.string({ error: '图片应为文件ID' }).refine(isCloudFileId, { error: '图片格式不正确，请重新上传' }), {
      error: '图片应为列表',
    })
    .max(MAX_AFTER_SALE_PHOTOS, { error: `最多上传${MAX_AFTER_SALE_PHOTOS}张图片` })
    .refine((photos) => new Set(photos).size === photos.length, { error: '图片重复' })
    .optional(),
}) satisfies z.ZodType<RequestAfterSaleRequest>;

export const afterSaleIdSchema = z.object({ afterSaleId: idSchema('售后单号') });

const shippingText = (what: string, max: number) =>
  storedText(what, {}, `请填写${what}`)
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}不能超过${max}个字符` });

export const submitReturnShippingSchema = z.object({
  afterSaleId: idSchema('售后单号'),
  expressCompany: shippingText('快递公司', 20),
  trackingNo: shippingText('快递单号', 40),
}) satisfies z.ZodType<SubmitReturnShippingRequest>;

export const listAfterSalesSchema = z.object({
  status: z.enum(AFTER_SALE_STATUSES, { error: '售后状态不正确' }).optional(),
  cursor: cursorSchema.optional(),
  limit: z
    .number({ error: 'limit 应为数字' })
    .int({ error: 'limit 应为整数' })
    .min(1, { error: 'limit 不能小于 1' })
    .max(ORDER_LIST_MAX_LIMIT, { error: `limit 不能大于 ${ORDER_LIST_MAX_LIMIT}` })
    .optional(),
}) satisfies z.ZodType<ListAfterSalesRequest>;

export const resolveAfterSaleSchema = z.object({
  afterSaleId: idSchema('售后单号'),
  approve: z.boolean({ error: 'approve 应为 true 或 false' }),
  note: boundedText('处理说明', AFTER_SALE_NOTE_MAX).optional(),
}) satisfies z.ZodType<ResolveAfterSaleRequest>;

/** The order function's after-sales actions. */
export const afterSaleRequestSchemas = {
  requestAfterSale: requestAfterSaleSchema,
  getAfterSale: afterSaleIdSchema,
  cancelAfterSale: afterSaleIdSchema,
  submitReturnShipping: submitReturnShippingSchema,
} as const;

/** The merchant function's after-sales actions. */
export const merchantAfterSaleSchemas = {
  listAfterSales: listAfterSalesSchema,
  resolveAfterSale: resolveAfterSaleSchema,
  confirmReturn: afterSaleIdSchema,
} as const;
