/**
 * The `gifts` collection: document shape and conversion to the domain's GiftRecord.
 * `_id` is the gift id. Flat productId/skuId/price mirror the snapshot for queries and the merchant.
 */
import type { GiftRecord } from '../../src/domain/gift/views';

export const GIFTS = 'gifts';

export type GiftDoc = Omit<GiftRecord, 'giftId'> & {
  _id: string;
  orderId: string;
  productId: string;
  skuId: string;
  /** fen, the unit price from the database at creation (== unitPrice) */
  price: number;
  updatedAt: number;
  cancelledAt?: number | null;
  /** set when cloudPay.refund answered SUCCESS (the latest request) */
  refundRequestedAt?: number | null;
  /** how many times a refund was requested (all with the same out_refund_no) */
  refundAttempts?: number;
  /** the WeChat Pay refund id from the refund callback */
  refundId?: string | null;
  /** acceptance steps done (resumable): see server/gifts/accept.ts */
  acceptSteps?: AcceptSteps;
  /** stock hold released after expiry/decline (idempotent marker) */
  stockReleasedAt?: number | null;
  /** the order was cancelled after expiry/decline */
  orderClosedAt?: number | null;
};

export interface AcceptSteps {
  /** the SKU the recipient asked for, recorded with the acceptance itself */
  targetSkuId: string;
  skuSwitched?: boolean;
  stockCommitted?: boolean;
  orderUpdated?: boolean;
  giverNotified?: boolean;
}

export function toGiftRecord(doc: GiftDoc): GiftRecord {
  const { _id, ...rest } = doc;
  return { ...rest, giftId: _id };
}
