import type { OrderRecord } from './types';
import { toMerchantOrderView, toOrderView } from './views';

const ADDRESS = {
  userName: '张三',
  telNumber: '13812345678',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '天河区',
  detailInfo: '体育西路1号',
};

const record = (overrides: Partial<OrderRecord> = {}): OrderRecord => ({
  _id: 'o1',
  kind: 'self',
  openid: 'buyer',
  status: 'pendingPayment',
  items: [
    { skuId: 's1', productId: 'p1', name: '月饼', image: '/a.svg', specs: { 口味: '豆沙' }, price: 1999, quantity: 2 },
  ],
  skuId: 's1',
  quantity: 2,
  totalFee: 3998,
  address: ADDRESS,
  outTradeNo: 'Oo1',
  stockHold: 'held',
  createdAt: 1_000,
  expiresAt: 1_801_000,
  paidAt: null,
  transactionId: null,
  shipping: null,
  completedAt: null,
  cancelledAt: null,
  cancelReason: null,
  updatedAt: 1_000,
  ...overrides,
});

describe('buyer order view', () => {
  it('shows the label, hint, countdown deadline and the buttons of the status', () => {
    const view = toOrderView(record());
    expect(view).toMatchObject({
      orderId: 'o1',
      statusLabel: '待付款',
      statusHint: expect.stringContaining('30分钟'),
      expiresAt: 1_801_000,
      address: ADDRESS,
      actions: ['pay', 'cancel'],
      lateRefund: null,
    });
    expect(toOrderView(record({ status: 'shipped' })).actions).toEqual(['confirmReceipt']);
    expect(toOrderView(record({ status: 'paid' })).actions).toEqual([]);
  });

  it('never shows a gift order’s address to the giver and gives them no buttons', () => {
    const view = toOrderView(record({ kind: 'gift', giftId: 'g1', status: 'awaitingRecipient' }));
    expect(view).toMatchObject({ address: null, actions: [], statusLabel: '待领取' });
  });

  it('shows the giver an accepted gift order with its name and price, never the recipient’s address', () => {
    const accepted = record({
      kind: 'gift',
      giftId: 'g1',
      status: 'paid',
      address: ADDRESS,
      greetingCard: {
        giverNickname: '小明',
        recipientName: '小红',
        greeting: '生日快乐',
        signature: null,
        cardStyle: 'classic',
      },
    });
    const view = toOrderView(accepted);
    expect(view).toMatchObject({ address: null, items: [{ name: '月饼', price: 1999 }], totalFee: 3998 });
    const text = JSON.stringify(view);
    for (const secret of [ADDRESS.telNumber, ADDRESS.detailInfo, ADDRESS.userName]) expect(text).not.toContain(secret);
  });

  it('tells the buyer a late payment is being refunded', () => {
    const latePayment = {
      transactionId: 't',
      totalFee: 3998,
      outRefundNo: 'Ro1',
      receivedAt: 5,
      refundRequestedAt: 6,
      refundId: null,
      refundedAt: null,
    };
    const view = toOrderView(record({ status: 'cancelled', latePayment }));
    expect(view.lateRefund).toEqual({ refundFee: 3998, state: 'processing' });
    expect(view.statusHint).toContain('退回');
    expect(
      toOrderView(record({ status: 'cancelled', latePayment: { ...latePayment, refundedAt: 7 } })).lateRefund,
    ).toEqual({
      refundFee: 3998,
      state: 'refunded',
    });
  });
});

describe('merchant order view', () => {
  const card = { giverNickname: '小明', recipientName: '小红', greeting: '生日快乐', signature: null };

  it('has the full address and can ship paid orders only', () => {
    expect(toMerchantOrderView(record({ status: 'paid' }), null)).toMatchObject({
      buyerOpenid: 'buyer',
      address: ADDRESS,
      canShip: true,
      giftCard: null,
    });
    expect(toMerchantOrderView(record(), null).canShip).toBe(false);
  });

  it('takes a gift order’s address and card from the gift, or the card copied on the order', () => {
    const gift = record({ kind: 'gift', giftId: 'g1', status: 'paid', address: null });
    expect(toMerchantOrderView(gift, { ...card, address: ADDRESS, cardStyle: 'birthday' })).toMatchObject({
      address: ADDRESS,
      giftCard: { ...card, cardStyle: 'birthday', cardStyleName: '生日快乐' },
      canShip: true,
    });
    expect(toMerchantOrderView(gift, null)).toMatchObject({ address: null, giftCard: null, canShip: false });
    expect(toMerchantOrderView({ ...gift, greetingCard: { ...card, cardStyle: 'classic' } }, null).giftCard).toEqual({
      ...card,
      cardStyle: 'classic',
      cardStyleName: '经典',
    });
  });
});
