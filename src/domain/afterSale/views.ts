/**
 * What the asker, the merchant and the order pages see of an after-sale: pure projections of the
 * stored records. The giver of a gift never gets an after-sale's id, photos, words or parcel: only
 * its status label on the order (`orderAfterSaleSummary(order, viewer)`).
 */
import type { OrderRecord } from '@domain/order/types';
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS, afterSaleEventsFrom, approvalEvent } from './machine';
import type { AfterSaleRecord } from './record';
import { allowedAfterSaleTypes, reasonLabel } from './rules';
import type {
  AfterSaleAction,
  AfterSaleEntry,
  AfterSaleStatus,
  AfterSaleStep,
  AfterSaleView,
  MerchantAfterSaleAction,
  MerchantAfterSaleView,
  OrderAfterSaleSummary,
} from './types';

const STATUS_HINTS: Record<AfterSaleStatus, string> = {
  requested: '已提交售后申请，等待商家处理',
  awaitingReturn: '商家已同意退货，请寄回商品并填写退货物流',
  returnShipped: '商品已寄回，等待商家确认收货后退款',
  refunding: '退款处理中，款项将原路退回',
  refunded: '退款已原路退回',
  rejected: '商家拒绝了售后申请，可修改后再次申请',
  cancelled: '售后申请已撤销',
};

const GIFT_REFUND_HINT = '，退款将原路退回送礼人';

/**
 * The order's after-sale summary. `withId` for the asker and the merchant; the giver of a gift gets
 * the status only.
 */
export function orderAfterSaleSummary(
  order: Pick<OrderRecord, 'afterSale'>,
  withId: boolean,
): OrderAfterSaleSummary | null {
  const record = order.afterSale;
  if (!record) return null;
  return {
    afterSaleId: withId ? record.afterSaleId : null,
    type: record.type,
    status: record.status,
    statusLabel: AFTER_SALE_STATUS_LABELS[record.status],
  };
}

/**
 * The order's label and hint once an after-sale refund closed it (cancelReason 'afterSaleRefund'):
 * 退款中 / 已退款 instead of 已取消. Null for every other order.
 */
export function afterSaleOrderStatusText(
  order: Pick<OrderRecord, 'status' | 'cancelReason' | 'afterSale'>,
): { label: string; hint: string } | null {
  if (order.status !== 'cancelled' || order.cancelReason !== 'afterSaleRefund') return null;
  if (order.afterSale?.status === 'refunded') return { label: '已退款', hint: '售后退款成功，款项已原路退回' };
  return { label: '退款中', hint: '售后退款处理中，款项将原路退回' };
}

/**
 * 申请售后 / 查看售后 for someone who may ask (the buyer of a self order, the recipient of an
 * accepted gift): 'view' once there is an after-sale (its page offers asking again when allowed),
 * 'apply' while the rules allow one, else null.
 */
export function afterSaleEntryFor(
  order: Pick<OrderRecord, 'afterSale' | 'status' | 'completedAt'>,
  viewerMayAsk: boolean,
  now: number,
): AfterSaleEntry {
  if (!viewerMayAsk) return null;
  if (order.afterSale) return 'view';
  return allowedAfterSaleTypes(order, now).length > 0 ? 'apply' : null;
}

/** The progress steps, as WeChat shops draw them. */
function stepsOf(record: AfterSaleRecord): AfterSaleStep[] {
  const closed = record.status === 'rejected' || record.status === 'cancelled';
  const resolved = record.resolvedAt !== null && record.status !== 'rejected';
  const steps: AfterSaleStep[] = [{ label: '提交申请', at: record.createdAt, done: true }];
  if (closed) {
    steps.push({
      label: AFTER_SALE_STATUS_LABELS[record.status],
      at: record.status === 'rejected' ? record.resolvedAt : record.cancelledAt,
      done: true,
    });
    return steps;
  }
  steps.push({ label: '商家同意', at: resolved ? record.resolvedAt : null, done: resolved });
  if (record.type === 'return') {
    steps.push({
      label: '寄回商品',
      at: record.returnShipping?.shippedAt ?? null,
      done: record.returnShipping !== null,
    });
    steps.push({ label: '商家收货', at: record.returnReceivedAt, done: record.returnReceivedAt !== null });
  }
  steps.push({ label: '退款成功', at: record.refundedAt, done: record.status === 'refunded' });
  return steps;
}

/** What the views read of the order now (asking again depends on its status). */
export type AfterSaleOrderState = Pick<OrderRecord, 'status' | 'completedAt' | 'items'>;

/** The asker's view, with the order's line without prices. */
export function toAfterSaleView(record: AfterSaleRecord, order: AfterSaleOrderState, now: number): AfterSaleView {
  const events = afterSaleEventsFrom(record.status);
  const actions: AfterSaleAction[] = [];
  if (events.includes('cancel')) actions.push('cancel');
  if (events.includes('shipReturn')) actions.push('submitReturnShipping');
  const closedWithoutRefund = record.status === 'rejected' || record.status === 'cancelled';
  if (closedWithoutRefund && allowedAfterSaleTypes(order, now).length > 0) actions.push('requestAgain');
  const forGift = record.requester === 'recipient';
  const refundHint = forGift && (record.status === 'refunding' || record.status === 'refunded') ? GIFT_REFUND_HINT : '';
  return {
    afterSaleId: record._id,
    orderId: record.orderId,
    type: record.type,
    typeLabel: AFTER_SALE_TYPE_LABELS[record.type],
    status: record.status,
    statusLabel: AFTER_SALE_STATUS_LABELS[record.status],
    statusHint: STATUS_HINTS[record.status] + refundHint,
    reason: record.reason,
    reasonLabel: reasonLabel(record.reason),
    description: record.description,
    photos: [...record.photos],
    refundFee: forGift ? null : record.refundFee,
    refundTo: forGift ? 'giver' : 'asker',
    merchantNote: record.merchantNote,
    returnShipping: record.returnShipping ? { ...record.returnShipping } : null,
    items: order.items.map(({ price: _price, ...item }) => ({ ...item, specs: { ...item.specs } })),
    steps: stepsOf(record),
    createdAt: record.createdAt,
    resolvedAt: record.resolvedAt,
    refundedAt: record.refundedAt,
    actions,
  };
}

/** The merchant's view. */
export function toMerchantAfterSaleView(
  record: AfterSaleRecord,
  order: AfterSaleOrderState & Pick<OrderRecord, 'totalFee'>,
  now: number,
): MerchantAfterSaleView {
  const events = afterSaleEventsFrom(record.status);
  const actions: MerchantAfterSaleAction[] = [];
  if (events.includes(approvalEvent(record.type))) actions.push('approve');
  if (events.includes('reject')) actions.push('reject');
  if (events.includes('confirmReturn')) actions.push('confirmReturn');
  const {
    actions: _askerActions,
    refundFee: _hidden,
    items: _unpriced,
    ...shared
  } = toAfterSaleView(record, order, now);
  return {
    ...shared,
    refundFee: record.refundFee,
    requester: record.requester,
    orderKind: record.orderKind,
    orderStatus: order.status,
    items: order.items.map((item) => ({ ...item, specs: { ...item.specs } })),
    totalFee: order.totalFee,
    actions,
  };
}
