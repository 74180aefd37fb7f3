/**
 * merchant: after-sales (售后) — listAfterSales, resolveAfterSale (approve / reject with a note),
 * confirmReturn. Merchants only (`isMerchant`, as every merchant action); the flows, the refund and the
 * `afterSales` collection are server/afterSales.ts's. Shapes: MerchantContract in src/domain/contracts.ts.
 */
import * as afterSales from '@server/afterSales';
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import { ORDER_LIST_DEFAULT_LIMIT } from '@domain/order/schemas';
import { ok } from '@domain/result';
import type { CallContext } from '@server/dispatch';
import { isMerchant } from '@server/merchants';
import { decodeCursor, encodeCursor } from '@server/paging';

export async function listAfterSales(
  request: RequestOf<'merchant', 'listAfterSales'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'listAfterSales'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const offset = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  if (offset === null) return afterSales.badCursor();
  const limit = request.limit ?? ORDER_LIST_DEFAULT_LIMIT;
  const page = await afterSales.listAfterSales(request, offset, limit, ctx.now);
  return ok({ items: page.items, nextCursor: page.hasMore ? encodeCursor(offset + limit) : null });
}

export async function resolveAfterSale(
  request: RequestOf<'merchant', 'resolveAfterSale'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'resolveAfterSale'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  return afterSales.resolveAfterSale(request, ctx.now);
}

export async function confirmReturn(
  request: RequestOf<'merchant', 'confirmReturn'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'confirmReturn'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  return afterSales.confirmReturn(request.afterSaleId, ctx.now);
}
