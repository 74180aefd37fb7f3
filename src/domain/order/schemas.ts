/**
 * Request schemas of the `order` and `merchant` cloud functions (zod 4). The dispatcher turns a schema
 * failure into COMMON.INVALID_ARGUMENT naming the field. Quantity is only checked for being a number
 * here: its range is a business rule with its own code (ORDER.INVALID_QUANTITY, `checkQuantity`).
 */
import * as z from 'zod';
import { addressSchema } from '@domain/address';
import { storedText } from '@domain/text';
import { ORDER_STATUSES } from './machine';

/** Ids we issue or seed: short, URL- and query-safe. */
export const idSchema = (what: string) =>
  z
    .string({ error: `缺少${what}` })
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,64}$/, { error: `${what}格式不正确` });

export const cursorSchema = z.string().max(200, { error: '分页参数不正确' });

export const ORDER_LIST_DEFAULT_LIMIT = 20;
export const ORDER_LIST_MAX_LIMIT = 50;

/**
 * The amount is always computed from the database price. A client that sends one is buggy or
 * tampering: refuse it loudly instead of silently charging something else than it showed.
 */
const noClientPrice = z.never({ error: '价格以商城为准，请勿提交价格' }).optional();

export const createOrderSchema = z.object({
  skuId: idSchema('商品规格'),
  quantity: z.number({ error: '购买数量应为数字' }),
  address: addressSchema,
  price: noClientPrice,
  unitPrice: noClientPrice,
  totalFee: noClientPrice,
});

export const getOrderSchema = z.object({ orderId: idSchema('订单号') });

export const listOrdersSchema = z.object({
  status: z.enum(ORDER_STATUSES, { error: '订单状态不正确' }).optional(),
  cursor: cursorSchema.optional(),
  limit: z
    .number({ error: 'limit 应为数字' })
    .int({ error: 'limit 应为整数' })
    .min(1, { error: 'limit 不能小于 1' })
    .max(ORDER_LIST_MAX_LIMIT, { error: `limit 不能大于 ${ORDER_LIST_MAX_LIMIT}` })
    .optional(),
});

export const payOrderSchema = z.object({ orderId: idSchema('订单号') });

export const cancelOrderSchema = z.object({ orderId: idSchema('订单号') });

export const confirmReceiptSchema = z.object({ orderId: idSchema('订单号') });

export const getTrackingSchema = z.object({ orderId: idSchema('订单号') });

const shippingText = (what: string, max: number) =>
  storedText(what, {}, `请填写${what}`)
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}不能超过${max}个字符` });

export const shipOrderSchema = z.object({
  orderId: idSchema('订单号'),
  expressCompany: shippingText('快递公司', 20),
  trackingNo: shippingText('快递单号', 40).regex(/^[0-9A-Za-z-]+$/, { error: '快递单号只能包含字母、数字和-' }),
});

export type CreateOrderRequest = z.output<typeof createOrderSchema>;
export type GetOrderRequest = z.output<typeof getOrderSchema>;
export type ListOrdersRequest = z.output<typeof listOrdersSchema>;
export type PayOrderRequest = z.output<typeof payOrderSchema>;
export type CancelOrderRequest = z.output<typeof cancelOrderSchema>;
export type ShipOrderRequest = z.output<typeof shipOrderSchema>;

export const orderRequestSchemas = {
  createOrder: createOrderSchema,
  getOrder: getOrderSchema,
  listOrders: listOrdersSchema,
  payOrder: payOrderSchema,
  cancelOrder: cancelOrderSchema,
  confirmReceipt: confirmReceiptSchema,
  getTracking: getTrackingSchema,
} as const;

export const merchantRequestSchemas = {
  listOrders: listOrdersSchema,
  shipOrder: shipOrderSchema,
} as const;
