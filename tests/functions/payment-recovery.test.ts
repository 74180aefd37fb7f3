/**
 * Money paths that do not depend on WeChat Pay's notifications arriving. The local cloud here runs
 * every function except payCallback and refundCallback, so each notification fails (and is retried
 * in vain): the sweeps alone must settle what happened, through closeOrder / queryOrder and
 * queryRefund.
 * - the 30-minute sweep meets ORDERPAID when it closes an order paid at the last second: the order
 *   ends paid (stock committed; a gift order waits for its recipient), never cancelled;
 * - a gift refund whose notification never comes is confirmed by queryRefund, once;
 * - a late-payment refund WeChat Pay has no record of is requested again, then confirmed.
 */
import { HOUR_MS, MINUTE_MS } from '@domain/clock';
import type { OrderView } from '@domain/contracts';
import type { OrderRecord } from '@domain/order/types';
import type { Result } from '@domain/result';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';
import { GIVER, giftTools, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';

jest.setTimeout(180_000);

const ADDRESS = {
  userName: '张三',
  telNumber: '13812345678',
  provinceName: '广东省',
  cityName: '广州市',
  countyName: '天河区',
  detailInfo: '体育西路1号',
};

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['gift', 'giftExpiry', 'refundCallback', 'user', 'payCallback', 'order'],
    withoutFunctions: ['payCallback', 'refundCallback'],
  });
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const advance = (ms: number) => harness.cloud.clock.advance(ms);
const ledger = () => harness.cloud.pay.ledger();
const paymentOf = (outTradeNo: string) => ledger().payments.find((payment) => payment.outTradeNo === outTradeNo);
const refundsOf = (outTradeNo: string) => ledger().refunds.filter((refund) => refund.outTradeNo === outTradeNo);
const orderDoc = (orderId: string) => harness.cloud.db.find('orders', { _id: orderId })[0] as OrderRecord;

async function okOrder<T>(event: Record<string, unknown>, openid = TEST_OPENID): Promise<T> {
  const answer = await harness.call<Result<T>>('order', event, openid);
  if (!answer.ok) throw new Error(`${JSON.stringify(event)}: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** A fresh copy of a seeded SKU with its own stock, so the arithmetic below is exact. */
function freshSku(id: string, stock: number): string {
  const [template] = harness.cloud.db.find('skus', { _id: 'home-mug-sku01' }) as Array<Record<string, unknown>>;
  harness.cloud.db.insert('skus', [{ ...template, _id: id, stock, sales: 0, holds: [] }]);
  return id;
}

describe('closeOrder answering ORDERPAID', () => {
  it('an order paid at the last second, whose notification never arrives, ends paid with its stock sold', async () => {
    const skuId = freshSku('recovery-self-sku', 5);
    const created = await okOrder<{ orderId: string; outTradeNo: string }>({
      action: 'createOrder',
      skuId,
      quantity: 2,
      address: ADDRESS,
    });
    expect(await t.pay(created.outTradeNo)).toMatchObject({ notified: false });
    expect(paymentOf(created.outTradeNo)).toMatchObject({ state: 'SUCCESS' });
    expect(orderDoc(created.orderId).status).toBe('pendingPayment');

    // past the 30-minute window: the sweep closes the trade, WeChat Pay answers ORDERPAID
    await advance(31 * MINUTE_MS);
    const payment = paymentOf(created.outTradeNo);
    expect(orderDoc(created.orderId)).toMatchObject({
      status: 'paid',
      transactionId: payment?.transactionId,
      stockHold: 'committed',
      cancelledAt: null,
    });
    expect(t.sku(skuId)).toMatchObject({ stock: 3, sales: 2, holds: [] });
    expect(payment?.state).toBe('SUCCESS');
    expect(refundsOf(created.outTradeNo)).toEqual([]);
    expect(await okOrder<OrderView>({ action: 'getOrder', orderId: created.orderId })).toMatchObject({
      status: 'paid',
      statusLabel: '待发货',
    });

    // later sweeps (and the buyer) change nothing
    await advance(5 * MINUTE_MS);
    expect(orderDoc(created.orderId).status).toBe('paid');
    expect(await harness.call('order', { action: 'cancelOrder', orderId: created.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.CANNOT_CANCEL',
    });
    expect(t.sku(skuId)).toMatchObject({ stock: 3, sales: 2 });
  });

  it('a gift paid at the last second is activated, not cancelled, and can then be accepted', async () => {
    const skuId = freshSku('recovery-gift-sku', 3);
    const created = await t.okGift<{ giftId: string; orderId: string; outTradeNo: string }>({
      action: 'createGift',
      skuId,
      greeting: '最后一秒付的款',
    });
    expect(await t.pay(created.outTradeNo)).toMatchObject({ notified: false });
    await advance(31 * MINUTE_MS);

    const order = orderDoc(created.orderId);
    expect(order).toMatchObject({ status: 'awaitingRecipient', stockHold: 'held', cancelledAt: null });
    const gift = t.giftDoc(created.giftId);
    expect(gift).toMatchObject({ status: 'waiting', paidAt: order.paidAt });
    expect(gift.expiresAt - gift.paidAt).toBe(24 * HOUR_MS);
    expect(t.sku(skuId)).toMatchObject({ stock: 2, holds: [created.orderId] });

    const view = await t.okGift<{ sharePath: string }>({ action: 'getGift', giftId: created.giftId });
    const token = new URLSearchParams(view.sharePath.split('?')[1]).get('token') ?? '';
    await t.okGift({ action: 'acceptGift', giftId: created.giftId, token, address: RECIPIENT_ADDRESS }, RECIPIENT);
    expect(orderDoc(created.orderId)).toMatchObject({ status: 'paid', stockHold: 'committed' });
    expect(t.sku(skuId)).toMatchObject({ stock: 2, sales: 1, holds: [] });
    expect(refundsOf(created.outTradeNo)).toEqual([]);
  });
});

describe('crashes between the order and the gift converge', () => {
  it('the buyer cancelling an order paid a moment ago gets ORDER.CANNOT_CANCEL, and the order is paid', async () => {
    const skuId = freshSku('recovery-cancel-sku', 4);
    const created = await okOrder<{ orderId: string; outTradeNo: string }>({
      action: 'createOrder',
      skuId,
      quantity: 1,
      address: ADDRESS,
    });
    await t.pay(created.outTradeNo);
    expect(await harness.call('order', { action: 'cancelOrder', orderId: created.orderId })).toMatchObject({
      ok: false,
      code: 'ORDER.CANNOT_CANCEL',
    });
    expect(orderDoc(created.orderId)).toMatchObject({ status: 'paid', stockHold: 'committed', cancelledAt: null });
    expect(t.sku(skuId)).toMatchObject({ stock: 3, sales: 1, holds: [] });
  });

  it('a gift left unpaid behind a paid order is activated; one behind a cancelled order is cancelled', async () => {
    const paid = await t.okGift<{ giftId: string; orderId: string; outTradeNo: string }>({
      action: 'createGift',
      skuId: freshSku('recovery-stranded-sku', 3),
      greeting: '付了款的礼物',
    });
    const unpaid = await t.okGift<{ giftId: string; orderId: string }>({
      action: 'createGift',
      skuId: 'recovery-stranded-sku',
      greeting: '没付款的礼物',
    });
    // As a run that stopped right after moving each order: paid (gift not activated) / cancelled (gift not cancelled).
    const now = harness.cloud.clock.now();
    harness.cloud.db.updateMany(
      'orders',
      { _id: paid.orderId },
      { $set: { status: 'awaitingRecipient', paidAt: now, transactionId: 'x', updatedAt: now } },
    );
    harness.cloud.db.updateMany(
      'orders',
      { _id: unpaid.orderId },
      { $set: { status: 'cancelled', cancelReason: 'timeout', cancelledAt: now, updatedAt: now } },
    );

    await advance(36 * MINUTE_MS);
    const gift = t.giftDoc(paid.giftId);
    expect(gift).toMatchObject({ status: 'waiting', paidAt: now, expiresAt: now + 24 * HOUR_MS });
    expect(t.giftDoc(unpaid.giftId)).toMatchObject({ status: 'cancelled' });
    // the cancelled order's hold was released by the order sweep's recovery pass
    expect(orderDoc(unpaid.orderId)).toMatchObject({ stockHold: 'released' });
    expect(t.sku('recovery-stranded-sku').holds).toEqual([paid.orderId]);
  });
});

describe('refunds confirmed by querying', () => {
  it('a declined gift whose refund notification never arrives is refunded once, and the giver told once', async () => {
    const skuId = freshSku('recovery-decline-sku', 3);
    const created = await t.okGift<{ giftId: string; orderId: string; outTradeNo: string }>({
      action: 'createGift',
      skuId,
      greeting: '谢谢你',
    });
    await t.pay(created.outTradeNo);
    await advance(31 * MINUTE_MS); // activated through ORDERPAID (no payment notification here)
    const view = await t.okGift<{ sharePath: string }>({ action: 'getGift', giftId: created.giftId });
    const token = new URLSearchParams(view.sharePath.split('?')[1]).get('token') ?? '';

    await t.okGift({ action: 'declineGift', giftId: created.giftId, token }, RECIPIENT);
    expect(t.giftDoc(created.giftId).status).toBe('refundingOnDecline');
    await advance(2_000); // the refund succeeds at WeChat Pay; its notification to refundCallback fails
    const [refund] = refundsOf(created.outTradeNo);
    expect(refund).toMatchObject({ state: 'SUCCESS', outRefundNo: `${created.outTradeNo}R` });
    expect(refund?.notify).toMatchObject({ delivered: false });
    expect(t.giftDoc(created.giftId).status).toBe('refundingOnDecline');

    // the 5-minute sweep asks queryRefund
    await advance(6 * MINUTE_MS);
    expect(t.giftDoc(created.giftId)).toMatchObject({
      status: 'refundedOnDecline',
      refundedAt: expect.any(Number),
      refundId: refund?.refundId,
    });
    expect(await t.okGift({ action: 'getGift', giftId: created.giftId })).toMatchObject({ refund: 'refunded' });
    expect(orderDoc(created.orderId)).toMatchObject({ status: 'cancelled', stockHold: 'released' });
    expect(t.sku(skuId)).toMatchObject({ stock: 3, sales: 0, holds: [] });

    await advance(30 * MINUTE_MS);
    expect(refundsOf(created.outTradeNo)).toHaveLength(1);
    const told = (await t.messages()).filter(
      (message) =>
        message.touser === GIVER &&
        message.templateId === 'GIFT_REFUNDED_TEMPLATE_ID' &&
        JSON.stringify(message).includes(created.giftId),
    );
    expect(told).toHaveLength(1);
  });

  it('a late-payment refund WeChat Pay never received is requested again with the same number, then confirmed', async () => {
    const skuId = freshSku('recovery-late-sku', 5);
    const created = await okOrder<{ orderId: string; outTradeNo: string }>({
      action: 'createOrder',
      skuId,
      quantity: 1,
      address: ADDRESS,
    });
    await t.pay(created.outTradeNo);
    const payment = paymentOf(created.outTradeNo);
    // As payCallback leaves an order whose payment landed after it was cancelled, when the reply to
    // its refund request was lost: the refund is recorded as requested, WeChat Pay has none.
    const now = harness.cloud.clock.now();
    harness.cloud.db.updateMany(
      'orders',
      { _id: created.orderId },
      {
        $set: {
          status: 'cancelled',
          cancelReason: 'timeout',
          cancelledAt: now,
          stockHold: 'released',
          updatedAt: now,
          latePayment: {
            transactionId: payment?.transactionId,
            totalFee: payment?.totalFee,
            outRefundNo: `R${created.orderId}`,
            receivedAt: now,
            refundRequestedAt: now,
            refundId: null,
            refundedAt: null,
          },
        },
      },
    );
    harness.cloud.db.updateMany('skus', { _id: skuId }, { $pull: { holds: created.orderId }, $inc: { stock: 1 } });
    expect(refundsOf(created.outTradeNo)).toEqual([]);

    await advance(6 * MINUTE_MS); // queryRefund: REFUNDNOTEXIST → requested again
    expect(refundsOf(created.outTradeNo)).toEqual([
      expect.objectContaining({ outRefundNo: `R${created.orderId}`, refundFee: payment?.totalFee }),
    ]);
    expect(orderDoc(created.orderId).latePayment).toMatchObject({ refundedAt: null });

    await advance(2_000); // settled at WeChat Pay; its notification to payCallback fails
    expect(refundsOf(created.outTradeNo)[0]).toMatchObject({ state: 'SUCCESS' });
    expect(orderDoc(created.orderId).latePayment).toMatchObject({ refundedAt: null });
    await advance(6 * MINUTE_MS); // the query confirms it
    const [refund] = refundsOf(created.outTradeNo);
    expect(refund?.notify).toMatchObject({ delivered: false });
    expect(orderDoc(created.orderId).latePayment).toMatchObject({
      refundId: refund?.refundId,
      refundedAt: expect.any(Number),
    });
    expect(await okOrder<OrderView>({ action: 'getOrder', orderId: created.orderId })).toMatchObject({
      status: 'cancelled',
      lateRefund: { state: 'refunded', refundFee: payment?.totalFee },
    });
    await advance(30 * MINUTE_MS);
    expect(refundsOf(created.outTradeNo)).toHaveLength(1);
  });
});
