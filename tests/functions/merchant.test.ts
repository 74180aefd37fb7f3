/**
 * The real bundled `merchant` function (with `order` and `payCallback` to make orders), run by the
 * local cloud. The merchant is the seeded 'dev-merchant'; every other openid is refused.
 */
import type { MerchantOrderView, OrderView } from '@domain/contracts';
import type { Result } from '@domain/result';
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

beforeAll(async () => {
  harness = await startFunctionsHarness({ functions: ['order', 'payCallback', 'merchant'] });
});

afterAll(async () => {
  await harness?.stop();
});

const call = <T>(name: string, event: Record<string, unknown>, openid: string) =>
  harness.call<Result<T>>(name, event, openid);

async function okData<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = await call<T>(name, event, openid);
  if (!answer.ok) throw new Error(`${name} ${JSON.stringify(event)} failed: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** A seeded on-shelf SKU with enough stock for these tests. */
function someSkuId(): string {
  const [sku] = harness.cloud.db.find('skus', { onShelf: true, stock: { $gte: 20 } }, { limit: 1 }) as Array<{
    _id: string;
  }>;
  if (!sku) throw new Error('the seed has no SKU with stock');
  return sku._id;
}

async function paidOrder(openid: string = TEST_OPENID): Promise<string> {
  const created = await okData<{ orderId: string; outTradeNo: string }>(
    'order',
    { action: 'createOrder', skuId: someSkuId(), quantity: 1, address: ADDRESS },
    openid,
  );
  const response = await fetch(`${harness.cloud.url}/_dev/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo: created.outTradeNo }),
  });
  expect(response.status).toBe(200);
  return created.orderId;
}

type Page = { items: MerchantOrderView[]; nextCursor: string | null };

describe('merchant', () => {
  it('refuses everybody who is not a merchant, and changes nothing', async () => {
    const orderId = await paidOrder();
    for (const event of [
      { action: 'listOrders' },
      { action: 'shipOrder', orderId, expressCompany: '顺丰速运', trackingNo: 'SF1400000000001' },
    ]) {
      expect(await call('merchant', event, TEST_OPENID)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    }
    const [doc] = harness.cloud.db.find('orders', { _id: orderId }) as Array<{ status: string }>;
    expect(doc?.status).toBe('paid');
  });

  it('lists every user’s orders with the full address', async () => {
    const mine = await paidOrder(TEST_OPENID);
    const theirs = await paidOrder('o-someone-else');
    const page = await okData<Page>('merchant', { action: 'listOrders', status: 'paid', limit: 50 }, MERCHANT);
    const byId = new Map(page.items.map((item) => [item.orderId, item]));
    expect(byId.get(mine)).toMatchObject({ buyerOpenid: TEST_OPENID, address: ADDRESS, canShip: true, giftCard: null });
    expect(byId.get(theirs)).toMatchObject({ buyerOpenid: 'o-someone-else', address: { telNumber: '13900001111' } });
    expect(page.items.every((item) => item.status === 'paid')).toBe(true);
  });

  it('ships a paid order once; the buyer sees it and confirms receipt', async () => {
    const orderId = await paidOrder();
    const shipped = await okData<MerchantOrderView>(
      'merchant',
      { action: 'shipOrder', orderId, expressCompany: '顺丰速运', trackingNo: 'SF1400000000001' },
      MERCHANT,
    );
    expect(shipped).toMatchObject({
      status: 'shipped',
      statusLabel: '已发货',
      canShip: false,
      shipping: { expressCompany: '顺丰速运', trackingNo: 'SF1400000000001', shippedAt: expect.any(Number) },
    });
    expect(
      await call('merchant', { action: 'shipOrder', orderId, expressCompany: '圆通', trackingNo: 'YT1' }, MERCHANT),
    ).toMatchObject({ ok: false, code: 'ORDER.INVALID_STATE' });

    const buyerView = await okData<OrderView>('order', { action: 'getOrder', orderId }, TEST_OPENID);
    expect(buyerView).toMatchObject({
      status: 'shipped',
      actions: ['confirmReceipt'],
      shipping: { trackingNo: 'SF1400000000001' },
    });
    const completed = await okData<OrderView>('order', { action: 'confirmReceipt', orderId }, TEST_OPENID);
    expect(completed).toMatchObject({ status: 'completed', statusLabel: '已完成', actions: [] });
    expect(await call('order', { action: 'confirmReceipt', orderId }, TEST_OPENID)).toMatchObject({
      ok: false,
      code: 'ORDER.INVALID_STATE',
    });
  });

  it('refuses to ship unpaid or unknown orders and bad shipping details', async () => {
    const unpaid = await okData<{ orderId: string }>(
      'order',
      { action: 'createOrder', skuId: someSkuId(), quantity: 1, address: ADDRESS },
      TEST_OPENID,
    );
    const ship = (event: Record<string, unknown>) =>
      call(
        'merchant',
        { action: 'shipOrder', expressCompany: '顺丰速运', trackingNo: 'SF1400000000009', ...event },
        MERCHANT,
      );
    expect(await ship({ orderId: unpaid.orderId })).toMatchObject({ ok: false, code: 'ORDER.INVALID_STATE' });
    expect(await ship({ orderId: 'no-such-order' })).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    const paid = await paidOrder();
    expect(await ship({ orderId: paid, trackingNo: '' })).toMatchObject({ ok: false, code: 'COMMON.INVALID_ARGUMENT' });
    expect(await ship({ orderId: paid, expressCompany: ' ' })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_ARGUMENT',
    });
    const [doc] = harness.cloud.db.find('orders', { _id: paid }) as Array<{ status: string }>;
    expect(doc?.status).toBe('paid');
  });

  it('shows the greeting card and the recipient’s address of an accepted gift order', async () => {
    const now = harness.cloud.clock.now();
    harness.cloud.db.insert('gifts', [
      {
        _id: 'g-merchant-test',
        orderId: 'ogift-merchant-test',
        status: 'accepted',
        giverOpenid: TEST_OPENID,
        giverNickname: '小明',
        greeting: '生日快乐！',
        recipientName: '小红',
        signature: '爱你的小明',
        address: ADDRESS,
      },
    ]);
    harness.cloud.db.insert('orders', [
      {
        _id: 'ogift-merchant-test',
        kind: 'gift',
        giftId: 'g-merchant-test',
        openid: TEST_OPENID,
        status: 'paid',
        items: [],
        skuId: someSkuId(),
        quantity: 1,
        totalFee: 9900,
        address: null,
        outTradeNo: 'Gg-merchant-test',
        stockHold: 'committed',
        createdAt: now,
        expiresAt: now + 30 * 60_000,
        paidAt: now,
        transactionId: '4200000000000000000000000001',
        shipping: null,
        completedAt: null,
        cancelledAt: null,
        cancelReason: null,
        updatedAt: now,
      },
    ]);
    const page = await okData<Page>('merchant', { action: 'listOrders', limit: 50 }, MERCHANT);
    const gift = page.items.find((item) => item.orderId === 'ogift-merchant-test');
    expect(gift).toMatchObject({
      kind: 'gift',
      address: ADDRESS,
      canShip: true,
      giftCard: { giverNickname: '小明', recipientName: '小红', greeting: '生日快乐！', signature: '爱你的小明' },
    });
    // the giver's own view of a gift order never shows the recipient's address
    const giverView = await okData<OrderView>(
      'order',
      { action: 'getOrder', orderId: 'ogift-merchant-test' },
      TEST_OPENID,
    );
    expect(giverView.address).toBeNull();
  });
});
