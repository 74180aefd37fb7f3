/**
 * The `orders` collection's documents, as stored. `_id` is the order id (at most 31 characters of
 * [0-9A-Za-z_-], see `outTradeNo`). The client sees ./views.ts's projections, never this.
 * Documented in docs/contracts.md ("orders collection").
 */
import type { Address } from '@domain/address';
import type { OrderAfterSaleRecord } from '@domain/afterSale/record';
import type { GiftCardSummary, OrderCancelReason, OrderItem, OrderKind, OrderShipping } from '@domain/contracts';
import type { Fen } from '@domain/money';
import type { OrderStatus } from './machine';

/**
 * Where the order's stock hold stands (hold id = order id, see server/stock.ts):
 * 'held' from creation until the hold is released (cancel / timeout) or committed (paid, or the gift
 * accepted). A cancelled order still 'held' is what the sweep's recovery pass releases.
 */
export type StockHoldState = 'held' | 'released' | 'committed';

/** A payment that arrived after the order was cancelled; refunded with a stable out_refund_no. */
export interface LatePaymentRecord {
  transactionId: string;
  totalFee: Fen;
  outRefundNo: string;
  receivedAt: number;
  refundRequestedAt: number | null;
  refundId: string | null;
  refundedAt: number | null;
}

/** A notification whose amount did not match: kept for the merchant, never acted on automatically. */
export interface PaymentAnomalyRecord {
  transactionId: string;
  paidFee: unknown;
  receivedAt: number;
}

/** The card the merchant prints and packs with a gift (set when the recipient accepts). */
export interface PrintedGreetingCard extends GiftCardSummary {
  /** the card design the giver chose (gift/rules CARD_STYLES) */
  cardStyle: string;
}

/**
 * One record for both kinds. A gift order (`kind: 'gift'`) is written by server/orders.ts like any
 * other: its `_id` is the gift id, `giftId` names the gift, `items` are ordinary OrderItems, and the
 * address stays null until the recipient accepts (the giver's view never shows it).
 */
export interface OrderRecord {
  _id: string;
  kind: OrderKind;
  /** the buyer (for gifts: the giver) */
  openid: string;
  status: OrderStatus;
  /** one line today; an array so a cart can come later without a migration */
  items: OrderItem[];
  /** the line's SKU and quantity, flat: what the stock hold is about */
  skuId: string;
  quantity: number;
  totalFee: Fen;
  /** self orders: the buyer's address; gift orders: the recipient's once accepted, else null */
  address: Address | null;
  outTradeNo: string;
  /** gift orders: the gift document this order pays for */
  giftId?: string;
  stockHold: StockHoldState;
  /** the stock hold id in skus.holds; absent = the order id */
  holdId?: string;
  createdAt: number;
  /** payment deadline: createdAt + PAYMENT_WINDOW_MS */
  expiresAt: number;
  paidAt: number | null;
  transactionId: string | null;
  shipping: OrderShipping | null;
  completedAt: number | null;
  cancelledAt: number | null;
  cancelReason: OrderCancelReason | null;
  /** gift orders: who accepted the gift (she may open the order and follow the parcel, without prices) */
  recipientOpenid?: string | null;
  /** notices sent about the order, by kind ('shipped'), with when: each is sent once */
  notices?: Record<string, number>;
  /** completed by the 10-days-after-shipping sweep rather than by the buyer */
  autoCompleted?: boolean;
  /** gift orders: the printed card, copied onto the order on acceptance */
  greetingCard?: PrintedGreetingCard | null;
  latePayment?: LatePaymentRecord | null;
  paymentAnomaly?: PaymentAnomalyRecord | null;
  /** the latest after-sale (server/afterSales.ts asks server/orders.ts to keep it current) */
  afterSale?: OrderAfterSaleRecord | null;
  updatedAt: number;
}
