/**
 * order: buying for oneself (createOrder, payOrder, cancelOrder, getOrder, listOrders, confirmReceipt,
 * getTracking; the recipient of a gift opens its order and follows its parcel too), plus the timer
 * trigger declared in config.json that cancels unpaid orders after 30 minutes and completes orders
 * shipped 10 days ago.
 * Actions and their shapes: OrderContract in src/domain/contracts.ts, documented in docs/contracts.md.
 */
import { caller } from '@server/cloud';
import { defineFunction } from '@server/dispatch';
import { completeLongShippedOrders, sweepExpiredOrders } from '@server/orders';
import { CommonErrors, failWith } from '@domain/errors';
import { orderRequestSchemas as schemas } from '@domain/order/schemas';
import { ok, type Result } from '@domain/result';
import { afterSaleRequestSchemas } from '@domain/afterSale/schemas';
import { clock } from '@domain/clock';
import { sweepAfterSaleRefunds } from '@server/afterSales';
import { cancelAfterSale, getAfterSale, requestAfterSale, submitReturnShipping } from './afterSales';
import { cancelOrder, confirmReceipt, createOrder, getOrder, getTracking, listOrders, payOrder } from './actions';

const dispatch = defineFunction('order', {
  createOrder: { schema: schemas.createOrder, requiresUser: true, run: createOrder },
  payOrder: { schema: schemas.payOrder, requiresUser: true, run: payOrder },
  cancelOrder: { schema: schemas.cancelOrder, requiresUser: true, run: cancelOrder },
  getOrder: { schema: schemas.getOrder, requiresUser: true, run: getOrder },
  listOrders: { schema: schemas.listOrders, requiresUser: true, run: listOrders },
  confirmReceipt: { schema: schemas.confirmReceipt, requiresUser: true, run: confirmReceipt },
  requestAfterSale: { schema: afterSaleRequestSchemas.requestAfterSale, requiresUser: true, run: requestAfterSale },
  getAfterSale: { schema: afterSaleRequestSchemas.getAfterSale, requiresUser: true, run: getAfterSale },
  cancelAfterSale: { schema: afterSaleRequestSchemas.cancelAfterSale, requiresUser: true, run: cancelAfterSale },
  submitReturnShipping: {
    schema: afterSaleRequestSchemas.submitReturnShipping,
    requiresUser: true,
    run: submitReturnShipping,
  },
  getTracking: { schema: schemas.getTracking, requiresUser: true, run: getTracking },
});

/** The after-sale refund pass's share of the 20 s timeout (the order sweep has 12 s). */
const AFTER_SALE_SWEEP_BUDGET_MS = 4_000;

/** What a timer trigger hands the function: `{ Type: 'Timer', TriggerName, Time }`. */
const isTimerEvent = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';

export async function main(event: unknown, context?: unknown): Promise<Result<unknown>> {
  if (isTimerEvent(event)) {
    // Only the platform's trigger may run the sweep; a client sending { Type: 'Timer' } is refused.
    if (caller().source !== 'wx_trigger') return failWith(CommonErrors.FORBIDDEN);
    const summary = await sweepExpiredOrders();
    // After-sale refunds decided but not accepted, or not confirmed 5 minutes on (server/afterSales.ts).
    const afterSaleRefunds = await sweepAfterSaleRefunds(clock.now(), AFTER_SALE_SWEEP_BUDGET_MS);
    if (afterSaleRefunds.checked > 0 || !afterSaleRefunds.complete)
      console.log('[order] after-sale refunds', afterSaleRefunds);
    // Shipped orders complete by themselves 10 days after shipping, as WeChat shops do.
    const autoCompleted = await completeLongShippedOrders();
    if (summary.cancelled > 0 || summary.recovered > 0 || !summary.complete || autoCompleted > 0)
      console.log('[order] sweep', { ...summary, autoCompleted });
    return ok({ ...summary, autoCompleted });
  }
  return dispatch(event, context);
}
