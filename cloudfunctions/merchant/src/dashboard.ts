/**
 * merchant.dashboard: today and the last 7 days in China time, each figure computed by the database
 * (aggregation / count) through the owner of its collection.
 */
import type { AnswerOf, RequestOf } from '@domain/contracts';
import { CommonErrors, failWith } from '@domain/errors';
import {
  dashboardDays,
  type DashboardDay,
  type DashboardFigures,
  dashboardWindow,
  LOW_STOCK_LIST_MAX,
  LOW_STOCK_THRESHOLD,
  sumFigures,
} from '@domain/merchant/dashboard';
import { ok } from '@domain/result';
import { findProductRecord } from '@server/catalogue';
import type { CallContext } from '@server/dispatch';
import { countAfterSalesWaitingForMerchant } from '@server/afterSales';
import { giftCountsPerChinaDay } from '@server/gifts/store';
import { isMerchant } from '@server/merchants';
import { paidOrdersPerChinaDay } from '@server/orders';
import { lowStockSkus } from '@server/stock';

export async function dashboard(
  _request: RequestOf<'merchant', 'dashboard'>,
  ctx: CallContext,
): Promise<AnswerOf<'merchant', 'dashboard'>> {
  if (!(await isMerchant(ctx.openid))) return failWith(CommonErrors.FORBIDDEN);
  const window = dashboardWindow(ctx.now);
  const [paid, gifts, low, afterSalesWaiting] = await Promise.all([
    paidOrdersPerChinaDay(window.since),
    giftCountsPerChinaDay(window.since),
    lowStockSkus(LOW_STOCK_THRESHOLD, LOW_STOCK_LIST_MAX),
    countAfterSalesWaitingForMerchant(),
  ]);
  const days = dashboardDays(window.days, {
    paidOrders: new Map([...paid].map(([day, totals]) => [day, totals.count])),
    paidFee: new Map([...paid].map(([day, totals]) => [day, totals.sum])),
    giftsSent: gifts.sent,
    giftsAccepted: gifts.accepted,
    giftsExpired: gifts.expired,
    giftsRefunded: gifts.refunded,
  });
  const names = new Map<string, string>();
  for (const productId of new Set(low.skus.map((sku) => sku.productId))) {
    const product = await findProductRecord(productId);
    names.set(productId, product?.name ?? productId);
  }
  return ok({
    generatedAt: ctx.now,
    today: withoutDate(days[days.length - 1]!),
    last7Days: sumFigures(days),
    days,
    afterSalesWaiting,
    lowStockThreshold: LOW_STOCK_THRESHOLD,
    lowStockCount: low.count,
    lowStockSkus: low.skus.map((sku) => ({
      skuId: sku._id,
      productId: sku.productId,
      productName: names.get(sku.productId) ?? sku.productId,
      specs: { ...sku.specs },
      stock: sku.stock,
    })),
  });
}

const withoutDate = ({ date: _date, ...figures }: DashboardDay): DashboardFigures => figures;
