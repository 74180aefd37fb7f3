import { DAY_MS } from '@domain/clock';
import type { OrderRecord } from '@domain/order/types';
import { AfterSaleErrors } from './errors';
import {
  AFTER_SALE_STATUS_LABELS,
  AFTER_SALE_TRANSITIONS,
  afterSaleEventsFrom,
  isAfterSaleOpen,
  nextAfterSaleStatus,
} from './machine';
import type { AfterSaleRecord } from './record';
import { afterSaleRefundNo, allowedAfterSaleTypes, reasonsFor, RETURN_WINDOW_MS } from './rules';
import { isCloudFileId, requestAfterSaleSchema, resolveAfterSaleSchema } from './schemas';
import { AFTER_SALE_STATUSES } from './types';
import {
  afterSaleEntryFor,
  afterSaleOrderStatusText,
  orderAfterSaleSummary,
  toAfterSaleView,
  toMerchantAfterSaleView,
} from './views';

const NOW = Date.UTC(2026, 10, 25, 2, 0, 0);

const record = (overrides: Partial<AfterSaleRecord> = {}): AfterSaleRecord => ({
  _id: 'o1_1',
  orderId: 'o1',
  orderKind: 'self',
  askerOpenid: 'buyer',
  requester: 'buyer',
  payerOpenid: 'buyer',
  type: 'refund',
  status: 'requested',
  reason: 'noLongerWanted',
  description: '',
  photos: [],
  refundFee: 11800,
  shippedWhenAsked: false,
  merchantNote: null,
  returnShipping: null,
  refund: null,
  createdAt: NOW - 1000,
  resolvedAt: null,
  returnReceivedAt: null,
  refundedAt: null,
  cancelledAt: null,
  updatedAt: NOW - 1000,
  ...overrides,
});

const order = {
  status: 'paid' as const,
  completedAt: null,
  totalFee: 11800,
  items: [{ skuId: 's1', productId: 'p1', name: '杯子', image: '', specs: {}, price: 5900, quantity: 2 }],
};

describe('after-sale state machine', () => {
  it('has a label for every status and only open statuses lead anywhere', () => {
    for (const status of AFTER_SALE_STATUSES) {
      expect(AFTER_SALE_STATUS_LABELS[status]).toMatch(/[\u4e00-\u9fa5]/);
      expect(afterSaleEventsFrom(status).length > 0).toBe(isAfterSaleOpen(status));
      expect(AFTER_SALE_TRANSITIONS[status]).toBeDefined();
    }
  });

  it('approves 仅退款 straight to refunding and 退货退款 to awaiting the goods', () => {
    expect(nextAfterSaleStatus('requested', 'approveRefund')).toBe('refunding');
    expect(nextAfterSaleStatus('requested', 'approveReturn')).toBe('awaitingReturn');
    expect(nextAfterSaleStatus('awaitingReturn', 'shipReturn')).toBe('returnShipped');
    expect(nextAfterSaleStatus('returnShipped', 'confirmReturn')).toBe('refunding');
    expect(nextAfterSaleStatus('refunding', 'refunded')).toBe('refunded');
  });

  it('refuses what is not in the table: no cancel once the goods are on their way back, nothing after a refund', () => {
    expect(nextAfterSaleStatus('returnShipped', 'cancel')).toBeNull();
    expect(nextAfterSaleStatus('refunding', 'cancel')).toBeNull();
    expect(nextAfterSaleStatus('refunded', 'approveRefund')).toBeNull();
    expect(nextAfterSaleStatus('rejected', 'approveRefund')).toBeNull();
  });
});

describe('after-sale rules', () => {
  it('allows 仅退款 once paid, 退货退款 once shipped, both until 7 days after completion', () => {
    expect(allowedAfterSaleTypes({ status: 'pendingPayment', completedAt: null }, NOW)).toEqual([]);
    expect(allowedAfterSaleTypes({ status: 'awaitingRecipient', completedAt: null }, NOW)).toEqual([]);
    expect(allowedAfterSaleTypes({ status: 'paid', completedAt: null }, NOW)).toEqual(['refund']);
    expect(allowedAfterSaleTypes({ status: 'shipped', completedAt: null }, NOW)).toEqual(['refund', 'return']);
    const completedAt = NOW - 6 * DAY_MS;
    expect(allowedAfterSaleTypes({ status: 'completed', completedAt }, NOW)).toEqual(['refund', 'return']);
    expect(allowedAfterSaleTypes({ status: 'completed', completedAt }, completedAt + RETURN_WINDOW_MS)).toEqual([]);
    expect(allowedAfterSaleTypes({ status: 'cancelled', completedAt: null }, NOW)).toEqual([]);
  });

  it('offers reasons that fit: nobody "did not receive" an order not shipped yet', () => {
    expect(reasonsFor('refund', 'paid')).not.toContain('notReceived');
    expect(reasonsFor('refund', 'shipped')).toContain('notReceived');
    expect(reasonsFor('return', 'completed')).not.toContain('notReceived');
    expect(reasonsFor('refund', 'paid')).toContain('other');
  });

  it('derives a stable out_refund_no WeChat Pay accepts from the after-sale id alone', () => {
    expect(afterSaleRefundNo('o20261125100304AbCdEfGhIjKl_2')).toBe('So20261125100304AbCdEfGhIjKl_2');
    expect(afterSaleRefundNo('o20261125100304AbCdEfGhIjKl_2')).toMatch(/^[0-9A-Za-z_]{1,64}$/);
  });
});

describe('after-sale request schemas', () => {
  it('accepts a reason from the list, cleaned words and up to 3 cloud photos', () => {
    const parsed = requestAfterSaleSchema.parse({
      orderId: 'o1',
      type: 'refund',
      reason: 'damaged',
      description: '  盒子破了  ',
      photos: ['cloud://env-1.bucket-1/after-sales/o1/1.jpg'],
    });
    expect(parsed).toMatchObject({ description: '盒子破了', photos: ['cloud://env-1.bucket-1/after-sales/o1/1.jpg'] });
  });

  it('refuses other reasons, foreign photos, a fourth photo and too many words', () => {
    const base = { orderId: 'o1', type: 'refund', reason: 'damaged' };
    expect(requestAfterSaleSchema.safeParse({ ...base, reason: '其他' }).success).toBe(false);
    expect(requestAfterSaleSchema.safeParse({ ...base, photos: ['https://x.example/a.jpg'] }).success).toBe(false);
    const photo = (n: number) => `cloud://env-1.bucket-1/p/${n}.jpg`;
    expect(requestAfterSaleSchema.safeParse({ ...base, photos: [1, 2, 3, 4].map(photo) }).success).toBe(false);
    expect(requestAfterSaleSchema.safeParse({ ...base, description: '字'.repeat(201) }).success).toBe(false);
    expect(isCloudFileId('cloud://env-1.bucket-1/../secret')).toBe(false);
    expect(resolveAfterSaleSchema.safeParse({ afterSaleId: 'o1_1', approve: 'yes' }).success).toBe(false);
  });
});

describe('after-sale views', () => {
  it("gives the asker the amount and what to do next; a gift's recipient sees no price", () => {
    const view = toAfterSaleView(record(), order, NOW);
    expect(view).toMatchObject({ refundFee: 11800, refundTo: 'asker', actions: ['cancel'], statusLabel: '待商家处理' });
    expect(view.items[0]).not.toHaveProperty('price');
    const gift = toAfterSaleView(record({ requester: 'recipient', orderKind: 'gift', status: 'refunded' }), order, NOW);
    expect(gift).toMatchObject({ refundFee: null, refundTo: 'giver' });
    expect(gift.statusHint).toContain('送礼人');
  });

  it('offers asking again after a rejection only while the order still allows one', () => {
    const rejected = record({ status: 'rejected', merchantNote: '请收货后再申请', resolvedAt: NOW });
    expect(toAfterSaleView(rejected, order, NOW).actions).toEqual(['requestAgain']);
    expect(toAfterSaleView(rejected, { ...order, status: 'cancelled' }, NOW).actions).toEqual([]);
  });

  it("gives the merchant the decision's buttons", () => {
    expect(toMerchantAfterSaleView(record(), order, NOW).actions).toEqual(['approve', 'reject']);
    const back = record({ type: 'return', status: 'returnShipped' });
    expect(toMerchantAfterSaleView(back, order, NOW).actions).toEqual(['confirmReturn']);
  });

  it("gives the giver the status only, and the order's entry to whoever may ask", () => {
    const summary = {
      afterSaleId: 'o1_1',
      type: 'refund' as const,
      status: 'refunding' as const,
      askerOpenid: 'r',
      count: 1,
    };
    expect(orderAfterSaleSummary({ afterSale: summary }, false)).toEqual({
      afterSaleId: null,
      type: 'refund',
      status: 'refunding',
      statusLabel: '退款中',
    });
    expect(afterSaleEntryFor({ afterSale: summary, status: 'paid', completedAt: null }, false, NOW)).toBeNull();
    expect(afterSaleEntryFor({ afterSale: summary, status: 'paid', completedAt: null }, true, NOW)).toBe('view');
    expect(afterSaleEntryFor({ afterSale: null, status: 'paid', completedAt: null }, true, NOW)).toBe('apply');
    expect(afterSaleEntryFor({ afterSale: null, status: 'pendingPayment', completedAt: null }, true, NOW)).toBeNull();
  });

  it('labels an order a refund closed', () => {
    const closed: Pick<OrderRecord, 'status' | 'cancelReason' | 'afterSale'> = {
      status: 'cancelled',
      cancelReason: 'afterSaleRefund',
      afterSale: { afterSaleId: 'o1_1', type: 'refund', status: 'refunded', askerOpenid: 'b', count: 1 },
    };
    expect(afterSaleOrderStatusText(closed)?.label).toBe('已退款');
    expect(afterSaleOrderStatusText({ ...closed, cancelReason: 'buyer' })).toBeNull();
  });

  it('has Chinese messages for every error', () => {
    for (const spec of Object.values(AfterSaleErrors)) expect(spec.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
