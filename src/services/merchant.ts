/**
 * The merchant's back office (店铺管理) through the `merchant` function: who is a merchant, orders to
 * ship, the greeting cards, after-sales, products and the dashboard. Every failure stays a Result whose
 * `message` is the Chinese text to show; the server checks the role on every call.
 */
import { formatAddress } from '@domain/address';
import type { MerchantAfterSaleView, MerchantOrderView, OrderPage, OrderStatus } from '@domain/contracts';
import { failureMessage } from '@domain/errorCatalogue';
import type { MerchantDashboard } from '@domain/merchant/dashboard';
import type { MerchantProduct, MerchantProductSummary, SaveProductRequest } from '@domain/merchant/product';
import type { MerchantIdentity } from '@domain/merchant/requests';
import { formatFen } from '@domain/money';
import { skuLabel } from '@domain/product/specs';
import { fail, ok, type Result } from '@domain/result';
import { resolveImageUrl } from '@/platform/images';
import { callCloud } from './cloud';

export const MERCHANT_PAGE_SIZE = 20;

/** The order page's tabs, in display order. 售后 lists after-sales instead of orders. */
export const MERCHANT_ORDER_TABS: ReadonlyArray<{ key: string; title: string; status?: OrderStatus }> = [
  { key: 'paid', title: '待发货', status: 'paid' },
  { key: 'shipped', title: '已发货', status: 'shipped' },
  { key: 'afterSales', title: '售后' },
  { key: 'all', title: '全部' },
];

export interface MerchantOrderCard extends MerchantOrderView {
  totalText: string;
  /** '北京市北京市朝阳区建国路88号' or null when there is no address yet */
  addressText: string | null;
  /** '李四 13900001111': the merchant sees the whole number to ship */
  contactText: string | null;
  itemLines: Array<{
    key: string;
    name: string;
    imageUrl: string;
    specText: string;
    quantity: number;
    priceText: string;
  }>;
}

const withMessage = <T>(result: Result<T>): Result<T> =>
  result.ok ? result : fail(result.code, failureMessage(result));

export const toMerchantOrderCard = (order: MerchantOrderView): MerchantOrderCard => ({
  ...order,
  totalText: formatFen(order.totalFee),
  addressText: order.address ? formatAddress(order.address) : null,
  contactText: order.address ? `${order.address.userName.trim()} ${order.address.telNumber.trim()}` : null,
  itemLines: order.items.map((item) => ({
    key: item.skuId,
    name: item.name,
    imageUrl: resolveImageUrl(item.image),
    specText: skuLabel(item),
    quantity: item.quantity,
    priceText: formatFen(item.price),
  })),
});

export const whoAmI = async (): Promise<Result<MerchantIdentity>> =>
  withMessage(await callCloud('merchant', { action: 'whoami' }));

export async function listMerchantOrders(
  status: OrderStatus | undefined,
  cursor: string | null,
): Promise<Result<OrderPage<MerchantOrderCard>>> {
  const answer = await callCloud('merchant', {
    action: 'listOrders',
    limit: MERCHANT_PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  });
  if (!answer.ok) return withMessage(answer);
  return ok({ items: answer.data.items.map(toMerchantOrderCard), nextCursor: answer.data.nextCursor });
}

export async function getMerchantOrder(orderId: string): Promise<Result<MerchantOrderCard>> {
  const answer = await callCloud('merchant', { action: 'getOrder', orderId });
  return answer.ok ? ok(toMerchantOrderCard(answer.data)) : withMessage(answer);
}

export async function shipMerchantOrder(
  orderId: string,
  expressCompany: string,
  trackingNo: string,
): Promise<Result<MerchantOrderCard>> {
  const answer = await callCloud('merchant', { action: 'shipOrder', orderId, expressCompany, trackingNo });
  return answer.ok ? ok(toMerchantOrderCard(answer.data)) : withMessage(answer);
}

export async function listMerchantAfterSales(cursor: string | null): Promise<Result<OrderPage<MerchantAfterSaleView>>> {
  return withMessage(
    await callCloud('merchant', { action: 'listAfterSales', limit: MERCHANT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  );
}

export const resolveAfterSale = async (
  afterSaleId: string,
  approve: boolean,
  note: string,
): Promise<Result<MerchantAfterSaleView>> =>
  withMessage(
    await callCloud('merchant', { action: 'resolveAfterSale', afterSaleId, approve, ...(note ? { note } : {}) }),
  );

export const confirmReturn = async (afterSaleId: string): Promise<Result<MerchantAfterSaleView>> =>
  withMessage(await callCloud('merchant', { action: 'confirmReturn', afterSaleId }));

export const listMerchantProducts = async (
  onShelf: boolean | undefined,
  cursor: string | null,
): Promise<Result<OrderPage<MerchantProductSummary>>> =>
  withMessage(
    await callCloud('merchant', {
      action: 'listProducts',
      limit: MERCHANT_PAGE_SIZE,
      ...(onShelf === undefined ? {} : { onShelf }),
      ...(cursor ? { cursor } : {}),
    }),
  );

export const getMerchantProduct = async (productId: string): Promise<Result<MerchantProduct>> =>
  withMessage(await callCloud('merchant', { action: 'getProduct', productId }));

export const saveMerchantProduct = async (request: SaveProductRequest): Promise<Result<MerchantProduct>> =>
  withMessage(await callCloud('merchant', { action: 'saveProduct', ...request }));

export const loadDashboard = async (): Promise<Result<MerchantDashboard>> =>
  withMessage(await callCloud('merchant', { action: 'dashboard' }));
