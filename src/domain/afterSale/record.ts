/**
 * The `afterSales` collection's documents, as stored (owner: server/afterSales.ts). The client sees
 * ./views.ts's projections, never this. Documented in docs/contracts.md ("afterSales collection").
 */
import type { Fen } from '@domain/money';
import type { OrderKind } from '@domain/contracts';
import type { AfterSaleReason, AfterSaleReturnShipping, AfterSaleStatus, AfterSaleType } from './types';

/**
 * The refund an after-sale decided. Written (with refundRequestedAt null) in the SAME conditional
 * update that moves the after-sale to `refunding`, before WeChat Pay is called: a crash after the
 * decision is finished by the sweep with the same out_refund_no.
 */
export interface AfterSaleRefundRecord {
  outTradeNo: string;
  outRefundNo: string;
  refundFee: Fen;
  /** when WeChat Pay accepted the request; null until then (the sweep requests it) */
  refundRequestedAt: number | null;
  refundId: string | null;
  lastError: string | null;
}

export interface AfterSaleRecord {
  /** `<orderId>_<n>`: the order's n-th after-sale */
  _id: string;
  orderId: string;
  orderKind: OrderKind;
  /** who asked: the buyer of a self order, the recipient of a gift order */
  askerOpenid: string;
  requester: 'buyer' | 'recipient';
  /** who paid (the giver for a gift): the refund goes back to this payment */
  payerOpenid: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  reason: AfterSaleReason;
  description: string;
  photos: string[];
  /** the amount paid, refunded in full */
  refundFee: Fen;
  /** whether the order had been shipped when this was asked */
  shippedWhenAsked: boolean;
  merchantNote: string | null;
  returnShipping: AfterSaleReturnShipping | null;
  refund: AfterSaleRefundRecord | null;
  createdAt: number;
  resolvedAt: number | null;
  returnReceivedAt: number | null;
  refundedAt: number | null;
  cancelledAt: number | null;
  updatedAt: number;
}

/** What the order keeps of its latest after-sale (server/orders.ts writes it, the views read it). */
export interface OrderAfterSaleRecord {
  afterSaleId: string;
  type: AfterSaleType;
  status: AfterSaleStatus;
  /** who asked (so the order views know whom to give the id) */
  askerOpenid: string;
  /** how many after-sales the order has had: the next id's number */
  count: number;
}
