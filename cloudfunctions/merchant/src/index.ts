/**
 * merchant: all orders with full addresses and gift cards (listOrders, getOrder), shipping (shipOrder),
 * the products editor (listProducts, getProduct, saveProduct) and the dashboard. Only openids in the
 * `merchants` collection; others get COMMON.FORBIDDEN — except whoami, which tells anybody whether
 * they are one. Actions and their shapes: MerchantContract in src/domain/contracts.ts, documented in
 * docs/contracts.md.
 */
import { defineFunction } from '@server/dispatch';
import { merchantAfterSaleSchemas } from '@domain/afterSale/schemas';
import { confirmReturn, listAfterSales, resolveAfterSale } from './afterSales';
import { merchantRequestSchemas as schemas } from '@domain/order/schemas';
import {
  getMerchantOrderSchema,
  getMerchantProductSchema,
  listMerchantProductsSchema,
  noParamsSchema,
  saveProductSchema,
} from '@domain/merchant/requests';
import { getOrder, listOrders, shipOrder, whoami } from './actions';
import { dashboard } from './dashboard';
import { getProduct, listProducts, saveProduct } from './products';

export const main = defineFunction('merchant', {
  listOrders: { schema: schemas.listOrders, requiresUser: true, run: listOrders },
  shipOrder: { schema: schemas.shipOrder, requiresUser: true, run: shipOrder },
  listAfterSales: { schema: merchantAfterSaleSchemas.listAfterSales, requiresUser: true, run: listAfterSales },
  resolveAfterSale: { schema: merchantAfterSaleSchemas.resolveAfterSale, requiresUser: true, run: resolveAfterSale },
  confirmReturn: { schema: merchantAfterSaleSchemas.confirmReturn, requiresUser: true, run: confirmReturn },
  whoami: { schema: noParamsSchema, requiresUser: true, run: whoami },
  getOrder: { schema: getMerchantOrderSchema, requiresUser: true, run: getOrder },
  listProducts: { schema: listMerchantProductsSchema, requiresUser: true, run: listProducts },
  getProduct: { schema: getMerchantProductSchema, requiresUser: true, run: getProduct },
  saveProduct: { schema: saveProductSchema, requiresUser: true, run: saveProduct },
  dashboard: { schema: noParamsSchema, requiresUser: true, run: dashboard },
});
