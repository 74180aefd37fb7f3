/**
 * After-sales (售后): the shapes the buyer's / recipient's pages and the merchant's screen read.
 * Documented in docs/contracts.md ("order" and "merchant") and docs/domain.md ("After-sales").
 * The stored document is ./record.ts's; these are its projections (./views.ts).
 */
import type { Fen } from '@domain/money';
import type { OrderItem, OrderKind } from '@domain/order/basics';
import type { OrderStatus } from '@domain/order/machine';

/** 仅退款 (after payment, before or after shipping) | 退货退款 (after shipping, until 7 days after completion). */
export const AFTER_SALE_TYPES = ['refund', 'return'] as const;
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

/**
 * requested → (refund) refunding → refunded
 * requested → (return) awaitingReturn → returnShipped → refunding → refunded
 * requested → rejected (the asker may ask again); requested | awaitingReturn → cancelled (by the asker).
 */
export const AFTER_SALE_STATUSES = [
  'requested',
  'awaitingReturn',
  'returnShipped',
  'refunding',
  'refunded',
  'rejected',
  'cancelled',
] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

/** The fixed list of reasons, code → what the picker shows. */
export const AFTER_SALE_REASONS = {
  noLongerWanted: '不想要了',
  orderedByMistake: '拍错/多拍',
  shippingTooSlow: '商家发货太慢',
  notReceived: '未收到货',
  damaged: '商品破损/包装损坏',
  qualityIssue: '质量问题',
  notAsDescribed: '商品与描述不符',
  missingParts: '少件/漏发',
  other: '其他原因',
} as const;
export type AfterSaleReason = keyof typeof AFTER_SALE_REASONS;

/** The asker's return parcel (退货物流). */
export interface AfterSaleReturnShipping {
  expressCompany: string;
  trackingNo: string;
  shippedAt: number;
}

/** One step of the progress bar on 售后详情. */
export interface AfterSaleStep {
  label: string;
  /** when it happened; null while it has not */
  at: number | null;
  done: boolean;
}

/** What the asker may do next on 售后详情. */
export type AfterSaleAction = 'cancel' | 'submitReturnShipping' | 'requestAgain';
/** What the merchant may do next. */
export type MerchantAfterSaleAction = 'approve' | 'reject' | 'confirmReturn';

/** The asker's view (the buyer of a self order, or the recipient of a gift order). */
export interface AfterSaleView {
  afterSaleId: string;
  orderId: string;
  type: AfterSaleType;
  /** 仅退款 / 退货退款 */
  typeLabel: string;
  status: AfterSaleStatus;
  /** 待商家处理 / 待寄回商品 / 待商家收货 / 退款中 / 退款成功 / 商家已拒绝 / 已撤销 */
  statusLabel: string;
  statusHint: string;
  reason: AfterSaleReason;
  reasonLabel: string;
  /** the asker's own words ('' when none) */
  description: string;
  /** cloud:// file ids, at most 3 */
  photos: string[];
  /** the amount refunded (the whole amount paid); null for a gift's recipient (the price is the giver's) */
  refundFee: Fen | null;
  /** who gets the money: the asker, or the giver of a gift (原路退回) */
  refundTo: 'asker' | 'giver';
  /** the merchant's note when approving or rejecting */
  merchantNote: string | null;
  returnShipping: AfterSaleReturnShipping | null;
  /** the order's line, for the page header (prices stay in refundFee's rule) */
  items: Array<Omit<OrderItem, 'price'>>;
  steps: AfterSaleStep[];
  createdAt: number;
  resolvedAt: number | null;
  refundedAt: number | null;
  actions: AfterSaleAction[];
}

/** The merchant's view: everything needed to decide, with the amount and who asked. */
export interface MerchantAfterSaleView extends Omit<AfterSaleView, 'actions' | 'refundFee' | 'items'> {
  refundFee: Fen;
  /** the buyer of a self order, or the recipient of a gift order */
  requester: 'buyer' | 'recipient';
  orderKind: OrderKind;
  orderStatus: OrderStatus;
  items: OrderItem[];
  totalFee: Fen;
  actions: MerchantAfterSaleAction[];
}

/**
 * The order's after-sale summary (order views of the buyer, the giver and the merchant). The
 * giver of a gift gets the status only: `afterSaleId` is null for anybody who did not ask.
 */
export interface OrderAfterSaleSummary {
  afterSaleId: string | null;
  type: AfterSaleType;
  status: AfterSaleStatus;
  statusLabel: string;
}

/** Where the order page's after-sales entry stands for the viewer: 申请售后, 查看售后, or none. */
export type AfterSaleEntry = 'apply' | 'view' | null;

export interface RequestAfterSaleRequest {
  orderId: string;
  type: AfterSaleType;
  reason: AfterSaleReason;
  /** optional words, at most 200 characters */
  description?: string | undefined;
  /** cloud:// file ids, at most 3 */
  photos?: string[] | undefined;
}

export interface SubmitReturnShippingRequest {
  afterSaleId: string;
  expressCompany: string;
  trackingNo: string;
}

export interface ListAfterSalesRequest {
  status?: AfterSaleStatus | undefined;
  cursor?: string | undefined;
  /** 1..50, default 20 */
  limit?: number | undefined;
}

export interface ResolveAfterSaleRequest {
  afterSaleId: string;
  approve: boolean;
  /** required when rejecting (why), optional when approving (e.g. the return address) */
  note?: string | undefined;
}
