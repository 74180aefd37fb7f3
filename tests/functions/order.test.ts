/**
 * The real bundled `order` and `payCallback` functions, run by the local cloud: orders through the
 * gateway, payments through the pay simulator (POST /_dev/pay), the 30-minute sweep through the
 * cloud clock. Each test works on its own SKUs (inserted here) so stock arithmetic is exact.
 */
import type { OrderView } from '@domain/contracts';
import type { OrderRecord } from '@domain/order/types';
import type { Result } from '@domain/result';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';

jest.setTimeout(120_000);

const OTHER_USER = 'o-other-user';
const MINUTE = 60_000;

const ADDRESS = {
  userName: '张三',
  telNumber: '13812345678',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '天河区',
  detailInfo: '体育西路1号',
};

let harness: FunctionsHarness;

beforeAll(async () => {
  harness = await startFunctionsHarness({ functions: ['order', 'payCallback', 'merchant'] });
});

afterAll(async () => {
  await harness?.stop();
});

// ---- fixtures ----

interface SkuDoc {
  _id: string;
  productId: string;
  stock: number;
  sales: number;
  price: number;
  onShelf: boolean;
  holds?: string[];
}

let fixtureCount = 0;

/** A fresh product with one SKU of the given stock and price (fen). */
function addSku(options: { stock: number; price?: number; skuOnShelf?: boolean; productOnShelf?: boolean }): string {
  fixtureCount += 1;
  const productId = `test-product-${fixtureCount}`;
  const skuId = `test-sku-${fixtureCount}`;
  harness.cloud.db.insert('products', [
    {
      _id: productId,
      name: `测试商品${fixtureCount}`,
      categoryId: 'food',
      categoryName: '美食',
      images: [`/static/products/test-${fixtureCount}.svg`],
      description: '',
      detailImages: [],
      priceMin: options.price ?? 1999,
      priceMax: options.price ?? 1999,
      sales: 0,
      onShelf: options.productOnShelf ?? true,
      specNames: ['规格'],
      createdAt: new Date(harness.cloud.clock.now()),
    },
  ]);
  harness.cloud.db.insert('skus', [
    {
      _id: skuId,
      productId,
      specs: { 规格: '标准' },
      price: options.price ?? 1999,
      stock: options.stock,
      sales: 0,
      onShelf: options.skuOnShelf ?? true,
    },
  ]);
  return skuId;
}

const skuDoc = (skuId: string): SkuDoc => {
  const [doc] = harness.cloud.db.find('skus', { _id: skuId }) as SkuDoc[];
  if (!doc) throw new Error(`no sku ${skuId}`);
  return doc;
};
const productSales = (productId: string): number =>
  (harness.cloud.db.find('products', { _id: productId }) as Array<{ sales: number }>)[0]?.sales ?? -1;
const orderDoc = (orderId: string): OrderRecord => {
  const [doc] = harness.cloud.db.find('orders', { _id: orderId }) as OrderRecord[];
  if (!doc) throw new Error(`no order ${orderId}`);
  return doc;
};
const orderCount = () => harness.cloud.db.count('orders');

const order = <T>(event: Record<string, unknown>, openid: string = TEST_OPENID) =>
  harness.call<Result<T>>('order', event, openid);

async function okData<T>(event: Record<string, unknown>, openid?: string): Promise<T> {
  const answer = await order<T>(event, openid);
  if (!answer.ok) throw new Error(`${JSON.stringify(event)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

interface Created {
  orderId: string;
  outTradeNo: string;
  payment: { package: string; paySign: string } | null;
  totalFee: number;
  expiresAt: number;
}

const createOrder = (skuId: string, quantity: number, openid?: string) =>
  okData<Created>({ action: 'createOrder', skuId, quantity, address: ADDRESS }, openid);

const getOrder = (orderId: string, openid?: string) => okData<OrderView>({ action: 'getOrder', orderId }, openid);

async function devPay(outTradeNo: string) {
  const response = await fetch(`${harness.cloud.url}/_dev/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The payment notification as WeChat Pay sends it (fields per docs/payment-simulator.md). */
function paymentEvent(outTradeNo: string, overrides: Record<string, unknown> = {}) {
  const payment = harness.cloud.pay.ledger().payments.find((entry) => entry.outTradeNo === outTradeNo);
  return {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo,
    transactionId: payment?.transactionId ?? '4200000000202611250000000001',
    totalFee: payment?.totalFee,
    subOpenid: TEST_OPENID,
    tradeType: 'JSAPI',
    feeType: 'CNY',
    timeEnd: '20261125100304',
    ...overrides,
  };
}

const invokeCallback = (event: Record<string, unknown>) =>
  harness.cloud.services.invoke('payCallback', event, { openid: TEST_OPENID, source: 'wx_paycallback' }) as Promise<{
    errcode: number;
    errmsg: string;
  }>;

// ---- tests ----

describe('createOrder', () => {
  it('prices from the database, holds the stock under the order id and starts the payment', async () => {
    const skuId = addSku({ stock: 10, price: 1999 });
    const created = await createOrder(skuId, 3);
    expect(created.totalFee).toBe(5997);
    expect(created.outTradeNo).toBe(`O${created.orderId}`);
    expect(created.payment?.package).toMatch(/^prepay_id=/);

    const sku = skuDoc(skuId);
    expect(sku.stock).toBe(7);
    expect(sku.holds).toEqual([created.orderId]);

    const view = await getOrder(created.orderId);
    expect(view).toMatchObject({
      orderId: created.orderId,
      kind: 'self',
      status: 'pendingPayment',
      statusLabel: '待付款',
      totalFee: 5997,
      address: ADDRESS,
      paidAt: null,
      shipping: null,
      actions: ['pay', 'cancel'],
    });
    expect(view.items).toEqual([
      {
        skuId,
        productId: sku.productId,
        name: expect.stringMatching(/^测试商品/),
        image: expect.stringMatching(/\.svg$/),
        specs: { 规格: '标准' },
        price: 1999,
        quantity: 3,
      },
    ]);
    expect(view.expiresAt).toBe(view.createdAt + 30 * MINUTE);
    expect(created.expiresAt).toBe(view.expiresAt);

    const [payment] = harness.cloud.pay.ledger().payments.filter((entry) => entry.outTradeNo === created.outTradeNo);
    expect(payment).toMatchObject({ totalFee: 5997, state: 'NOTPAY', spbillCreateIp: '127.0.0.1' });
  });

  it('refuses a client-sent price and changes nothing', async () => {
    const skuId = addSku({ stock: 5, price: 1999 });
    const ordersBefore = orderCount();
    for (const tampered of [{ price: 1 }, { totalFee: 1 }, { unitPrice: 0 }]) {
      const answer = await order({ action: 'createOrder', skuId, quantity: 1, address: ADDRESS, ...tampered });
      expect(answer).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
      if (!answer.ok) expect(answer.message).toContain('价格');
    }
    expect(skuDoc(skuId).stock).toBe(5);
    expect(orderCount()).toBe(ordersBefore);
  });

  describe('bad input is refused with a clear code and no state change', () => {
    let skuId: string;
    let offShelfSku: string;
    let offShelfProductSku: string;
    let soldOutSku: string;

    beforeAll(() => {
      skuId = addSku({ stock: 5 });
      offShelfSku = addSku({ stock: 5, skuOnShelf: false });
      offShelfProductSku = addSku({ stock: 5, productOnShelf: false });
      soldOutSku = addSku({ stock: 0 });
    });

    const cases: Array<[string, () => Record<string, unknown>, string]> = [
      ['negative quantity', () => ({ skuId, quantity: -1 }), 'ORDER.INVALID_QUANTITY'],
      ['fractional quantity', () => ({ skuId, quantity: 1.5 }), 'ORDER.INVALID_QUANTITY'],
      ['zero quantity', () => ({ skuId, quantity: 0 }), 'ORDER.INVALID_QUANTITY'],
      ['quantity 100', () => ({ skuId, quantity: 100 }), 'ORDER.INVALID_QUANTITY'],
      ['huge quantity', () => ({ skuId, quantity: 1e15 }), 'ORDER.INVALID_QUANTITY'],
      ['string quantity', () => ({ skuId, quantity: '2' }), 'COMMON.INVALID_ARGUMENT'],
      ['missing quantity', () => ({ skuId }), 'COMMON.INVALID_ARGUMENT'],
      ['unknown SKU', () => ({ skuId: 'no-such-sku', quantity: 1 }), 'ORDER.SKU_NOT_FOUND'],
      ['off-shelf SKU', () => ({ skuId: offShelfSku, quantity: 1 }), 'ORDER.SKU_OFF_SHELF'],
      ['off-shelf product', () => ({ skuId: offShelfProductSku, quantity: 1 }), 'ORDER.SKU_OFF_SHELF'],
      ['sold out', () => ({ skuId: soldOutSku, quantity: 1 }), 'ORDER.OUT_OF_STOCK'],
      ['more than in stock', () => ({ skuId, quantity: 6 }), 'ORDER.OUT_OF_STOCK'],
      [
        'bad phone',
        () => ({ skuId, quantity: 1, address: { ...ADDRESS, telNumber: '12345' } }),
        'COMMON.INVALID_ARGUMENT',
      ],
      [
        'landline',
        () => ({ skuId, quantity: 1, address: { ...ADDRESS, telNumber: '020-81167888' } }),
        'COMMON.INVALID_ARGUMENT',
      ],
      [
        'empty name',
        () => ({ skuId, quantity: 1, address: { ...ADDRESS, userName: '  ' } }),
        'COMMON.INVALID_ARGUMENT',
      ],
      [
        'missing province',
        () => {
          const { provinceName: _omitted, ...rest } = ADDRESS;
          return { skuId, quantity: 1, address: rest };
        },
        'COMMON.INVALID_ARGUMENT',
      ],
      ['no address', () => ({ skuId, quantity: 1, address: null }), 'COMMON.INVALID_ARGUMENT'],
      ['malformed sku id', () => ({ skuId: { $ne: null }, quantity: 1 }), 'COMMON.INVALID_ARGUMENT'],
    ];

    it.each(cases)('%s', async (_name, request, code) => {
      const stocks = () => [skuId, offShelfSku, offShelfProductSku, soldOutSku].map((id) => skuDoc(id).stock);
      const stocksBefore = stocks();
      const ordersBefore = orderCount();
      const answer = await order({ action: 'createOrder', address: ADDRESS, ...request() });
      expect(answer).toMatchObject({ ok: false, code });
      if (!answer.ok) expect(answer.message.length).toBeGreaterThan(0);
      expect(stocks()).toEqual(stocksBefore);
      expect(orderCount()).toBe(ordersBefore);
    });

    it('names the address field that is wrong', async () => {
      const answer = await order({
        action: 'createOrder',
        skuId,
        quantity: 1,
        address: { ...ADDRESS, telNumber: '123' },
      });
      expect(answer).toMatchObject({ ok: false, message: expect.stringContaining('手机号') });
    });
  });

  it('50 concurrent buyers of the last 3 items: exactly 3 succeed and stock never goes negative', async () => {
    const skuId = addSku({ stock: 3 });
    const ordersBefore = orderCount();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        order<Created>({ action: 'createOrder', skuId, quantity: 1, address: ADDRESS }, `o-buyer-${index}`),
      ),
    );
    const succeeded = answers.filter((answer) => answer.ok);
    const refused = answers.filter((answer) => !answer.ok);
    expect(succeeded).toHaveLength(3);
    expect(refused).toHaveLength(47);
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, code: 'ORDER.OUT_OF_STOCK' });

    const sku = skuDoc(skuId);
    expect(sku.stock).toBe(0);
    const heldBy = succeeded.map((answer) => (answer.ok ? answer.data.orderId : '')).sort();
    expect([...(sku.holds ?? [])].sort()).toEqual(heldBy);
    // refused purchases leave no order behind
    expect(orderCount()).toBe(ordersBefore + 3);
  });
});

describe('payment', () => {
  it('POST /_dev/pay → paid, the hold is committed and sales grow by the quantity', async () => {
    const skuId = addSku({ stock: 10 });
    const created = await createOrder(skuId, 2);
    const productId = skuDoc(skuId).productId;

    const paid = await devPay(created.outTradeNo);
    expect(paid).toMatchObject({ status: 200, body: { state: 'SUCCESS', notified: true } });

    const view = await getOrder(created.orderId);
    expect(view).toMatchObject({ status: 'paid', statusLabel: '待发货', actions: [] });
    expect(view.paidAt).toEqual(expect.any(Number));
    const sku = skuDoc(skuId);
    expect(sku).toMatchObject({ stock: 8, sales: 2, holds: [] });
    expect(productSales(productId)).toBe(2);
    expect(orderDoc(created.orderId)).toMatchObject({
      stockHold: 'committed',
      transactionId: expect.stringMatching(/^4200/),
    });
  });

  it('a callback replayed 5 times (concurrently) makes one transition and commits the stock once', async () => {
    const skuId = addSku({ stock: 10 });
    const created = await createOrder(skuId, 3);
    await devPay(created.outTradeNo);
    const afterFirst = orderDoc(created.orderId);

    const event = paymentEvent(created.outTradeNo);
    const answers = await Promise.all(Array.from({ length: 5 }, () => invokeCallback(event)));
    for (const answer of answers) expect(answer).toEqual({ errcode: 0, errmsg: '' });

    const after = orderDoc(created.orderId);
    expect(after.status).toBe('paid');
    expect(after.paidAt).toBe(afterFirst.paidAt);
    expect(skuDoc(skuId)).toMatchObject({ stock: 7, sales: 3, holds: [] });
    expect(productSales(skuDoc(skuId).productId)).toBe(3);
  });

  it('the very first callback delivered 5 times at once still transitions once', async () => {
    const skuId = addSku({ stock: 10 });
    const created = await createOrder(skuId, 1);
    // Nobody paid through the simulator: these are the notifications themselves, all at once.
    const event = paymentEvent(created.outTradeNo, { totalFee: created.totalFee });
    const answers = await Promise.all(Array.from({ length: 5 }, () => invokeCallback(event)));
    for (const answer of answers) expect(answer.errcode).toBe(0);
    expect(orderDoc(created.orderId)).toMatchObject({ status: 'paid', stockHold: 'committed' });
    expect(skuDoc(skuId)).toMatchObject({ stock: 9, sales: 1, holds: [] });
  });

  it('an amount mismatch is acknowledged, recorded and does not pay the order', async () => {
    const skuId = addSku({ stock: 10, price: 1000 });
    const created = await createOrder(skuId, 1);
    const answer = await invokeCallback(paymentEvent(created.outTradeNo, { totalFee: 1 }));
    expect(answer).toEqual({ errcode: 0, errmsg: '' });
    const doc = orderDoc(created.orderId);
    expect(doc).toMatchObject({ status: 'pendingPayment', paidAt: null, stockHold: 'held' });
    expect(doc.paymentAnomaly).toMatchObject({ paidFee: 1 });
    expect(skuDoc(skuId)).toMatchObject({ stock: 9, sales: 0, holds: [created.orderId] });
  });

  it('a failed payment result changes nothing', async () => {
    const skuId = addSku({ stock: 10 });
    const created = await createOrder(skuId, 1);
    const answer = await invokeCallback(
      paymentEvent(created.outTradeNo, { totalFee: created.totalFee, resultCode: 'FAIL' }),
    );
    expect(answer.errcode).toBe(0);
    expect(orderDoc(created.orderId).status).toBe('pendingPayment');
  });

  it('payCallback refuses to be called by a user (SOURCE wx_client)', async () => {
    const skuId = addSku({ stock: 10 });
    const created = await createOrder(skuId, 1);
    const answer = await harness.call<{ errcode: number }>(
      'payCallback',
      paymentEvent(created.outTradeNo, { totalFee: created.totalFee }),
    );
    expect(answer.errcode).not.toBe(0);
    expect(orderDoc(created.orderId).status).toBe('pendingPayment');
    expect(skuDoc(skuId).sales).toBe(0);
  });

  it('payOrder pays an unpaid order later under the same out_trade_no', async () => {
    const skuId = addSku({ stock: 10 });
    const created = await createOrder(skuId, 1);
    const again = await okData<{ payment: { package: string }; outTradeNo: string }>({
      action: 'payOrder',
      orderId: created.orderId,
    });
    expect(again.outTradeNo).toBe(created.outTradeNo);
    expect(again.payment.package).toBe(created.payment?.package);
    expect(harness.cloud.pay.ledger().payments.filter((entry) => entry.outTradeNo === created.outTradeNo)).toHaveLength(
      1,
    );

    await devPay(created.outTradeNo);
    expect(await order({ action: 'payOrder', orderId: created.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.ALREADY_PAID',
    });
  });
});

describe('cancelling', () => {
  it('the buyer cancels an unpaid order: stock released once, then pay-later and cancel are refused', async () => {
    const skuId = addSku({ stock: 4 });
    const created = await createOrder(skuId, 2);
    expect(skuDoc(skuId).stock).toBe(2);

    const cancelled = await okData<OrderView>({ action: 'cancelOrder', orderId: created.orderId });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消', cancelReason: 'buyer', actions: [] });
    expect(skuDoc(skuId)).toMatchObject({ stock: 4, holds: [] });

    expect(await order({ action: 'cancelOrder', orderId: created.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.ALREADY_CANCELLED',
    });
    expect(await order({ action: 'payOrder', orderId: created.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.ALREADY_CANCELLED',
    });
    // the trade was closed too: the buyer cannot pay it from an old payment sheet
    expect((await devPay(created.outTradeNo)).status).toBe(400);
    expect(skuDoc(skuId).stock).toBe(4);
  });

  it('a paid order cannot be cancelled', async () => {
    const skuId = addSku({ stock: 4 });
    const created = await createOrder(skuId, 1);
    await devPay(created.outTradeNo);
    expect(await order({ action: 'cancelOrder', orderId: created.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.CANNOT_CANCEL',
    });
  });

  it('another user can neither see, list, pay nor cancel my order', async () => {
    const skuId = addSku({ stock: 4 });
    const created = await createOrder(skuId, 1);
    for (const action of ['getOrder', 'cancelOrder', 'payOrder', 'confirmReceipt']) {
      expect(await order({ action, orderId: created.orderId }, OTHER_USER)).toEqual({
        ok: false,
        code: 'ORDER.NOT_FOUND',
        message: '订单不存在',
      });
    }
    const theirs = await okData<{ items: OrderView[] }>({ action: 'listOrders', limit: 50 }, OTHER_USER);
    expect(theirs.items.map((item) => item.orderId)).not.toContain(created.orderId);
    expect(orderDoc(created.orderId).status).toBe('pendingPayment');
    expect(skuDoc(skuId).stock).toBe(3);
  });
});

describe('30-minute auto-cancel', () => {
  it('cancels unpaid orders after 30 minutes and releases their stock exactly once', async () => {
    const skuId = addSku({ stock: 5 });
    const unpaid = await createOrder(skuId, 2);
    const paidOrder = await createOrder(skuId, 1);
    await devPay(paidOrder.outTradeNo);
    expect(skuDoc(skuId)).toMatchObject({ stock: 2, sales: 1 });

    await harness.cloud.clock.advance(29 * MINUTE);
    expect(orderDoc(unpaid.orderId).status).toBe('pendingPayment');

    await harness.cloud.clock.advance(2 * MINUTE);
    // the timer trigger did it (read the document before any getOrder could cancel it lazily)
    expect(orderDoc(unpaid.orderId)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'timeout',
      stockHold: 'released',
    });
    const view = await getOrder(unpaid.orderId);
    expect(view).toMatchObject({ status: 'cancelled', cancelReason: 'timeout', actions: [] });
    expect(orderDoc(unpaid.orderId).stockHold).toBe('released');
    expect(skuDoc(skuId)).toMatchObject({ stock: 4, sales: 1, holds: [] });
    expect(orderDoc(paidOrder.orderId).status).toBe('paid');

    await harness.cloud.clock.advance(30 * MINUTE + MINUTE);
    expect(skuDoc(skuId)).toMatchObject({ stock: 4, sales: 1, holds: [] });

    expect(await order({ action: 'payOrder', orderId: unpaid.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.ALREADY_CANCELLED',
    });
  });

  it('payOrder refuses an expired order even before the sweep ran, and cancels it', async () => {
    const skuId = addSku({ stock: 5 });
    const now = harness.cloud.clock.now();
    const orderId = `oexpired${fixtureCount}`;
    // An order whose window closed a moment ago, as if the trigger had not fired yet.
    harness.cloud.db.insert('orders', [
      {
        _id: orderId,
        kind: 'self',
        openid: TEST_OPENID,
        status: 'pendingPayment',
        items: [],
        skuId,
        quantity: 1,
        totalFee: 1999,
        address: ADDRESS,
        outTradeNo: `O${orderId}`,
        stockHold: 'held',
        createdAt: now - 31 * MINUTE,
        expiresAt: now - MINUTE,
        paidAt: null,
        transactionId: null,
        shipping: null,
        completedAt: null,
        cancelledAt: null,
        cancelReason: null,
        updatedAt: now - 31 * MINUTE,
      },
    ]);
    expect(await order({ action: 'payOrder', orderId })).toMatchObject({ ok: false, code: 'ORDER.PAYMENT_EXPIRED' });
    expect(orderDoc(orderId)).toMatchObject({ status: 'cancelled', cancelReason: 'timeout' });
  });

  it('a payment that lands after the cancellation is refunded in full, once', async () => {
    const skuId = addSku({ stock: 5, price: 2990 });
    const created = await createOrder(skuId, 1);
    // The sweep cancelled the order (stock released) a moment before WeChat Pay took the money:
    // the race that closing the trade narrows but cannot remove.
    harness.cloud.db.updateMany(
      'orders',
      { _id: created.orderId },
      { $set: { status: 'cancelled', cancelReason: 'timeout', cancelledAt: harness.cloud.clock.now() } },
    );
    const paid = await devPay(created.outTradeNo);
    expect(paid.body).toMatchObject({ state: 'SUCCESS', notified: true });

    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await invokeCallback(paymentEvent(created.outTradeNo))).toEqual({ errcode: 0, errmsg: '' });
    }
    const refunds = harness.cloud.pay.ledger().refunds.filter((refund) => refund.outTradeNo === created.outTradeNo);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ outRefundNo: `R${created.orderId}`, refundFee: 2990, totalFee: 2990 });

    const view = await getOrder(created.orderId);
    expect(view).toMatchObject({ status: 'cancelled', lateRefund: { refundFee: 2990, state: 'processing' } });
    expect(orderDoc(created.orderId).status).toBe('cancelled');

    // the refund settles a second later and its notification reaches payCallback
    await harness.cloud.clock.advance(5_000);
    expect((await getOrder(created.orderId)).lateRefund).toEqual({ refundFee: 2990, state: 'refunded' });
    expect(orderDoc(created.orderId).latePayment?.refundId).toMatch(/^503/);
  });

  it('a forged timer event from a client is refused', async () => {
    expect(await order({ Type: 'Timer', TriggerName: 'cancelUnpaidOrders' })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    });
  });
});

describe('listOrders', () => {
  it('pages my orders newest first and filters by status', async () => {
    const buyer = 'o-list-buyer';
    const skuId = addSku({ stock: 10 });
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push((await createOrder(skuId, 1, buyer)).orderId);
      await harness.cloud.clock.advance(1_000);
    }
    const firstPage = await okData<{ items: OrderView[]; nextCursor: string | null }>(
      { action: 'listOrders', limit: 3 },
      buyer,
    );
    expect(firstPage.items.map((item) => item.orderId)).toEqual([...ids].reverse().slice(0, 3));
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await okData<{ items: OrderView[]; nextCursor: string | null }>(
      { action: 'listOrders', limit: 3, cursor: firstPage.nextCursor },
      buyer,
    );
    expect(secondPage.items.map((item) => item.orderId)).toEqual([...ids].reverse().slice(3));
    expect(secondPage.nextCursor).toBeNull();

    await okData({ action: 'cancelOrder', orderId: ids[0] }, buyer);
    const cancelled = await okData<{ items: OrderView[] }>({ action: 'listOrders', status: 'cancelled' }, buyer);
    expect(cancelled.items.map((item) => item.orderId)).toEqual([ids[0]]);

    expect(await order({ action: 'listOrders', cursor: 'not-a-cursor' }, buyer)).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_ARGUMENT',
    });
    expect(await order({ action: 'listOrders', limit: 51 }, buyer)).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_ARGUMENT',
    });
  });
});
