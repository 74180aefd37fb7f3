/**
 * Expiry, decline and refunds through the local cloud: exactly one refund per gift in the pay
 * simulator's ledger whatever runs twice, crashes halfway or fails and is retried.
 */
import { seedDevUsers } from '../../scripts/seed-dev-users';
import { HOUR_MS, MINUTE_MS } from '@domain/clock';
import { startFunctionsHarness, type FunctionsHarness } from './harness';
import { GIVER, giftTools, RECIPIENT } from './gift-support';

jest.setTimeout(180_000);

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['gift', 'giftExpiry', 'refundCallback', 'user', 'payCallback', 'order'],
  });
  seedDevUsers(harness.cloud.db);
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const advance = (ms: number) => harness.cloud.clock.advance(ms);
const refundMessagesFor = async (giftId: string) =>
  (await t.messages()).filter(
    (m) => m.touser === GIVER && m.templateId === 'GIFT_REFUNDED_TEMPLATE_ID' && JSON.stringify(m).includes(giftId),
  );
/** Moves a waiting gift's deadline into the past without moving the clock (its delayed task stays in the future). */
const makeDue = (giftId: string) =>
  harness.cloud.db.updateMany('gifts', { _id: giftId }, { $set: { expiresAt: harness.cloud.clock.now() - 1 } });

describe('expiry', () => {
  it('refunds once, releases the stock once and cancels the order when nobody accepts within 24 h', async () => {
    const stockBefore = t.sku('home-mug-sku01');
    const { giftId, outTradeNo, token } = await t.paidGift('home-mug-sku01');
    expect(t.sku('home-mug-sku01').stock).toBe(stockBefore.stock - 1);

    await advance(24 * HOUR_MS + MINUTE_MS);
    // whichever ran first (the delayed task or the coalesced timer sweep), the refund settles 1 s after it
    await advance(2_000);

    const refunds = await t.refundsFor(outTradeNo);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ outRefundNo: `${outTradeNo}R`, refundFee: 5900 });
    expect(t.giftDoc(giftId)).toMatchObject({ status: 'refundedOnExpiry', refundAttempts: 1 });
    expect(t.orderDoc(giftId)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'giftClosed',
      stockHold: 'released',
    });
    expect(t.sku('home-mug-sku01')).toMatchObject({ stock: stockBefore.stock, sales: stockBefore.sales });
    expect(t.sku('home-mug-sku01').holds ?? []).not.toContain(giftId);
    expect(await t.okGift({ action: 'getGift', giftId })).toMatchObject({
      status: 'refundedOnExpiry',
      wechatCode: 181,
      refund: 'refunded',
      label: '已过期，已退款',
    });
    expect(await t.gift({ action: 'acceptGift', giftId, token, address: {} }, RECIPIENT)).toMatchObject({ ok: false });
    expect(await refundMessagesFor(giftId)).toHaveLength(1);

    // timers keep firing, the delayed task is replayed, the refund notification is replayed
    await advance(30 * MINUTE_MS);
    await t.backend('giftExpiry', { giftId });
    await t.backend('giftExpiry', { Type: 'Timer', TriggerName: 'giftExpirySweep' });
    const notice = {
      returnCode: 'SUCCESS',
      reqInfo: { outTradeNo, outRefundNo: `${outTradeNo}R`, refundStatus: 'SUCCESS', refundId: 'x' },
    };
    expect(await t.backend('refundCallback', notice, 'wx_paycallback')).toEqual({ errcode: 0, errmsg: '' });
    expect(await t.refundsFor(outTradeNo)).toHaveLength(1);
    expect(t.sku('home-mug-sku01')).toMatchObject({ stock: stockBefore.stock });
    expect(await refundMessagesFor(giftId)).toHaveLength(1);
  });

  it('refuses callers that are not WeChat or a trigger', async () => {
    expect(await harness.call('giftExpiry', { Type: 'Timer' }, RECIPIENT)).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    });
    const fake = { returnCode: 'SUCCESS', reqInfo: { outTradeNo: 'Gx', outRefundNo: 'GxR', refundStatus: 'SUCCESS' } };
    expect(await harness.call('refundCallback', fake, RECIPIENT)).toMatchObject({ errcode: 403 });
  });
});

describe('decline', () => {
  it('refunds the giver at once', async () => {
    const stockBefore = t.sku('home-mug-sku02');
    const { giftId, token, outTradeNo } = await t.paidGift('home-mug-sku02');
    const view = await t.okGift({ action: 'declineGift', giftId, token }, RECIPIENT);
    expect(view).toMatchObject({ status: 'refundingOnDecline', label: '你已婉拒', respondedByMe: true });
    expect(await t.refundsFor(outTradeNo)).toHaveLength(1);
    expect(t.orderDoc(giftId)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'giftClosed',
      stockHold: 'released',
    });
    expect(t.sku('home-mug-sku02').stock).toBe(stockBefore.stock);

    await advance(2_000); // the simulator settles refunds after 1 s, then notifies refundCallback
    expect(t.giftDoc(giftId)).toMatchObject({ status: 'refundedOnDecline', refundedAt: expect.any(Number) });
    expect(await t.okGift({ action: 'getGift', giftId })).toMatchObject({
      label: '好友已婉拒，已退款',
      refund: 'refunded',
      recipientNickname: null,
    });
    expect(await t.gift({ action: 'declineGift', giftId, token }, RECIPIENT)).toMatchObject({
      ok: false,
      code: 'GIFT.DECLINED',
    });
    expect(await t.refundsFor(outTradeNo)).toHaveLength(1);
  });
});

describe('the sweep', () => {
  it('interrupted halfway and run again, still refunds every gift exactly once', async () => {
    const stockBefore = t.sku('baby-puzzle-sku01');
    const gifts = [];
    for (let i = 0; i < 6; i += 1) gifts.push(await t.paidGift('baby-puzzle-sku01'));
    expect(t.sku('baby-puzzle-sku01').stock).toBe(stockBefore.stock - 6);
    for (const gift of gifts) makeDue(gift.giftId);

    // a run that stops after one batch of two
    const first = (await t.backend('giftExpiry', { Type: 'Timer', batchSize: 2, maxBatches: 1 })) as {
      data: { expired: number; complete: boolean };
    };
    expect(first.data).toMatchObject({ expired: 2, complete: false });
    // a run that "crashed" right after moving one gift to expired (no order change, no refund)
    const crashed = gifts[5]!;
    harness.cloud.db.updateMany(
      'gifts',
      { _id: crashed.giftId },
      { $set: { status: 'expired', updatedAt: harness.cloud.clock.now() } },
    );

    const second = (await t.backend('giftExpiry', { Type: 'Timer' })) as {
      data: { expired: number; complete: boolean };
    };
    expect(second.data).toMatchObject({ expired: 3, complete: true });
    expect(await t.refundsFor(crashed.outTradeNo)).toHaveLength(0);

    // the sweep asks again for refunds still owed after a few minutes (the timer fires while advancing)
    await advance(6 * MINUTE_MS);
    await t.backend('giftExpiry', { Type: 'Timer' });
    await advance(2_000);

    for (const gift of gifts) {
      expect(await t.refundsFor(gift.outTradeNo)).toHaveLength(1);
      expect(t.giftDoc(gift.giftId).status).toBe('refundedOnExpiry');
      expect(t.orderDoc(gift.giftId)).toMatchObject({ status: 'cancelled', stockHold: 'released' });
    }
    expect(t.sku('baby-puzzle-sku01').stock).toBe(stockBefore.stock);
  });

  it('retries a refund call that failed, and the retry refunds once', async () => {
    const { giftId, outTradeNo } = await t.paidGift('home-mug-sku03');
    // WeChat Pay refuses the request (total_fee does not match the payment)
    harness.cloud.db.updateMany('gifts', { _id: giftId }, { $set: { totalFee: 1 } });
    makeDue(giftId);
    await t.backend('giftExpiry', { giftId });
    expect(t.giftDoc(giftId)).toMatchObject({
      status: 'expired',
      refundAttempts: 1,
      refundLastError: expect.any(String),
    });
    expect(await t.refundsFor(outTradeNo)).toHaveLength(0);

    harness.cloud.db.updateMany('gifts', { _id: giftId }, { $set: { totalFee: 5900 } });
    await advance(6 * MINUTE_MS);
    await advance(2_000);
    expect(await t.refundsFor(outTradeNo)).toHaveLength(1);
    expect(t.giftDoc(giftId)).toMatchObject({ status: 'refundedOnExpiry', refundAttempts: 2 });
    await advance(6 * MINUTE_MS);
    expect(await t.refundsFor(outTradeNo)).toHaveLength(1);
  });

  it('finishes an acceptance that stopped halfway', async () => {
    const { giftId, token } = await t.paidGift('home-mug-sku01');
    const stockBefore = t.sku('home-mug-sku01');
    await t.okGift(
      {
        action: 'acceptGift',
        giftId,
        token,
        address: {
          userName: '王五',
          telNumber: '13800002222',
          provinceName: '北京市',
          cityName: '北京市',
          countyName: '朝阳区',
          detailInfo: '建国路88号',
        },
      },
      RECIPIENT,
    );
    // pretend the function died right after the conditional update: order and stock untouched
    harness.cloud.db.updateMany(
      'orders',
      { _id: giftId },
      { $set: { status: 'awaitingRecipient', address: null, stockHold: 'held' } },
    );
    harness.cloud.db.updateMany('skus', { _id: 'home-mug-sku01' }, { $push: { holds: giftId }, $inc: { sales: -1 } });
    harness.cloud.db.updateMany('gifts', { _id: giftId }, { $set: { acceptSteps: { targetSkuId: 'home-mug-sku01' } } });

    await advance(6 * MINUTE_MS);
    expect(t.giftDoc(giftId).acceptSteps).toMatchObject({ done: true });
    expect(t.orderDoc(giftId)).toMatchObject({ status: 'paid', stockHold: 'committed', address: { userName: '王五' } });
    // committed exactly once: the held unit is sold (stock unchanged since creation, one sale)
    expect(t.sku('home-mug-sku01')).toMatchObject({ stock: stockBefore.stock, sales: stockBefore.sales + 1 });
    expect(t.sku('home-mug-sku01').holds ?? []).not.toContain(giftId);
  });
});
