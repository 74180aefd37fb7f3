/**
 * After-sale refunds that do not depend on WeChat Pay's refund notification: the local cloud runs every
 * function except refundCallback, so each notification fails; the order function's timer alone must
 * finish what was decided — with queryRefund 5 minutes on, and by requesting a refund whose decision was
 * recorded but whose request never reached WeChat Pay (a crash right after the decision). Money is
 * checked against the pay simulator's ledger to the fen.
 */
import { MINUTE_MS } from '@domain/clock';
import type { AfterSaleRecord } from '@domain/afterSale/record';
import type { OrderRecord } from '@domain/order/types';
import type { Result } from '@domain/result';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';
import { giftTools } from './gift-support';

jest.setTimeout(180_000);

const MERCHANT = 'dev-merchant';
const ADDRESS = {
  userName: '赵六',
  telNumber: '13600003333',
  provinceName: '江苏省',
  cityName: '南京市',
  countyName: '鼓楼区',
  detailInfo: '中山路1号',
};

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['order', 'payCallback', 'refundCallback', 'merchant'],
    withoutFunctions: ['refundCallback'],
  });
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const advance = (ms: number) => harness.cloud.clock.advance(ms);
const refundsOf = (outTradeNo: string) =>
  harness.cloud.pay.ledger().refunds.filter((refund) => refund.outTradeNo === outTradeNo);
const orderDoc = (orderId: string) => harness.cloud.db.find('orders', { _id: orderId })[0] as OrderRecord;
const afterSaleDoc = (id: string) => harness.cloud.db.find('afterSales', { _id: id })[0] as AfterSaleRecord;
const sku = (skuId: string) => harness.cloud.db.find('skus', { _id: skuId })[0] as { stock: number; sales: number };

async function okData<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = await harness.call<Result<T>>(name, event, openid);
  if (!answer.ok) throw new Error(`${name} ${JSON.stringify(event)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

function freshSku(id: string, stock: number): string {
  const [template] = harness.cloud.db.find('skus', { _id: 'home-mug-sku01' }) as Array<Record<string, unknown>>;
  harness.cloud.db.insert('skus', [{ ...template, _id: id, stock, sales: 0, holds: [] }]);
  return id;
}

async function askedRefund(skuId: string): Promise<{ orderId: string; outTradeNo: string; afterSaleId: string }> {
  const created = await okData<{ orderId: string; outTradeNo: string }>(
    'order',
    { action: 'createOrder', skuId, quantity: 2, address: ADDRESS },
    TEST_OPENID,
  );
  expect(await t.pay(created.outTradeNo)).toMatchObject({ notified: true });
  const asked = await okData<{ afterSaleId: string }>(
    'order',
    { action: 'requestAfterSale', orderId: created.orderId, type: 'refund', reason: 'noLongerWanted' },
    TEST_OPENID,
  );
  return { ...created, afterSaleId: asked.afterSaleId };
}

it('a refund whose notification never arrives is confirmed by queryRefund after 5 minutes, once', async () => {
  const skuId = freshSku('recovery-aftersale-1', 6);
  const { orderId, outTradeNo, afterSaleId } = await askedRefund(skuId);
  await okData('merchant', { action: 'resolveAfterSale', afterSaleId, approve: true }, MERCHANT);
  await advance(2_000);
  const totalFee = orderDoc(orderId).totalFee;
  expect(refundsOf(outTradeNo)).toMatchObject([{ refundFee: totalFee, state: 'SUCCESS' }]);
  expect(afterSaleDoc(afterSaleId).status).toBe('refunding'); // nobody told us yet

  await advance(6 * MINUTE_MS);
  expect(afterSaleDoc(afterSaleId)).toMatchObject({ status: 'refunded', refund: { refundFee: totalFee } });
  expect(orderDoc(orderId)).toMatchObject({ status: 'cancelled', afterSale: { status: 'refunded' } });
  expect(refundsOf(outTradeNo)).toHaveLength(1);
  expect(sku(skuId)).toMatchObject({ stock: 6, sales: 0 });

  await advance(6 * MINUTE_MS);
  expect(refundsOf(outTradeNo)).toHaveLength(1);
});

it('a refund decided just before a crash (WeChat Pay never called) is requested by the sweep, once', async () => {
  const skuId = freshSku('recovery-aftersale-2', 6);
  const { orderId, outTradeNo, afterSaleId } = await askedRefund(skuId);
  const totalFee = orderDoc(orderId).totalFee;
  // What resolveAfterSale writes first — the decision — and nothing after it (the function stopped there).
  harness.cloud.db.updateMany(
    'afterSales',
    { _id: afterSaleId, status: 'requested' },
    {
      $set: {
        status: 'refunding',
        resolvedAt: harness.cloud.clock.now(),
        refund: {
          outTradeNo,
          outRefundNo: `S${afterSaleId}`,
          refundFee: totalFee,
          refundRequestedAt: null,
          refundId: null,
          lastError: null,
        },
      },
    },
  );
  expect(refundsOf(outTradeNo)).toEqual([]);
  expect(orderDoc(orderId).status).toBe('paid');

  await advance(2 * MINUTE_MS);
  expect(refundsOf(outTradeNo)).toMatchObject([{ outRefundNo: `S${afterSaleId}`, refundFee: totalFee }]);
  expect(orderDoc(orderId)).toMatchObject({ status: 'cancelled', cancelReason: 'afterSaleRefund' });
  expect(sku(skuId)).toMatchObject({ stock: 6, sales: 0 });

  await advance(6 * MINUTE_MS);
  expect(afterSaleDoc(afterSaleId).status).toBe('refunded');
  expect(refundsOf(outTradeNo)).toHaveLength(1);
  expect(sku(skuId)).toMatchObject({ stock: 6, sales: 0 });
});
