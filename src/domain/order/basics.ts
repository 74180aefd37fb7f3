/**
 * The order's smallest shapes, with no imports but money: contracts.ts re-exports them, and the
 * domain modules that contracts.ts itself imports (gift delivery, after-sale types) use them from here
 * so no import cycle runs through the contract.
 */
import type { Fen } from '@domain/money';

export type OrderKind = 'self' | 'gift';
/** What the buyer may do next on the order page. */
export type OrderBuyerAction = 'pay' | 'cancel' | 'confirmReceipt';
/** Why an order was cancelled. */
export type OrderCancelReason = 'buyer' | 'timeout' | 'giftClosed' | 'paymentUnavailable' | 'afterSaleRefund';

export interface OrderItem {
  skuId: string;
  productId: string;
  /** product name and first image at the time of ordering */
  name: string;
  image: string;
  specs: Record<string, string>;
  /** unit price in fen, read from the database when the order was created */
  price: Fen;
  quantity: number;
}
