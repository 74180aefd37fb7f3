/**
 * merchant.dashboard through the local cloud: the figures match the orders and gifts this test makes,
 * days are China days (UTC+8), and low-stock SKUs are the ones with few units left.
 */
import { chinaDayNumber, chinaDayStart, type MerchantDashboard } from '@domain/merchant/dashboard';
import type { Result } from '@domain/result';
import { giftTools, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';

jest.setTimeout(120_000);

const MERCHANT = 'dev-merchant';
const ADDRESS = {
  userName: '李四',
  telNumber: '13900001111',
  provinceName: '北京市',
  cityName: '北京市',
  countyName: '朝阳区',
  detailInfo: '建国路88号',
};

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['order', 'payCallback', 'merchant', 'gift', 'giftExpiry', 'refundCallback'],
  });
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const dashboard = async (): Promise<MerchantDashboard> => {
  const answer = await harness.call<Result<MerchantDashboard>>('merchant', { action: 'dashboard' }, MERCHANT);
  if (!answer.ok) throw new Error(`${answer.code} ${answer.message}`);
  return answer.data;
};

async function paidSelfOrder(skuId: string, quantity: number): Promise<{ orderId: string; totalFee: number }> {
  const created = await harness.call<Result<{ orderId: string; outTradeNo: string; totalFee: number }>>(
    'order',
    { action: 'createOrder', skuId, quantity, address: ADDRESS },
    TEST_OPENID,
  );
  if (!created.ok) throw new Error(created.message);
  await t.pay(created.data.outTradeNo);
  return created.data;
}

describe('merchant.dashboard', () => {
  it('starts empty, with 7 China days ending today', async () => {
    const before = await dashboard();
    expect(before.days).toHaveLength(7);
    const now = harness.cloud.clock.now();
    const today = new Date(chinaDayStart(chinaDayNumber(now)) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(before.days[6]?.date).toBe(today);
    expect(before.today).toEqual({
      paidOrders: 0,
      paidFee: 0,
      giftsSent: 0,
      giftsAccepted: 0,
      giftsExpired: 0,
      giftsRefunded: 0,
    });
  });

  it('counts paid orders and their amount, gifts sent, accepted and declined-then-refunded', async () => {
    const first = await paidSelfOrder('food-coffee-sku01', 2);
    const second = await paidSelfOrder('home-aroma-sku02', 1);
    // an unpaid order counts for nothing
    await harness.call(
      'order',
      { action: 'createOrder', skuId: 'food-coffee-sku01', quantity: 1, address: ADDRESS },
      TEST_OPENID,
    );

    const accepted = await t.paidGift('home-aroma-sku01');
    await t.okGift(
      { action: 'acceptGift', giftId: accepted.giftId, token: accepted.token, address: RECIPIENT_ADDRESS },
      RECIPIENT,
    );
    const declined = await t.paidGift('home-aroma-sku01');
    await t.okGift({ action: 'declineGift', giftId: declined.giftId, token: declined.token }, RECIPIENT);
    await harness.cloud.clock.advance(2_000); // the simulator settles refunds after 1 s, then notifies refundCallback
    expect(t.giftDoc(declined.giftId)).toMatchObject({ status: 'refundedOnDecline', refundedAt: expect.any(Number) });

    const figures = await dashboard();
    const giftFees = t.orderDoc(accepted.orderId).totalFee + t.orderDoc(declined.orderId).totalFee;
    expect(figures.today).toEqual({
      paidOrders: 4,
      paidFee: first.totalFee + second.totalFee + giftFees,
      giftsSent: 2,
      giftsAccepted: 1,
      giftsExpired: 0,
      giftsRefunded: 1,
    });
    expect(figures.last7Days).toEqual(figures.today);
    expect(figures.days.slice(0, 6).every((day) => day.paidOrders === 0)).toBe(true);
  });

  it('puts a payment at 23:59 China time on that day and one at 00:00 on the next', async () => {
    const now = harness.cloud.clock.now();
    const todayStart = chinaDayStart(chinaDayNumber(now));
    const before = await dashboard();
    const base = t.orderDoc((await paidSelfOrder('food-coffee-sku01', 1)).orderId);
    const copy = (id: string, paidAt: number, totalFee: number) => ({
      ...base,
      _id: id,
      outTradeNo: `S${id}`,
      paidAt,
      totalFee,
    });
    harness.cloud.db.insert('orders', [
      copy('o-dash-late-yesterday', todayStart - 60_000, 1_000),
      copy('o-dash-midnight', todayStart, 2_000),
      copy('o-dash-eight-days-ago', todayStart - 7 * 24 * 3600_000, 9_000),
    ]);
    const after = await dashboard();
    expect(after.today.paidOrders - before.today.paidOrders).toBe(2);
    expect(after.today.paidFee - before.today.paidFee).toBe(base.totalFee + 2_000);
    expect(after.days[5]!.paidOrders - before.days[5]!.paidOrders).toBe(1);
    expect(after.days[5]!.paidFee - before.days[5]!.paidFee).toBe(1_000);
    // eight days ago is outside the window
    expect(after.last7Days.paidFee - before.last7Days.paidFee).toBe(base.totalFee + 3_000);
  });

  it('counts an expired gift on the day it expired', async () => {
    const gift = await t.paidGift('home-aroma-sku01');
    const before = await dashboard();
    await harness.cloud.clock.advance(24 * 3600_000 + 60_000);
    await t.backend('giftExpiry', { giftId: gift.giftId });
    const doc = t.giftDoc(gift.giftId);
    expect(doc.status).toMatch(/expired|refund/i);
    const after = await dashboard();
    expect(after.today.giftsExpired).toBe(1);
    // yesterday's figures moved one day back
    expect(after.days[5]).toMatchObject({ ...before.today, date: before.days[6]!.date });
  });

  it('counts after-sales waiting for the merchant', async () => {
    const before = await dashboard();
    const { orderId } = await paidSelfOrder('food-coffee-sku01', 1);
    const asked = await harness.call<Result<{ afterSaleId: string }>>(
      'order',
      { action: 'requestAfterSale', orderId, type: 'refund', reason: 'noLongerWanted' },
      TEST_OPENID,
    );
    expect(asked).toMatchObject({ ok: true });
    expect((await dashboard()).afterSalesWaiting).toBe(before.afterSalesWaiting + 1);
    if (!asked.ok) return;
    await harness.call('order', { action: 'cancelAfterSale', afterSaleId: asked.data.afterSaleId }, TEST_OPENID);
    expect((await dashboard()).afterSalesWaiting).toBe(before.afterSalesWaiting);
  });

  it('lists on-shelf SKUs with few units left', async () => {
    const before = await dashboard();
    const notebook = harness.cloud.db.find('skus', { _id: 'books-notebook-sku01' })[0] as { stock: number };
    expect(notebook.stock).toBeGreaterThan(5);
    harness.cloud.db.updateMany('skus', { _id: 'books-notebook-sku01' }, { $set: { stock: 0 } });
    const figures = await dashboard();
    expect(figures.lowStockThreshold).toBe(5);
    expect(figures.lowStockCount).toBe(before.lowStockCount + 1);
    // the emptiest first, named by product
    const emptiest = harness.cloud.db.find(
      'skus',
      { onShelf: true, stock: { $lte: 5 } },
      {
        orderBy: [
          ['stock', 1],
          ['_id', 1],
        ],
        limit: 10,
      },
    ) as Array<{ _id: string; stock: number }>;
    expect(figures.lowStockSkus.map((sku) => [sku.skuId, sku.stock])).toEqual(
      emptiest.map((sku) => [sku._id, sku.stock]),
    );
    expect(figures.lowStockSkus.every((sku) => /[\u4e00-\u9fff]/.test(sku.productName))).toBe(true);
  });
});
