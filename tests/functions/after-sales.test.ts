/**
 * After-sales (售后) end to end through the real bundled functions on the local cloud: `order` (the
 * asker's actions), `merchant` (resolve / confirm), `payCallback` and `refundCallback` (WeChat Pay's
 * notifications), `gift` (gift orders). Money is checked against the pay simulator's ledger to the fen.
 */
import { DAY_MS, MINUTE_MS } from '@domain/clock';
import type { AfterSaleView, MerchantAfterSaleView, OrderView } from '@domain/contracts';
import type { AfterSaleRecord } from '@domain/afterSale/record';
import type { OrderRecord } from '@domain/order/types';
import type { Result } from '@domain/result';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';
import { GIVER, giftTools, privateLeaks, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';

jest.setTimeout(240_000);

const MERCHANT = 'dev-merchant';
const STRANGER = 'o-stranger';
const BUYER = TEST_OPENID;

const ADDRESS = {
  userName: '王五',
  telNumber: '13700002222',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路5号',
};

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['order', 'payCallback', 'refundCallback', 'merchant', 'gift', 'giftExpiry', 'user'],
  });
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const advance = (ms: number) => harness.cloud.clock.advance(ms);
const ledger = () => harness.cloud.pay.ledger();
const refundsOf = (outTradeNo: string) => ledger().refunds.filter((refund) => refund.outTradeNo === outTradeNo);
const orderDoc = (orderId: string) => harness.cloud.db.find('orders', { _id: orderId })[0] as OrderRecord;
const afterSaleDocs = (orderId: string) =>
  harness.cloud.db.find('afterSales', { orderId }) as unknown as AfterSaleRecord[];
const sku = (skuId: string) => harness.cloud.db.find('skus', { _id: skuId })[0] as { stock: number; sales: number };

const call = <T>(name: string, event: Record<string, unknown>, openid: string) =>
  harness.call<Result<T>>(name, event, openid);

async function okData<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = await call<T>(name, event, openid);
  if (!answer.ok) throw new Error(`${name} ${JSON.stringify(event)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

let skuCount = 0;
/** A fresh copy of a seeded SKU with its own stock, so the arithmetic is exact. */
function freshSku(stock = 10): string {
  skuCount += 1;
  const id = `aftersale-sku-${skuCount}`;
  const [template] = harness.cloud.db.find('skus', { _id: 'home-mug-sku01' }) as Array<Record<string, unknown>>;
  harness.cloud.db.insert('skus', [{ ...template, _id: id, stock, sales: 0, holds: [] }]);
  return id;
}

async function paidOrder(skuId: string, quantity = 2): Promise<{ orderId: string; outTradeNo: string }> {
  const created = await okData<{ orderId: string; outTradeNo: string }>(
    'order',
    { action: 'createOrder', skuId, quantity, address: ADDRESS },
    BUYER,
  );
  expect(await t.pay(created.outTradeNo)).toMatchObject({ notified: true });
  expect(orderDoc(created.orderId).status).toBe('paid');
  return created;
}

const SF_NO = 'SF1234567890123';
async function ship(orderId: string, trackingNo = SF_NO): Promise<void> {
  await okData('merchant', { action: 'shipOrder', orderId, expressCompany: '顺丰速运', trackingNo }, MERCHANT);
  expect(orderDoc(orderId).status).toBe('shipped');
}

const ask = (orderId: string, openid: string, extra: Record<string, unknown> = {}) =>
  call<{ afterSaleId: string; status: string }>(
    'order',
    { action: 'requestAfterSale', orderId, type: 'refund', reason: 'noLongerWanted', ...extra },
    openid,
  );

const approve = (afterSaleId: string) =>
  call<MerchantAfterSaleView>('merchant', { action: 'resolveAfterSale', afterSaleId, approve: true }, MERCHANT);

/** WeChat Pay's refund notification as refundCallback receives it (for replays). */
function refundNotice(outRefundNo: string) {
  const refund = ledger().refunds.find((entry) => entry.outRefundNo === outRefundNo);
  if (!refund) throw new Error(`no refund ${outRefundNo}`);
  return {
    returnCode: 'SUCCESS',
    reqInfo: {
      outTradeNo: refund.outTradeNo,
      outRefundNo,
      refundId: refund.refundId,
      refundStatus: 'SUCCESS',
      refundFee: refund.refundFee,
      successTime: '2026-12-01 10:00:00',
    },
  };
}

describe('who may ask', () => {
  it('refuses a stranger and the merchant acting as a buyer, and changes nothing', async () => {
    const { orderId } = await paidOrder(freshSku());
    const before = orderDoc(orderId);
    expect(await ask(orderId, STRANGER)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await ask(orderId, MERCHANT)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await ask('o-no-such-order', BUYER)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(afterSaleDocs(orderId)).toEqual([]);
    expect(orderDoc(orderId)).toEqual(before);
  });

  it('answers every bad input with a code and changes nothing', async () => {
    const skuId = freshSku();
    const { orderId } = await paidOrder(skuId);
    const unpaid = await okData<{ orderId: string }>(
      'order',
      { action: 'createOrder', skuId, quantity: 1, address: ADDRESS },
      BUYER,
    );
    const before = orderDoc(orderId);
    const photo = (n: number) => `cloud://env-1.bucket-1/after-sales/p${n}.jpg`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'return' }, 'AFTERSALE.TYPE_NOT_ALLOWED'], // not shipped yet
      [{ reason: 'notReceived' }, 'AFTERSALE.REASON_NOT_ALLOWED'], // not shipped: cannot be "not received"
      [{ reason: 'whatever' }, 'COMMON.INVALID_ARGUMENT'],
      [{ type: 'exchange' }, 'COMMON.INVALID_ARGUMENT'],
      [{ photos: [photo(1), photo(2), photo(3), photo(4)] }, 'COMMON.INVALID_ARGUMENT'],
      [{ photos: ['https://evil.example/x.jpg'] }, 'COMMON.INVALID_ARGUMENT'],
      [{ photos: [photo(1), photo(1)] }, 'COMMON.INVALID_ARGUMENT'],
      [{ photos: 'cloud://env-1.bucket-1/a.jpg' }, 'COMMON.INVALID_ARGUMENT'],
      [{ description: '太'.repeat(201) }, 'COMMON.INVALID_ARGUMENT'],
      [{ description: 'bad\u0000text' }, 'COMMON.INVALID_ARGUMENT'],
      [{ orderId: '../x' }, 'COMMON.INVALID_ARGUMENT'],
    ];
    for (const [extra, code] of cases) {
      const answer = await ask(orderId, BUYER, extra);
      expect({ extra, answer }).toMatchObject({ extra, answer: { ok: false, code } });
      if (!answer.ok) expect(answer.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await ask(unpaid.orderId, BUYER)).toMatchObject({ ok: false, code: 'AFTERSALE.NOT_ELIGIBLE' });
    expect(afterSaleDocs(orderId)).toEqual([]);
    expect(afterSaleDocs(unpaid.orderId)).toEqual([]);
    expect(orderDoc(orderId)).toEqual(before);
  });
});

describe('仅退款 before shipping', () => {
  it('approving twice, and while the refund notification replays, refunds once, to the fen; the stock comes back', async () => {
    const skuId = freshSku(10);
    const { orderId, outTradeNo } = await paidOrder(skuId, 2);
    expect(sku(skuId)).toMatchObject({ stock: 8, sales: 2 });
    const totalFee = orderDoc(orderId).totalFee;

    const entry = await okData<OrderView>('order', { action: 'getOrder', orderId }, BUYER);
    expect(entry).toMatchObject({ afterSaleEntry: 'apply', afterSale: null });

    const asked = await okData<{ afterSaleId: string; status: string }>(
      'order',
      {
        action: 'requestAfterSale',
        orderId,
        type: 'refund',
        reason: 'orderedByMistake',
        description: '  拍错了颜色  ',
        photos: ['cloud://env-1.bucket-1/after-sales/a.jpg'],
      },
      BUYER,
    );
    expect(asked.status).toBe('requested');
    expect(await ask(orderId, BUYER)).toMatchObject({ ok: false, code: 'AFTERSALE.ALREADY_OPEN' });
    expect(afterSaleDocs(orderId)).toHaveLength(1);

    const view = await okData<AfterSaleView>(
      'order',
      { action: 'getAfterSale', afterSaleId: asked.afterSaleId },
      BUYER,
    );
    expect(view).toMatchObject({
      status: 'requested',
      statusLabel: '待商家处理',
      typeLabel: '仅退款',
      reasonLabel: '拍错/多拍',
      description: '拍错了颜色',
      refundFee: totalFee,
      refundTo: 'asker',
      actions: ['cancel'],
    });
    expect(await call('order', { action: 'getAfterSale', afterSaleId: asked.afterSaleId }, STRANGER)).toMatchObject({
      ok: false,
      code: 'AFTERSALE.NOT_FOUND',
    });
    expect(await okData<OrderView>('order', { action: 'getOrder', orderId }, BUYER)).toMatchObject({
      afterSaleEntry: 'view',
      afterSale: { afterSaleId: asked.afterSaleId, status: 'requested', statusLabel: '待商家处理' },
    });

    // not a merchant: refused, nothing changes
    const doc = afterSaleDocs(orderId)[0];
    for (const event of [
      { action: 'resolveAfterSale', afterSaleId: asked.afterSaleId, approve: true },
      { action: 'confirmReturn', afterSaleId: asked.afterSaleId },
      { action: 'listAfterSales' },
    ]) {
      expect(await call('merchant', event, BUYER)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    }
    expect(afterSaleDocs(orderId)[0]).toEqual(doc);
    expect(refundsOf(outTradeNo)).toEqual([]);

    // the merchant sees it waiting
    const waiting = await okData<{ items: MerchantAfterSaleView[] }>(
      'merchant',
      { action: 'listAfterSales', status: 'requested', limit: 50 },
      MERCHANT,
    );
    expect(waiting.items.find((item) => item.afterSaleId === asked.afterSaleId)).toMatchObject({
      refundFee: totalFee,
      requester: 'buyer',
      actions: ['approve', 'reject'],
    });
    expect(
      await call('merchant', { action: 'resolveAfterSale', afterSaleId: asked.afterSaleId, approve: false }, MERCHANT),
    ).toMatchObject({ ok: false, code: 'AFTERSALE.NOTE_REQUIRED' });

    // two approvals at once, a third after, and refund notifications replayed in between
    const [first, second] = await Promise.all([approve(asked.afterSaleId), approve(asked.afterSaleId)]);
    expect(first).toMatchObject({ ok: true, data: { status: 'refunding' } });
    expect(second).toMatchObject({ ok: true, data: { status: 'refunding' } });
    expect(refundsOf(outTradeNo)).toHaveLength(1);
    // the order is closed at once (it can no longer be shipped) and its stock is back
    expect(orderDoc(orderId)).toMatchObject({ status: 'cancelled', cancelReason: 'afterSaleRefund' });
    expect(sku(skuId)).toMatchObject({ stock: 10, sales: 0 });
    expect(
      await call('merchant', { action: 'shipOrder', orderId, expressCompany: '顺丰速运', trackingNo: SF_NO }, MERCHANT),
    ).toMatchObject({ ok: false });

    await advance(2_000); // the simulator settles the refund after 1 s, then notifies refundCallback
    const outRefundNo = `S${asked.afterSaleId}`;
    const notice = refundNotice(outRefundNo);
    await Promise.all([
      approve(asked.afterSaleId),
      t.backend('refundCallback', notice, 'wx_paycallback'),
      t.backend('refundCallback', notice, 'wx_paycallback'),
      approve(asked.afterSaleId),
    ]);

    const refunds = refundsOf(outTradeNo);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ outRefundNo, refundFee: totalFee, totalFee, state: 'SUCCESS' });
    const payment = ledger().payments.find((entry) => entry.outTradeNo === outTradeNo);
    expect(payment).toMatchObject({ refundedFee: totalFee, payerOpenid: BUYER });
    expect(afterSaleDocs(orderId)[0]).toMatchObject({ status: 'refunded', refund: { refundFee: totalFee } });
    expect(sku(skuId)).toMatchObject({ stock: 10, sales: 0 });

    const done = await okData<OrderView>('order', { action: 'getOrder', orderId }, BUYER);
    expect(done).toMatchObject({
      status: 'cancelled',
      statusLabel: '已退款',
      afterSale: { status: 'refunded', statusLabel: '退款成功' },
      afterSaleEntry: 'view',
    });
    expect(await ask(orderId, BUYER)).toMatchObject({ ok: false, code: 'AFTERSALE.NOT_ELIGIBLE' });
  });

  it('the asker may cancel, and ask again after a rejection', async () => {
    const { orderId, outTradeNo } = await paidOrder(freshSku());
    const first = await okData<{ afterSaleId: string }>(
      'order',
      { action: 'requestAfterSale', orderId, type: 'refund', reason: 'shippingTooSlow' },
      BUYER,
    );
    expect(await call('order', { action: 'cancelAfterSale', afterSaleId: first.afterSaleId }, STRANGER)).toMatchObject({
      ok: false,
      code: 'AFTERSALE.NOT_FOUND',
    });
    const cancelled = await okData<AfterSaleView>(
      'order',
      { action: 'cancelAfterSale', afterSaleId: first.afterSaleId },
      BUYER,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', actions: ['requestAgain'] });
    expect(await approve(first.afterSaleId)).toMatchObject({ ok: false, code: 'AFTERSALE.INVALID_STATE' });

    const second = await okData<{ afterSaleId: string }>(
      'order',
      { action: 'requestAfterSale', orderId, type: 'refund', reason: 'noLongerWanted' },
      BUYER,
    );
    expect(second.afterSaleId).not.toBe(first.afterSaleId);
    const rejected = await okData<MerchantAfterSaleView>(
      'merchant',
      {
        action: 'resolveAfterSale',
        afterSaleId: second.afterSaleId,
        approve: false,
        note: '商品已打包，请收货后再申请',
      },
      MERCHANT,
    );
    expect(rejected).toMatchObject({ status: 'rejected', merchantNote: '商品已打包，请收货后再申请', actions: [] });
    expect(
      await okData<AfterSaleView>('order', { action: 'getAfterSale', afterSaleId: second.afterSaleId }, BUYER),
    ).toMatchObject({
      statusLabel: '商家已拒绝',
      merchantNote: '商品已打包，请收货后再申请',
      actions: ['requestAgain'],
    });
    expect(await approve(second.afterSaleId)).toMatchObject({ ok: false, code: 'AFTERSALE.INVALID_STATE' });
    expect(refundsOf(outTradeNo)).toEqual([]);
    expect(orderDoc(orderId)).toMatchObject({ status: 'paid', afterSale: { status: 'rejected', count: 2 } });
    expect(await ask(orderId, BUYER)).toMatchObject({ ok: true, data: { status: 'requested' } });
  });
});

describe('after shipping', () => {
  it('仅退款 of a shipped order refunds in full and returns no stock', async () => {
    const skuId = freshSku(10);
    const { orderId, outTradeNo } = await paidOrder(skuId, 1);
    await ship(orderId);
    const asked = await okData<{ afterSaleId: string }>(
      'order',
      { action: 'requestAfterSale', orderId, type: 'refund', reason: 'notReceived' },
      BUYER,
    );
    await okData('merchant', { action: 'resolveAfterSale', afterSaleId: asked.afterSaleId, approve: true }, MERCHANT);
    expect(orderDoc(orderId).status).toBe('shipped'); // closed only once the money is back
    await advance(2_000);
    expect(refundsOf(outTradeNo)).toMatchObject([{ refundFee: orderDoc(orderId).totalFee, state: 'SUCCESS' }]);
    expect(afterSaleDocs(orderId)[0]?.status).toBe('refunded');
    expect(orderDoc(orderId)).toMatchObject({ status: 'cancelled', cancelReason: 'afterSaleRefund' });
    expect(sku(skuId)).toMatchObject({ stock: 9, sales: 1 });
  });

  it('退货退款: approve, the buyer sends the parcel back with its tracking number, the merchant confirms, refunded once', async () => {
    const skuId = freshSku(10);
    const { orderId, outTradeNo } = await paidOrder(skuId, 1);
    await ship(orderId);
    const asked = await okData<{ afterSaleId: string }>(
      'order',
      { action: 'requestAfterSale', orderId, type: 'return', reason: 'qualityIssue', description: '杯口有裂纹' },
      BUYER,
    );
    const id = asked.afterSaleId;
    const returnShipping = (extra: Record<string, unknown>, openid = BUYER) =>
      call<AfterSaleView>(
        'order',
        {
          action: 'submitReturnShipping',
          afterSaleId: id,
          expressCompany: '中通快递',
          trackingNo: '731234567890',
          ...extra,
        },
        openid,
      );
    // too early: not approved yet
    expect(await returnShipping({})).toMatchObject({ ok: false, code: 'AFTERSALE.INVALID_STATE' });
    expect(await call('merchant', { action: 'confirmReturn', afterSaleId: id }, MERCHANT)).toMatchObject({
      ok: false,
      code: 'AFTERSALE.INVALID_STATE',
    });
    const approved = await okData<MerchantAfterSaleView>(
      'merchant',
      { action: 'resolveAfterSale', afterSaleId: id, approve: true, note: '请寄回：杭州市西湖区礼物商城售后部' },
      MERCHANT,
    );
    expect(approved).toMatchObject({ status: 'awaitingReturn', actions: [] });
    expect(refundsOf(outTradeNo)).toEqual([]);
    expect(await okData<AfterSaleView>('order', { action: 'getAfterSale', afterSaleId: id }, BUYER)).toMatchObject({
      statusLabel: '待寄回商品',
      actions: ['cancel', 'submitReturnShipping'],
    });

    expect(await returnShipping({ expressCompany: '不存在快递' })).toMatchObject({
      ok: false,
      code: 'LOGISTICS.UNKNOWN_CARRIER',
    });
    expect(await returnShipping({ expressCompany: '顺丰速运', trackingNo: '12' })).toMatchObject({
      ok: false,
      code: 'LOGISTICS.INVALID_TRACKING_NO',
    });
    expect(await returnShipping({ trackingNo: '' })).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(await returnShipping({}, STRANGER)).toMatchObject({ ok: false, code: 'AFTERSALE.NOT_FOUND' });
    expect(afterSaleDocs(orderId)[0]).toMatchObject({ status: 'awaitingReturn', returnShipping: null });

    const shipped = await returnShipping({ expressCompany: '中通' });
    expect(shipped).toMatchObject({
      ok: true,
      data: { status: 'returnShipped', returnShipping: { expressCompany: '中通快递', trackingNo: '731234567890' } },
    });
    const [confirmed, again] = await Promise.all([
      call<MerchantAfterSaleView>('merchant', { action: 'confirmReturn', afterSaleId: id }, MERCHANT),
      call<MerchantAfterSaleView>('merchant', { action: 'confirmReturn', afterSaleId: id }, MERCHANT),
    ]);
    expect(confirmed).toMatchObject({ ok: true, data: { status: 'refunding' } });
    expect(again).toMatchObject({ ok: true });
    await advance(2_000);
    const totalFee = orderDoc(orderId).totalFee;
    expect(refundsOf(outTradeNo)).toMatchObject([{ outRefundNo: `S${id}`, refundFee: totalFee, state: 'SUCCESS' }]);
    expect(await okData<AfterSaleView>('order', { action: 'getAfterSale', afterSaleId: id }, BUYER)).toMatchObject({
      status: 'refunded',
      refundFee: totalFee,
      steps: [
        { label: '提交申请', done: true },
        { label: '商家同意', done: true },
        { label: '寄回商品', done: true },
        { label: '商家收货', done: true },
        { label: '退款成功', done: true },
      ],
    });
    expect(sku(skuId)).toMatchObject({ stock: 9, sales: 1 }); // shipped: no stock back
    expect(orderDoc(orderId)).toMatchObject({ status: 'cancelled', cancelReason: 'afterSaleRefund' });
  });
});

describe('gift orders', () => {
  it('only the recipient asks; the refund goes to the giver once; the giver sees the status, never the address, phone or tracking number', async () => {
    const gift = await t.paidGift();
    await t.okGift(
      { action: 'acceptGift', giftId: gift.giftId, token: gift.token, address: RECIPIENT_ADDRESS },
      RECIPIENT,
    );
    const orderId = gift.orderId;
    const trackingNo = 'SF9876543210123';
    await ship(orderId, trackingNo);
    const before = orderDoc(orderId);

    expect(await ask(orderId, GIVER)).toMatchObject({ ok: false, code: 'AFTERSALE.GIVER_CANNOT_APPLY' });
    expect(await ask(orderId, STRANGER)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(afterSaleDocs(orderId)).toEqual([]);
    expect(orderDoc(orderId)).toEqual(before);

    const asked = await okData<{ afterSaleId: string }>(
      'order',
      { action: 'requestAfterSale', orderId, type: 'refund', reason: 'damaged', description: '收到时盒子破了' },
      RECIPIENT,
    );
    const recipientView = await okData<AfterSaleView>(
      'order',
      { action: 'getAfterSale', afterSaleId: asked.afterSaleId },
      RECIPIENT,
    );
    expect(recipientView).toMatchObject({ refundFee: null, refundTo: 'giver', status: 'requested' });
    expect(recipientView.items[0]).not.toHaveProperty('price');
    expect(await call('order', { action: 'getAfterSale', afterSaleId: asked.afterSaleId }, GIVER)).toMatchObject({
      ok: false,
      code: 'AFTERSALE.NOT_FOUND',
    });
    expect(await call('order', { action: 'cancelAfterSale', afterSaleId: asked.afterSaleId }, GIVER)).toMatchObject({
      ok: false,
      code: 'AFTERSALE.NOT_FOUND',
    });

    await okData('merchant', { action: 'resolveAfterSale', afterSaleId: asked.afterSaleId, approve: true }, MERCHANT);
    await advance(2_000);
    const refunds = refundsOf(gift.outTradeNo);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ refundFee: before.totalFee, state: 'SUCCESS' });
    expect(ledger().payments.find((entry) => entry.outTradeNo === gift.outTradeNo)).toMatchObject({
      payerOpenid: GIVER,
      refundedFee: before.totalFee,
    });

    // everything the giver can ask about this gift
    const giverAnswers = [
      await call('order', { action: 'getOrder', orderId }, GIVER),
      await call('order', { action: 'listOrders', limit: 50 }, GIVER),
      await call('gift', { action: 'getGift', giftId: gift.giftId }, GIVER),
      await call('gift', { action: 'listGifts', role: 'sent' }, GIVER),
      await ask(orderId, GIVER),
    ];
    for (const answer of giverAnswers) {
      const text = JSON.stringify(answer);
      for (const secret of [RECIPIENT_ADDRESS.telNumber, RECIPIENT_ADDRESS.detailInfo, RECIPIENT_ADDRESS.userName]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toContain(trackingNo);
      expect(text).not.toContain(asked.afterSaleId);
      expect(text).not.toContain('recipientOpenid');
      // keys such as `address: null` are fine; a filled one is a leak
      expect(privateLeaks(JSON.parse(text, (_key, value: unknown) => (value === null ? undefined : value)))).toEqual(
        [],
      );
    }
    expect(giverAnswers[0]).toMatchObject({
      ok: true,
      data: { afterSale: { afterSaleId: null, statusLabel: '退款成功' }, afterSaleEntry: null },
    });
  });
});

describe('the 7-day window after completion', () => {
  it('allows 退货退款 until 7 days after the order completed, then answers AFTERSALE.WINDOW_CLOSED', async () => {
    const { orderId } = await paidOrder(freshSku(), 1);
    await ship(orderId);
    await okData('order', { action: 'confirmReceipt', orderId }, BUYER);
    await advance(6 * DAY_MS);
    expect(await okData<OrderView>('order', { action: 'getOrder', orderId }, BUYER)).toMatchObject({
      status: 'completed',
      afterSaleEntry: 'apply',
    });
    await advance(DAY_MS + MINUTE_MS);
    expect(await okData<OrderView>('order', { action: 'getOrder', orderId }, BUYER)).toMatchObject({
      afterSaleEntry: null,
    });
    const before = orderDoc(orderId);
    expect(await ask(orderId, BUYER, { type: 'return', reason: 'qualityIssue' })).toMatchObject({
      ok: false,
      code: 'AFTERSALE.WINDOW_CLOSED',
    });
    expect(afterSaleDocs(orderId)).toEqual([]);
    expect(orderDoc(orderId)).toEqual(before);
  });
});
