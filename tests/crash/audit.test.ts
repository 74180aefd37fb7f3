/**
 * The crash test's audit catches what it promises to: a consistent snapshot passes, and each kind of
 * damage a crash can leave is reported with its invariant and record.
 */
import { audit, type AuditSnapshot, type SkuCount } from './audit';

const notified = { functionName: 'payCallback', delivered: true, gaveUp: false, attempts: [{}] };

/** One paid order, one cancelled unpaid order, one gift refunded after a decline; stock adds up. */
function consistent(): AuditSnapshot {
  return {
    skus: [{ _id: 'sku1', stock: 7, sales: 12, holds: [] }],
    orders: [
      { _id: 'o1', status: 'paid', skuId: 'sku1', quantity: 2, totalFee: 200, outTradeNo: 'Oo1' },
      { _id: 'o2', status: 'cancelled', skuId: 'sku1', quantity: 1, totalFee: 100, outTradeNo: 'Oo2' },
      {
        _id: 'g1',
        status: 'cancelled',
        kind: 'gift',
        giftId: 'g1',
        skuId: 'sku1',
        quantity: 1,
        totalFee: 100,
        outTradeNo: 'Gg1',
      },
    ],
    gifts: [{ _id: 'g1', status: 'refundedOnDecline', orderId: 'g1', outTradeNo: 'Gg1', totalFee: 100 }],
    payments: [
      { _id: 'Oo1', outTradeNo: 'Oo1', state: 'SUCCESS', totalFee: 200, transactionId: 't1', notify: notified },
      { _id: 'Oo2', outTradeNo: 'Oo2', state: 'CLOSED', totalFee: 100, transactionId: null, notify: notified },
      { _id: 'Gg1', outTradeNo: 'Gg1', state: 'REFUND', totalFee: 100, transactionId: 't3', notify: notified },
    ],
    refunds: [{ _id: 'Rg1', outRefundNo: 'Rg1', outTradeNo: 'Gg1', refundFee: 100, totalFee: 100, state: 'SUCCESS' }],
  };
}
const initial = new Map<string, SkuCount>([['sku1', { stock: 9, sales: 10 }]]);

it('passes a snapshot where money and stock add up and everything rests', () => {
  expect(audit(consistent(), initial)).toEqual([]);
});

it("lets a never-paid, cancelled gift order go without its gift (a kill between createGift's two inserts)", () => {
  const snapshot = consistent();
  snapshot.orders.push({ _id: 'g2', status: 'cancelled', kind: 'gift', giftId: 'g2', totalFee: 100, paidAt: null });
  expect(audit(snapshot, initial)).toEqual([]);
});

/** consistent() after an after-sale refunded o1 before shipping: its units back on the shelf, the money back once. */
function afterSaleRefunded(): AuditSnapshot {
  const s = consistent();
  Object.assign(s.orders[0]!, { status: 'cancelled', cancelReason: 'afterSaleRefund' });
  s.skus[0]!.stock += 2;
  s.skus[0]!.sales -= 2;
  s.payments[0]!.state = 'REFUND';
  s.refunds.push({
    _id: 'So1_1',
    outRefundNo: 'So1_1',
    outTradeNo: 'Oo1',
    refundFee: 200,
    totalFee: 200,
    state: 'SUCCESS',
  });
  s.afterSales = [{ _id: 'o1_1', orderId: 'o1', status: 'refunded', refund: { outRefundNo: 'So1_1', refundFee: 200 } }];
  return s;
}

it('counts after-sale refunds: a refunded after-sale adds up, one left refunding or paid twice does not', () => {
  expect(audit(afterSaleRefunded(), initial)).toEqual([]);

  const stuck = afterSaleRefunded();
  stuck.afterSales![0]!.status = 'refunding';
  expect(audit(stuck, initial).join('\n')).toContain('no after-sale left refunding: after-sale o1_1');

  const twice = afterSaleRefunded();
  twice.refunds.push({
    _id: 'So1_1b',
    outRefundNo: 'So1_1',
    outTradeNo: 'Oo1',
    refundFee: 200,
    totalFee: 200,
    state: 'SUCCESS',
  });
  const found = audit(twice, initial).join('\n');
  expect(found).toContain('never refunded more than paid: payment Oo1');
  expect(found).toContain('a refunded after-sale was refunded once: after-sale o1_1');

  const open = afterSaleRefunded();
  Object.assign(open.orders[0]!, { status: 'shipped', cancelReason: null });
  open.skus[0]!.stock -= 2;
  open.skus[0]!.sales += 2;
  expect(audit(open, initial).join('\n')).toContain('a refunded after-sale closed its order: after-sale o1_1');
});

it.each<[string, (snapshot: AuditSnapshot) => void, string]>([
  [
    'money kept for a cancelled order',
    (s) => {
      s.orders[0]!.status = 'cancelled';
      s.skus[0]!.stock += 2;
      s.skus[0]!.sales -= 2;
    },
    'money taken for an order that is not paid is refunded in full: payment Oo1',
  ],
  [
    'a refund of a paid order',
    (s) =>
      s.refunds.push({
        _id: 'R2',
        outRefundNo: 'R2',
        outTradeNo: 'Oo1',
        refundFee: 50,
        totalFee: 200,
        state: 'SUCCESS',
      }),
    'a paid order keeps its money: payment Oo1',
  ],
  [
    'a second refund of a gift',
    (s) =>
      s.refunds.push({
        _id: 'R3',
        outRefundNo: 'R3',
        outTradeNo: 'Gg1',
        refundFee: 100,
        totalFee: 100,
        state: 'SUCCESS',
      }),
    'never refunded more than paid: payment Gg1',
  ],
  ['a paid order without payment', (s) => (s.payments[0]!.transactionId = null), 'a paid order was paid: order o1'],
  [
    'a hold nobody owns',
    (s) => {
      s.skus[0]!.holds = ['ghost'];
      s.skus[0]!.stock -= 1;
    },
    'no hold without an order: sku sku1 hold ghost',
  ],
  ['a lost unit', (s) => (s.skus[0]!.stock -= 1), 'stock + held + sold is conserved: sku sku1'],
  ['a hold of a cancelled order', (s) => (s.skus[0]!.holds = ['o2']), 'no hold of a finished order: sku sku1 hold o2'],
  [
    'a gift stuck refunding',
    (s) => (s.gifts[0]!.status = 'refundingOnDecline'),
    'no gift left in a transitional state: gift g1',
  ],
  [
    'a paid gift order whose gift is missing',
    (s) => {
      s.orders[2]!.paidAt = 1;
      s.gifts = [];
    },
    'every gift order has its gift: order g1',
  ],
  [
    'an unpaid order past its deadline',
    (s) => (s.orders[1]!.status = 'pendingPayment'),
    'no order left in a transitional state: order o2',
  ],
  [
    'an acceptance that stopped half way',
    (s) => {
      s.gifts[0]!.status = 'accepted';
      s.gifts[0]!.acceptSteps = { done: false };
    },
    'an accepted gift finished its steps: gift g1',
  ],
  [
    'a notification never acknowledged',
    (s) => (s.payments[0]!.notify = { ...notified, delivered: false }),
    'every payment notification is acknowledged: payment Oo1',
  ],
])('reports %s', (_, damage, expected) => {
  const snapshot = consistent();
  damage(snapshot);
  const violations = audit(snapshot, initial);
  expect(violations.some((line) => line.startsWith(expected))).toBe(true);
});
