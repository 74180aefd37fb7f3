/**
 * The giver's 我的订单 with gift orders in it: a gift order is an ordinary order (written by
 * server/orders.ts), listed on every status tab and opened by getOrder with its name and price —
 * never with the recipient's address or phone. And a createGift that loses the last unit writes nothing.
 */
import type { OrderView } from '@domain/contracts';
import type { GiverGiftView, RecipientGiftView } from '@domain/gift/views';
import type { Result } from '@domain/result';
import { startFunctionsHarness, type FunctionsHarness } from './harness';
import { GIVER, giftTools, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';

jest.setTimeout(180_000);

const MERCHANT = 'dev-merchant';
const SKU = 'home-aroma-sku01';
const PRICE = 16800;
const TABS = [undefined, 'pendingPayment', 'awaitingRecipient', 'paid', 'shipped', 'completed', 'cancelled'] as const;

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['gift', 'giftExpiry', 'refundCallback', 'user', 'payCallback', 'order', 'merchant'],
  });
  t = giftTools(harness);
});

afterAll(async () => {
  await harness?.stop();
});

const call = <T>(name: string, event: Record<string, unknown>, openid: string) =>
  harness.call<Result<T>>(name, event, openid);

async function okCall<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = await call<T>(name, event, openid);
  if (!answer.ok) throw new Error(`${name} ${JSON.stringify(event)}: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** The recipient's private data, anywhere in what the giver received. */
function recipientDataIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [RECIPIENT_ADDRESS.telNumber, RECIPIENT_ADDRESS.detailInfo, RECIPIENT_ADDRESS.userName, RECIPIENT].filter(
    (secret) => text.includes(secret),
  );
}

describe('the giver’s 我的订单 with gift orders', () => {
  it('lists every gift order on its tab and opens each one, with name and price and no address', async () => {
    const productName = (harness.cloud.db.find('products', { _id: 'home-aroma' })[0] as { name: string }).name;

    const unpaid = await t.okGift({ action: 'createGift', skuId: SKU, greeting: '未付款的礼物' });
    const waiting = await t.paidGift(SKU);
    const accepted = await t.paidGift(SKU);
    await t.okGift(
      { action: 'acceptGift', giftId: accepted.giftId, token: accepted.token, address: RECIPIENT_ADDRESS },
      RECIPIENT,
    );
    const shipped = await t.paidGift(SKU);
    await t.okGift(
      { action: 'acceptGift', giftId: shipped.giftId, token: shipped.token, address: RECIPIENT_ADDRESS },
      RECIPIENT,
    );
    await okCall(
      'merchant',
      { action: 'shipOrder', orderId: shipped.orderId, expressCompany: '顺丰速运', trackingNo: 'SF1400000000001' },
      MERCHANT,
    );
    const declined = await t.paidGift(SKU);
    await t.okGift({ action: 'declineGift', giftId: declined.giftId, token: declined.token }, RECIPIENT);

    const expected: Record<string, string> = {
      [unpaid.orderId]: 'pendingPayment',
      [waiting.orderId]: 'awaitingRecipient',
      [accepted.orderId]: 'paid',
      [shipped.orderId]: 'shipped',
      [declined.orderId]: 'cancelled',
    };

    for (const status of TABS) {
      const page = await okCall<{ items: OrderView[] }>(
        'order',
        { action: 'listOrders', limit: 50, ...(status ? { status } : {}) },
        GIVER,
      );
      const wanted = Object.keys(expected).filter((id) => status === undefined || expected[id] === status);
      expect(page.items.map((item) => item.orderId).sort()).toEqual(wanted.sort());
      for (const item of page.items) {
        expect(item).toMatchObject({
          kind: 'gift',
          status: expected[item.orderId],
          totalFee: PRICE,
          address: null,
          actions: [],
          items: [{ skuId: SKU, name: productName, price: PRICE, quantity: 1 }],
        });
      }
      expect(recipientDataIn(page)).toEqual([]);
    }

    for (const [orderId, status] of Object.entries(expected)) {
      const view = await okCall<OrderView>('order', { action: 'getOrder', orderId }, GIVER);
      expect(view).toMatchObject({ orderId, kind: 'gift', status, address: null, totalFee: PRICE });
      expect(view.items).toEqual([
        expect.objectContaining({ name: productName, price: PRICE, quantity: 1, specs: expect.any(Object) }),
      ]);
      expect(recipientDataIn(view)).toEqual([]);
    }
    // the shipped one reads 已发货 for the giver, without the carrier or the number (they lead to the address)
    const shippedView = await okCall<OrderView>('order', { action: 'getOrder', orderId: shipped.orderId }, GIVER);
    expect(shippedView).toMatchObject({ status: 'shipped', statusLabel: '已发货', shipping: null });
    const giversGift = await t.okGift<GiverGiftView>({ action: 'getGift', giftId: shipped.giftId });
    expect(giversGift).toMatchObject({ label: '已发货', delivery: { stage: 'shipped', label: '已发货' } });
    expect(JSON.stringify(giversGift)).not.toContain('SF1400000000001');
    expect(JSON.stringify(giversGift)).not.toContain('顺丰速运');

    // the recipient sees her parcel: carrier and number, in 我收到的 and on the gift's page
    const received = await t.okGift<{ items: RecipientGiftView[] }>(
      { action: 'listGifts', role: 'received' },
      RECIPIENT,
    );
    const mine = received.items.find((item) => item.giftId === shipped.giftId);
    expect(mine).toMatchObject({
      label: '已发货',
      delivery: { stage: 'shipped', expressCompany: '顺丰速运', trackingNo: 'SF1400000000001' },
    });
    expect(received.items.find((item) => item.giftId === accepted.giftId)).toMatchObject({
      delivery: { stage: 'toShip', expressCompany: null, trackingNo: null },
    });
    const opened = await t.okGift<RecipientGiftView>(
      { action: 'openGift', giftId: shipped.giftId, token: shipped.token },
      RECIPIENT,
    );
    expect(opened.delivery).toMatchObject({ stage: 'shipped', trackingNo: 'SF1400000000001' });

    // the merchant still gets the recipient's address and the printed card
    const merchantPage = await okCall<{ items: Array<{ orderId: string; address: unknown; giftCard: unknown }> }>(
      'merchant',
      { action: 'listOrders', limit: 50, status: 'paid' },
      MERCHANT,
    );
    expect(merchantPage.items.find((item) => item.orderId === accepted.orderId)).toMatchObject({
      address: RECIPIENT_ADDRESS,
      giftCard: { giverNickname: '小明', greeting: '生日快乐，天天开心' },
    });
  });
});

describe('createGift racing for the last unit', () => {
  it('leaves exactly one gift, one order and one hold; every refused one wrote nothing', async () => {
    const skuId = 'home-aroma-last-unit';
    const [template] = harness.cloud.db.find('skus', { _id: SKU }) as Array<Record<string, unknown>>;
    harness.cloud.db.insert('skus', [{ ...template, _id: skuId, stock: 1, sales: 0, holds: [] }]);
    const before = t.counts();

    const answers = await Promise.all(
      Array.from({ length: 12 }, () => t.gift({ action: 'createGift', skuId, greeting: '最后一件' })),
    );
    const winners = answers.filter((answer) => answer.ok);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((answer) => !answer.ok)) {
      expect(loser).toMatchObject({ code: 'GIFT.OUT_OF_STOCK' });
    }
    const winner = (winners[0] as { data: { orderId: string; giftId: string } }).data;
    expect(t.counts()).toEqual({ gifts: before.gifts + 1, orders: before.orders + 1 });
    expect(t.sku(skuId)).toMatchObject({ stock: 0, holds: [winner.orderId] });
    expect(t.orderDoc(winner.orderId)).toMatchObject({ kind: 'gift', giftId: winner.giftId, stockHold: 'held' });
    expect(harness.cloud.db.count('gifts', { skuId })).toBe(1);
    expect(harness.cloud.db.count('orders', { skuId })).toBe(1);
  });
});
