/**
 * The order state machine as data: ONE table `status × event → next status`. Everything else
 * (`transition`, the buttons a page shows, the tests) is read from it. The database write that
 * follows a transition is a conditional update on the expected status (`where({ _id, status })`)
 * whose `stats.updated === 1` is checked, so two racing writers cannot both move the same order.
 */
import type { ErrorSpec } from '@domain/errors';
import { fail, ok, type Result } from '@domain/result';
import { OrderErrors } from './errors';

export const ORDER_STATUSES = [
  'pendingPayment',
  'awaitingRecipient',
  'paid',
  'shipped',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = [
  'pay', // the payment callback confirmed the amount
  'cancel', // the buyer cancels an unpaid order
  'timeout', // the payment window (30 min) passed: the sweep cancels and releases stock
  'ship', // the merchant ships
  'confirmReceipt', // the buyer confirms receipt
  'autoConfirm', // nobody confirmed within the receipt window: the sweep completes it
  'payGift', // the payment callback confirmed a gift order: it now waits for the recipient
  'giftAccepted', // the recipient accepted the gift (and gave an address): ready to ship
  'giftClosed', // the gift expired or was declined: the order is cancelled (refund is the gift's job)
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

type TransitionTable = { readonly [S in OrderStatus]: { readonly [E in OrderEvent]?: OrderStatus } };

export const ORDER_TRANSITIONS = {
  pendingPayment: { pay: 'paid', cancel: 'cancelled', timeout: 'cancelled', payGift: 'awaitingRecipient' },
  awaitingRecipient: { giftAccepted: 'paid', giftClosed: 'cancelled' },
  paid: { ship: 'shipped' },
  shipped: { confirmReceipt: 'completed', autoConfirm: 'completed' },
  completed: {},
  cancelled: {},
} as const satisfies TransitionTable;

export const ORDER_STATUS_LABELS = {
  pendingPayment: '待付款',
  awaitingRecipient: '待领取',
  paid: '待发货',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
} as const satisfies Record<OrderStatus, string>;

export const ORDER_EVENT_LABELS = {
  pay: '支付',
  cancel: '取消订单',
  timeout: '超时取消',
  ship: '发货',
  confirmReceipt: '确认收货',
  autoConfirm: '自动确认收货',
  payGift: '支付礼物',
  giftAccepted: '礼物领取',
  giftClosed: '礼物关闭',
} as const satisfies Record<OrderEvent, string>;

/** Why an edge that is not in the table is refused, where a precise code helps the caller. */
const REFUSALS: { readonly [E in OrderEvent]?: { readonly [S in OrderStatus]?: ErrorSpec } } = {
  pay: {
    awaitingRecipient: OrderErrors.ALREADY_PAID,
    paid: OrderErrors.ALREADY_PAID,
    shipped: OrderErrors.ALREADY_PAID,
    completed: OrderErrors.ALREADY_PAID,
    cancelled: OrderErrors.ALREADY_CANCELLED,
  },
  cancel: {
    awaitingRecipient: OrderErrors.CANNOT_CANCEL,
    paid: OrderErrors.CANNOT_CANCEL,
    shipped: OrderErrors.CANNOT_CANCEL,
    completed: OrderErrors.CANNOT_CANCEL,
    cancelled: OrderErrors.ALREADY_CANCELLED,
  },
  confirmReceipt: {
    pendingPayment: OrderErrors.NOT_SHIPPED,
    awaitingRecipient: OrderErrors.NOT_SHIPPED,
    paid: OrderErrors.NOT_SHIPPED,
  },
};

export const isOrderStatus = (value: unknown): value is OrderStatus =>
  typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);

const nextOf = (status: OrderStatus, event: OrderEvent): OrderStatus | undefined =>
  (ORDER_TRANSITIONS[status] as { readonly [E in OrderEvent]?: OrderStatus })[event];

/** The next status, or a refusal with a stable code (ORDER.INVALID_STATE unless a more precise one applies). */
export function transitionOrder(status: OrderStatus, event: OrderEvent): Result<OrderStatus> {
  const next = nextOf(status, event);
  if (next !== undefined) return ok(next);
  const precise = REFUSALS[event]?.[status];
  if (precise) return fail(precise.code, precise.message);
  return fail(OrderErrors.INVALID_STATE.code, `订单${ORDER_STATUS_LABELS[status]}，无法${ORDER_EVENT_LABELS[event]}`);
}

/** Events the table allows from a status, in ORDER_EVENTS order (e.g. which buttons to show). */
export const orderEventsFrom = (status: OrderStatus): OrderEvent[] =>
  ORDER_EVENTS.filter((event) => nextOf(status, event) !== undefined);

export const isOrderFinal = (status: OrderStatus): boolean => orderEventsFrom(status).length === 0;

/** Events the buyer triggers from the order page (the rest come from callbacks, sweeps or the merchant). */
export const BUYER_ORDER_EVENTS = ['pay', 'cancel', 'confirmReceipt'] as const satisfies readonly OrderEvent[];

export const buyerActions = (status: OrderStatus): OrderEvent[] =>
  orderEventsFrom(status).filter((event) => (BUYER_ORDER_EVENTS as readonly OrderEvent[]).includes(event));

/** `transition` as the task names it; prefer `transitionOrder` where gift code is imported too. */
export const transition = transitionOrder;
