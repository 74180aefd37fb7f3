/**
 * The after-sale state machine as data: ONE table `status × event → next status` (docs/domain.md,
 * "After-sales"). Writes that follow a transition are conditional updates on the expected status.
 */
import type { AfterSaleStatus, AfterSaleType } from './types';

export const AFTER_SALE_EVENTS = [
  'approveRefund', // the merchant approves 仅退款: the refund is decided
  'approveReturn', // the merchant approves 退货退款: the asker sends the goods back
  'reject', // the merchant rejects, with a note (the asker may ask again)
  'cancel', // the asker withdraws it
  'shipReturn', // the asker entered the return parcel's carrier and number
  'confirmReturn', // the merchant received the goods back: the refund is decided
  'refunded', // WeChat Pay confirmed the refund
] as const;
export type AfterSaleEvent = (typeof AFTER_SALE_EVENTS)[number];

type TransitionTable = { readonly [S in AfterSaleStatus]: { readonly [E in AfterSaleEvent]?: AfterSaleStatus } };

export const AFTER_SALE_TRANSITIONS = {
  requested: { approveRefund: 'refunding', approveReturn: 'awaitingReturn', reject: 'rejected', cancel: 'cancelled' },
  awaitingReturn: { shipReturn: 'returnShipped', cancel: 'cancelled' },
  returnShipped: { confirmReturn: 'refunding' },
  refunding: { refunded: 'refunded' },
  refunded: {},
  rejected: {},
  cancelled: {},
} as const satisfies TransitionTable;

export const AFTER_SALE_STATUS_LABELS = {
  requested: '待商家处理',
  awaitingReturn: '待寄回商品',
  returnShipped: '待商家收货',
  refunding: '退款中',
  refunded: '退款成功',
  rejected: '商家已拒绝',
  cancelled: '已撤销',
} as const satisfies Record<AfterSaleStatus, string>;

export const AFTER_SALE_TYPE_LABELS = {
  refund: '仅退款',
  return: '退货退款',
} as const satisfies Record<AfterSaleType, string>;

/** Statuses of an after-sale still in progress: an order has at most one of these at a time. */
export const OPEN_AFTER_SALE_STATUSES = [
  'requested',
  'awaitingReturn',
  'returnShipped',
  'refunding',
] as const satisfies readonly AfterSaleStatus[];

export const isAfterSaleOpen = (status: AfterSaleStatus): boolean =>
  (OPEN_AFTER_SALE_STATUSES as readonly AfterSaleStatus[]).includes(status);

/** The event the merchant's approval is for this type. */
export const approvalEvent = (type: AfterSaleType): AfterSaleEvent =>
  type === 'refund' ? 'approveRefund' : 'approveReturn';

/** The next status, or null when the table has no such edge. */
export function nextAfterSaleStatus(status: AfterSaleStatus, event: AfterSaleEvent): AfterSaleStatus | null {
  return (AFTER_SALE_TRANSITIONS[status] as { readonly [E in AfterSaleEvent]?: AfterSaleStatus })[event] ?? null;
}

export const afterSaleEventsFrom = (status: AfterSaleStatus): AfterSaleEvent[] =>
  AFTER_SALE_EVENTS.filter((event) => nextAfterSaleStatus(status, event) !== null);
