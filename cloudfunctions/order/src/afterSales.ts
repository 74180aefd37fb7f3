/**
 * order: the asker's after-sales actions (售后) — requestAfterSale, getAfterSale, cancelAfterSale,
 * submitReturnShipping. The buyer of a self order or the recipient of a gift order; the flows and the
 * `afterSales` collection are server/afterSales.ts's. Shapes: OrderContract in src/domain/contracts.ts.
 */
import * as afterSales from '@server/afterSales';
import type { AnswerOf, RequestOf } from '@domain/contracts';
import type { CallContext } from '@server/dispatch';

export const requestAfterSale = (
  request: RequestOf<'order', 'requestAfterSale'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'requestAfterSale'>> => afterSales.requestAfterSale(request, ctx.openid, ctx.now);

export const getAfterSale = (
  request: RequestOf<'order', 'getAfterSale'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'getAfterSale'>> => afterSales.getAfterSale(request.afterSaleId, ctx.openid, ctx.now);

export const cancelAfterSale = (
  request: RequestOf<'order', 'cancelAfterSale'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'cancelAfterSale'>> =>
  afterSales.cancelAfterSale(request.afterSaleId, ctx.openid, ctx.now);

export const submitReturnShipping = (
  request: RequestOf<'order', 'submitReturnShipping'>,
  ctx: CallContext,
): Promise<AnswerOf<'order', 'submitReturnShipping'>> => afterSales.submitReturnShipping(request, ctx.openid, ctx.now);
