import {
  buyerActions,
  isOrderFinal,
  isOrderStatus,
  ORDER_EVENTS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  orderEventsFrom,
  transitionOrder,
  type OrderEvent,
  type OrderStatus,
} from './machine';

/**
 * The allowed edges, written out independently of the table. The cross product below refuses
 * everything else, so adding an edge to the table without adding it here fails this test.
 */
const EXPECTED_EDGES: ReadonlyArray<[OrderStatus, OrderEvent, OrderStatus]> = [
  ['pendingPayment', 'pay', 'paid'],
  ['pendingPayment', 'cancel', 'cancelled'],
  ['pendingPayment', 'timeout', 'cancelled'],
  ['pendingPayment', 'payGift', 'awaitingRecipient'],
  ['awaitingRecipient', 'giftAccepted', 'paid'],
  ['awaitingRecipient', 'giftClosed', 'cancelled'],
  ['paid', 'ship', 'shipped'],
  ['shipped', 'confirmReceipt', 'completed'],
  ['shipped', 'autoConfirm', 'completed'],
];

const expectedNext = (status: OrderStatus, event: OrderEvent): OrderStatus | undefined =>
  EXPECTED_EDGES.find(([from, on]) => from === status && on === event)?.[2];

describe('order state machine', () => {
  it('has exactly the statuses and events the shop issue names', () => {
    expect([...ORDER_STATUSES]).toEqual([
      'pendingPayment',
      'awaitingRecipient',
      'paid',
      'shipped',
      'completed',
      'cancelled',
    ]);
    expect([...ORDER_EVENTS]).toEqual([
      'pay',
      'cancel',
      'timeout',
      'ship',
      'confirmReceipt',
      'autoConfirm',
      'payGift',
      'giftAccepted',
      'giftClosed',
    ]);
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('the table holds no event outside ORDER_EVENTS and no target outside ORDER_STATUSES', () => {
    for (const [status, edges] of Object.entries(ORDER_TRANSITIONS)) {
      for (const [event, next] of Object.entries(edges)) {
        expect({ status, event, known: (ORDER_EVENTS as readonly string[]).includes(event) }).toEqual({
          status,
          event,
          known: true,
        });
        expect(isOrderStatus(next)).toBe(true);
      }
    }
  });

  const crossProduct = ORDER_STATUSES.flatMap((status) => ORDER_EVENTS.map((event) => [status, event] as const));

  it.each(crossProduct)('%s --%s--> allowed exactly when expected', (status, event) => {
    const result = transitionOrder(status, event);
    const next = expectedNext(status, event);
    if (next === undefined) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toMatch(/^ORDER\.[A-Z_]+$/);
        expect(result.message.length).toBeGreaterThan(0);
      }
    } else {
      expect(result).toEqual({ ok: true, data: next });
    }
  });

  it('refuses with precise codes where the caller needs them', () => {
    expect(transitionOrder('paid', 'pay')).toMatchObject({ ok: false, code: 'ORDER.ALREADY_PAID' });
    expect(transitionOrder('cancelled', 'pay')).toMatchObject({ ok: false, code: 'ORDER.ALREADY_CANCELLED' });
    expect(transitionOrder('paid', 'cancel')).toMatchObject({ ok: false, code: 'ORDER.CANNOT_CANCEL' });
    expect(transitionOrder('cancelled', 'cancel')).toMatchObject({ ok: false, code: 'ORDER.ALREADY_CANCELLED' });
    expect(transitionOrder('paid', 'confirmReceipt')).toMatchObject({ ok: false, code: 'ORDER.NOT_SHIPPED' });
    expect(transitionOrder('completed', 'ship')).toEqual({
      ok: false,
      code: 'ORDER.INVALID_STATE',
      message: '订单已完成，无法发货',
    });
  });

  it('labels every status in Chinese', () => {
    expect(ORDER_STATUS_LABELS).toEqual({
      pendingPayment: '待付款',
      awaitingRecipient: '待领取',
      paid: '待发货',
      shipped: '已发货',
      completed: '已完成',
      cancelled: '已取消',
    });
  });

  it('derives final statuses and buyer actions from the table', () => {
    expect(ORDER_STATUSES.filter(isOrderFinal)).toEqual(['completed', 'cancelled']);
    expect(orderEventsFrom('pendingPayment')).toEqual(['pay', 'cancel', 'timeout', 'payGift']);
    expect(buyerActions('awaitingRecipient')).toEqual([]);
    expect(transitionOrder('awaitingRecipient', 'cancel')).toMatchObject({ ok: false, code: 'ORDER.CANNOT_CANCEL' });
    expect(transitionOrder('awaitingRecipient', 'pay')).toMatchObject({ ok: false, code: 'ORDER.ALREADY_PAID' });
    expect(buyerActions('pendingPayment')).toEqual(['pay', 'cancel']);
    expect(buyerActions('paid')).toEqual([]);
    expect(buyerActions('shipped')).toEqual(['confirmReceipt']);
    expect(isOrderStatus('paid')).toBe(true);
    expect(isOrderStatus('refunded')).toBe(false);
    expect(isOrderStatus(10)).toBe(false);
  });
});
