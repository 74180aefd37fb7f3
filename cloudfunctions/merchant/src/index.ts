/**
 * merchant: all orders with full addresses and gift cards (listOrders), and shipping (shipOrder).
 * Only openids in the `merchants` collection; others get COMMON.FORBIDDEN.
 * Actions and their shapes: MerchantContract in src/domain/contracts.ts, documented in docs/contracts.md.
 */
import { defineFunction } from '@server/dispatch';
import { merchantRequestSchemas as schemas } from '@domain/order/schemas';
import { listOrders, shipOrder } from './actions';

export const main = defineFunction('merchant', {
  listOrders: { schema: schemas.listOrders, requiresUser: true, run: listOrders },
  shipOrder: { schema: schemas.shipOrder, requiresUser: true, run: shipOrder },
});
