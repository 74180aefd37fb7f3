/**
 * Buying for oneself: create, pay, list, cancel and confirm orders through the `order` function, with
 * display-ready views for the pages (money as ¥ text, resolved images, one-line address).
 * Every failure stays a Result whose `message` is the Chinese text to show.
 */
import type { Address } from '@domain/address';
import { formatAddress, formatContact } from '@domain/address';
import type {
  AnyOrderView,
  Fen,
  OrderItem,
  OrderPayment,
  OrderStatus,
  OrderView,
  ParcelTracking,
} from '@domain/contracts';
import { failureMessage } from '@domain/errorCatalogue';
import { formatFen } from '@domain/money';
import { skuLabel } from '@domain/product/specs';
import type { Fail, Result } from '@domain/result';
import { fail, ok } from '@domain/result';
import { rememberAddress } from '@/platform/address';
import { resolveImageUrl } from '@/platform/images';
import { pay, type PaymentOutcome } from '@/platform/payment';
import { callCloud } from './cloud';

export const ORDER_PAGE_SIZE = 10;

/** 我的 / the order list tabs, in display order; `undefined` status = 全部. */
export const ORDER_TABS: ReadonlyArray<{ key: string; title: string; status?: OrderStatus }> = [
  { key: 'all', title: '全部' },
  { key: 'pendingPayment', title: '待付款', status: 'pendingPayment' },
  { key: 'paid', title: '待发货', status: 'paid' },
  { key: 'shipped', title: '已发货', status: 'shipped' },
  { key: 'completed', title: '已完成', status: 'completed' },
  { key: 'cancelled', title: '已取消', status: 'cancelled' },
];

export interface OrderItemView extends Omit<OrderItem, 'price'> {
  /** null on a gift the caller received (its price is the giver's) */
  price: Fen | null;
  imageUrl: string;
  /** '' when the price is not shown */
  priceText: string;
  /** '红色 / M' */
  specText: string;
}

export interface OrderCardView extends Omit<OrderView, 'items' | 'totalFee' | 'viewer' | 'lateRefund'> {
  /** 'recipient': a gift order the caller accepted, shown as 好友送的, without prices */
  viewer: 'buyer' | 'recipient';
  /** null for the recipient */
  totalFee: Fen | null;
  lateRefund: OrderView['lateRefund'];
  /** the recipient's: the gift it came from and who sent it */
  giftId: string | null;
  giverNickname: string | null;
  items: OrderItemView[];
  /** null when the price is not shown (the recipient) */
  totalText: string | null;
  quantityTotal: number;
  /** '广东省广州市天河区…' or null (gift orders) */
  addressText: string | null;
  /** '张三 138****5678' */
  contactText: string | null;
}

export interface PlacedOrder {
  orderId: string;
  outTradeNo: string;
  payment: OrderPayment | null;
  totalFee: Fen;
  expiresAt: number;
}

/** The Chinese text for a failure: the function's own message, else the domain catalogue's for its code. */
export const messageOf = (failure: Fail): string => failureMessage(failure);

const withMessage = <T>(result: Result<T>): Result<T> => (result.ok ? result : fail(result.code, messageOf(result)));

export const toOrderCard = (order: AnyOrderView): OrderCardView => ({
  ...order,
  viewer: order.viewer === 'recipient' ? 'recipient' : 'buyer',
  giftId: order.viewer === 'recipient' ? order.giftId : null,
  giverNickname: order.viewer === 'recipient' ? order.giverNickname : null,
  items: order.items.map((item: OrderView['items'][number] | (Omit<OrderItem, 'price'> & { price: null })) => ({
    ...item,
    imageUrl: resolveImageUrl(item.image),
    priceText: item.price === null ? '' : formatFen(item.price),
    specText: skuLabel(item),
  })),
  totalText: order.totalFee === null ? null : formatFen(order.totalFee),
  quantityTotal: order.items.reduce((sum, item) => sum + item.quantity, 0),
  addressText: order.address ? formatAddress(order.address) : null,
  contactText: order.address ? formatContact(order.address) : null,
});

const mapOrder = (result: Result<AnyOrderView>): Result<OrderCardView> =>
  result.ok ? ok(toOrderCard(result.data)) : withMessage(result);

/** Creates the order (the server prices it and holds the stock) and remembers the address for next time. */
export async function placeOrder(skuId: string, quantity: number, address: Address): Promise<Result<PlacedOrder>> {
  const answer = await callCloud('order', { action: 'createOrder', skuId, quantity, address });
  if (answer.ok) rememberAddress(address);
  return withMessage(answer);
}

export async function getOrder(orderId: string): Promise<Result<OrderCardView>> {
  return mapOrder(await callCloud('order', { action: 'getOrder', orderId }));
}

export async function listOrders(
  status: OrderStatus | undefined,
  cursor: string | null,
): Promise<Result<{ items: OrderCardView[]; nextCursor: string | null }>> {
  const answer = await callCloud('order', {
    action: 'listOrders',
    ...(status ? { status } : {}),
    ...(cursor ? { cursor } : {}),
    limit: ORDER_PAGE_SIZE,
  });
  return answer.ok
    ? ok({ items: answer.data.items.map(toOrderCard), nextCursor: answer.data.nextCursor })
    : withMessage(answer);
}

export async function cancelOrder(orderId: string): Promise<Result<OrderCardView>> {
  return mapOrder(await callCloud('order', { action: 'cancelOrder', orderId }));
}

export async function confirmReceipt(orderId: string): Promise<Result<OrderCardView>> {
  return mapOrder(await callCloud('order', { action: 'confirmReceipt', orderId }));
}

export interface PaymentAttempt {
  outcome: PaymentOutcome;
}

/**
 * Opens the pay sheet for an order. `payment` from createOrder is used when there is one; otherwise
 * (WeChat Pay was unreachable at creation, or paying later) payOrder asks for it again.
 */
export async function payForOrder(
  orderId: string,
  totalFee: Fen,
  description: string,
  known?: { payment: OrderPayment | null; outTradeNo: string },
): Promise<Result<PaymentAttempt>> {
  let payment = known?.payment ?? null;
  let outTradeNo = known?.outTradeNo ?? '';
  if (!payment) {
    const answer = await callCloud('order', { action: 'payOrder', orderId });
    if (!answer.ok) return withMessage(answer);
    payment = answer.data.payment;
    outTradeNo = answer.data.outTradeNo;
  }
  const outcome = await pay(payment, { outTradeNo, totalFee, description });
  return ok({ outcome });
}

/** Where the parcel is (buyer of a self order, recipient of a gift): carrier, number and timeline. */
export async function getTracking(orderId: string): Promise<Result<ParcelTracking>> {
  return withMessage(await callCloud('order', { action: 'getTracking', orderId }));
}
