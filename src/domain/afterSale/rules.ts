/**
 * Who may ask for what, and when (docs/domain.md, "After-sales"), as WeChat shops do:
 * - 仅退款 from payment on: before shipping (the order is closed and the stock comes back) and after;
 * - 退货退款 once shipped;
 * - both until RETURN_WINDOW_MS after the order completed (receipt confirmed or auto-confirmed);
 * - one open after-sale per order; after a rejection or a cancellation the asker may ask again.
 */
import { DAY_MS } from '@domain/clock';
import type { OrderStatus } from '@domain/order/machine';
import { AFTER_SALE_REASONS, type AfterSaleReason, type AfterSaleType } from './types';

/** 退货退款 / 仅退款 stay possible this long after the order completed. */
export const RETURN_WINDOW_MS = 7 * DAY_MS;
export const MAX_AFTER_SALE_PHOTOS = 3;
export const AFTER_SALE_DESCRIPTION_MAX = 200;
export const AFTER_SALE_NOTE_MAX = 200;

/** What the rules read of an order. */
export interface AfterSaleOrderFacts {
  status: OrderStatus;
  completedAt: number | null;
}

/** The types the asker may choose now ([] when none). */
export function allowedAfterSaleTypes(order: AfterSaleOrderFacts, now: number): AfterSaleType[] {
  switch (order.status) {
    case 'paid':
      return ['refund'];
    case 'shipped':
      return ['refund', 'return'];
    case 'completed':
      return order.completedAt !== null && now < order.completedAt + RETURN_WINDOW_MS ? ['refund', 'return'] : [];
    default:
      return [];
  }
}

/** Whether the order had been shipped (a refund then returns no stock). */
export const wasShipped = (status: OrderStatus): boolean => status === 'shipped' || status === 'completed';

const REASONS_BEFORE_SHIPPING: readonly AfterSaleReason[] = [
  'noLongerWanted',
  'orderedByMistake',
  'shippingTooSlow',
  'other',
];
const REFUND_REASONS_AFTER_SHIPPING: readonly AfterSaleReason[] = [
  'notReceived',
  'noLongerWanted',
  'damaged',
  'qualityIssue',
  'notAsDescribed',
  'missingParts',
  'other',
];
const RETURN_REASONS: readonly AfterSaleReason[] = [
  'noLongerWanted',
  'orderedByMistake',
  'damaged',
  'qualityIssue',
  'notAsDescribed',
  'missingParts',
  'other',
];

/** The reasons the picker offers for this type in this order's situation. */
export function reasonsFor(type: AfterSaleType, orderStatus: OrderStatus): readonly AfterSaleReason[] {
  if (type === 'return') return RETURN_REASONS;
  return wasShipped(orderStatus) ? REFUND_REASONS_AFTER_SHIPPING : REASONS_BEFORE_SHIPPING;
}

export const reasonLabel = (reason: AfterSaleReason): string => AFTER_SALE_REASONS[reason];

/** The after-sale's out_refund_no: derived from its id alone, so every retry is the same refund. */
export const afterSaleRefundNo = (afterSaleId: string): string => `S${afterSaleId}`;
