/**
 * Request schemas of the `order` cloud function (zod 4). The dispatcher turns a schema failure into
 * COMMON.INVALID_ARGUMENT naming the field. Quantity is only checked for being a number here: its
 * range is a business rule with its own code (ORDER.INVALID_QUANTITY, `checkQuantity`).
 */
import { z } from 'zod';
import { addressSchema } from '../address';
import { ORDER_STATUSES } from './machine';

/** Ids we issue or seed: short, URL- and query-safe. */
export const idSchema = (what: string) =>
  z
    .string({ error: `缺少${what}` })
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,64}$/, { error: `${what}格式不正确` });

export const cursorSchema = z.string().max(200, { error: '分页参数不正确' });

export const createOrderSchema = z.object({
  skuId: idSchema('商品规格'),
  quantity: z.number({ error: '购买数量应为数字' }),
  address: addressSchema,
});

export const getOrderSchema = z.object({ orderId: idSchema('订单号') });

export const listOrdersSchema = z.object({
  status: z.enum(ORDER_STATUSES, { error: '订单状态不正确' }).optional(),
  cursor: cursorSchema.optional(),
});

export const payOrderSchema = z.object({ orderId: idSchema('订单号') });

export const cancelOrderSchema = z.object({ orderId: idSchema('订单号') });

export type CreateOrderRequest = z.output<typeof createOrderSchema>;
export type GetOrderRequest = z.output<typeof getOrderSchema>;
export type ListOrdersRequest = z.output<typeof listOrdersSchema>;
export type PayOrderRequest = z.output<typeof payOrderSchema>;
export type CancelOrderRequest = z.output<typeof cancelOrderSchema>;

export const orderRequestSchemas = {
  createOrder: createOrderSchema,
  getOrder: getOrderSchema,
  listOrders: listOrdersSchema,
  payOrder: payOrderSchema,
  cancelOrder: cancelOrderSchema,
} as const;
