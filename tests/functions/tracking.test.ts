/**
 * Parcel tracking for everyone who should see it, through the real bundled functions on the local
 * cloud: the carrier list on shipOrder, the recipient's order list / order / gift with the parcel and
 * its timeline (no prices), the giver's answers without address, phone or tracking number, the
 * shipping notices sent once under replay, and the 10-day auto-complete.
 */
import type { OrderView, ParcelTracking, RecipientOrderView } from '@domain/contracts';
import type { Result } from '@domain/result';
import { routes } from '@domain/routes';
import { startFunctionsHarness, TEST_OPENID, type FunctionsHarness } from './harness';
import { GIVER, giftTools, privateLeaks, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';

jest.setTimeout(240_000);

const MERCHANT = 'dev-merchant';
const SKU = 'home-aroma-sku01';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const BUYER_ADDRESS = {
  userName: '王五',
  telNumber: '13700002222',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路1号',
};

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

const ship = (orderId: string, expressCompany: string, trackingNo: string) =>
  call<Record<string, unknown>>('merchant', { action: 'shipOrder', orderId, expressCompany, trackingNo }, MERCHANT);

/** A gift paid by the giver and accepted by the recipient: its order waits for shipping. */
async function acceptedGift() {
  const gift = await t.paidGift(SKU);
  await t.okGift(
    { action: 'acceptGift', giftId: gift.giftId, token: gift.token, address: RECIPIENT_ADDRESS },
    RECIPIENT,
  );
  return gift;
}

async function paidSelfOrder(openid = TEST_OPENID): Promise<string> {
  const created = await okCall<{ orderId: string; outTradeNo: string }>(
    'order',
    { action: 'createOrder', skuId: SKU, quantity: 1, address: BUYER_ADDRESS },
    openid,
  );
  await t.pay(created.outTradeNo);
  return created.orderId;
}

/** Every non-null `address` anywhere in the value. */
function addressesIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(addressesIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'address' && inner !== null ? [inner] : addressesIn(inner),
    );
  }
  return [];
}

/** Subscribe messages to `touser` whose data mentions `text` (template ids are the merchant's to set). */
const messagesTo = async (touser: string, text: string) =>
  (await t.messages()).filter((m) => m.touser === touser && JSON.stringify(m.data).includes(text));

describe('shipping with a listed carrier', () => {
  it('takes a carrier by name or code, stores both, and refuses unknown carriers and malformed numbers', async () => {
    const first = await paidSelfOrder();
    expect(await ship(first, '顺风快递', 'SF1400000000001')).toMatchObject({
      ok: false,
      code: 'LOGISTICS.UNKNOWN_CARRIER',
    });
    expect(await ship(first, 'SF', 'JD0088123456789')).toMatchObject({
      ok: false,
      code: 'LOGISTICS.INVALID_TRACKING_NO',
    });
    expect(t.orderDoc(first)).toMatchObject({ status: 'paid', shipping: null });

    expect(await ship(first, 'sf', 'sf1400000000011')).toMatchObject({
      ok: true,
      data: { status: 'shipped', shipping: { expressCompany: '顺丰速运', trackingNo: 'SF1400000000011' } },
    });
    expect(t.orderDoc(first).shipping).toMatchObject({ carrierCode: 'SF', expressCompany: '顺丰速运' });

    const second = await paidSelfOrder();
    expect(await ship(second, '京东物流', 'JD0088123456712')).toMatchObject({ ok: true });
    expect(t.orderDoc(second).shipping).toMatchObject({ carrierCode: 'JDL', trackingNo: 'JD0088123456712' });
  });
});

describe('the recipient follows her parcel; the giver only learns 已发货 / 已签收', () => {
  it('shows the recipient carrier, number and a growing timeline, and her order without prices', async () => {
    const gift = await acceptedGift();
    const trackingNo = '75000000000031';
    expect(await ship(gift.orderId, '中通快递', trackingNo)).toMatchObject({ ok: true });

    // gift.getGift answers the recipient with her view, shipping included
    const mine = await okCall<Record<string, unknown>>('gift', { action: 'getGift', giftId: gift.giftId }, RECIPIENT);
    expect(mine).toMatchObject({
      viewer: 'recipient',
      shipping: { expressCompany: '中通快递', trackingNo },
      orderId: gift.orderId,
    });
    expect(JSON.stringify(mine)).not.toMatch(/"(price|unitPrice|totalFee)"\s*:\s*\d/);

    // 我的订单 lists the gift order she accepted: her address, no prices
    const list = await okCall<{ items: Array<OrderView | RecipientOrderView> }>(
      'order',
      { action: 'listOrders', limit: 50 },
      RECIPIENT,
    );
    const entry = list.items.find((item) => item.orderId === gift.orderId);
    expect(entry).toMatchObject({
      viewer: 'recipient',
      kind: 'gift',
      status: 'shipped',
      totalFee: null,
      address: RECIPIENT_ADDRESS,
      shipping: { expressCompany: '中通快递', trackingNo },
      actions: [],
    });
    expect(entry?.items.every((item) => item.price === null)).toBe(true);
    const shippedTab = await okCall<{ items: Array<{ orderId: string }> }>(
      'order',
      { action: 'listOrders', status: 'shipped', limit: 50 },
      RECIPIENT,
    );
    expect(shippedTab.items.map((item) => item.orderId)).toContain(gift.orderId);

    // she opens the order's detail (same rules) and its timeline
    expect(await okCall('order', { action: 'getOrder', orderId: gift.orderId }, RECIPIENT)).toMatchObject({
      viewer: 'recipient',
      totalFee: null,
      address: RECIPIENT_ADDRESS,
    });
    const justShipped = await okCall<ParcelTracking>(
      'order',
      { action: 'getTracking', orderId: gift.orderId },
      RECIPIENT,
    );
    expect(justShipped).toMatchObject({ carrierCode: 'ZTO', trackingNo, stage: 'awaitingPickup', events: [] });

    await harness.cloud.clock.advance(DAY);
    const nextDay = await okCall<ParcelTracking>('order', { action: 'getTracking', orderId: gift.orderId }, RECIPIENT);
    expect(nextDay.events.length).toBeGreaterThanOrEqual(2);
    expect(nextDay.events.at(-1)).toMatchObject({ stage: 'collected', stageLabel: '已揽收' });
    expect(['inTransit', 'delivering', 'signed']).toContain(nextDay.stage);

    await harness.cloud.clock.advance(4 * DAY);
    const later = await okCall<ParcelTracking>('order', { action: 'getTracking', orderId: gift.orderId }, RECIPIENT);
    expect(later).toMatchObject({ stage: 'signed', stageLabel: '已签收' });
    expect(later.events[0]).toMatchObject({ stage: 'signed' });
    expect(later.events.map((event) => event.stageLabel)).toEqual(
      expect.arrayContaining(['已揽收', '运输中', '派送中', '已签收']),
    );

    // the giver: 已发货 on the gift, and never the address, phone or number in ANY answer
    const giverAnswers = [
      await call('gift', { action: 'getGift', giftId: gift.giftId }, GIVER),
      await call('gift', { action: 'listGifts', role: 'sent' }, GIVER),
      await call('order', { action: 'getOrder', orderId: gift.orderId }, GIVER),
      await call('order', { action: 'listOrders', limit: 50 }, GIVER),
      await call('order', { action: 'listOrders', status: 'shipped', limit: 50 }, GIVER),
    ];
    for (const answer of giverAnswers) {
      expect(answer.ok).toBe(true);
      // order views keep an `address` key, always null for the giver; nothing else of hers may appear
      expect(privateLeaks(answer).filter((path) => !path.endsWith('.address'))).toEqual([]);
      expect(addressesIn(answer)).toEqual([]);
      expect(JSON.stringify(answer)).not.toContain(trackingNo);
    }
    expect(giverAnswers[0]).toMatchObject({
      data: { viewer: 'giver', delivery: { stage: 'shipped', label: '已发货' } },
    });
    expect(await call('order', { action: 'getTracking', orderId: gift.orderId }, GIVER)).toMatchObject({
      ok: false,
      code: 'ORDER.NOT_FOUND',
    });
    // a stranger gets nothing either
    for (const event of [
      { action: 'getOrder', orderId: gift.orderId },
      { action: 'getTracking', orderId: gift.orderId },
    ]) {
      expect(await call('order', event, 'o-stranger')).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    }
    expect(await call('gift', { action: 'getGift', giftId: gift.giftId }, 'o-stranger')).toMatchObject({
      ok: false,
      code: 'GIFT.NOT_FOUND',
    });
  });

  it('the buyer of a self order follows the parcel too', async () => {
    const orderId = await paidSelfOrder('o-tracking-buyer');
    await ship(orderId, 'YTO', 'YT7500000000001');
    await harness.cloud.clock.advance(6 * HOUR);
    const tracking = await okCall<ParcelTracking>('order', { action: 'getTracking', orderId }, 'o-tracking-buyer');
    expect(tracking).toMatchObject({ expressCompany: '圆通速递', trackingNo: 'YT7500000000001' });
    expect(tracking.events.length).toBeGreaterThanOrEqual(1);
    expect(await call('order', { action: 'getTracking', orderId: await paidSelfOrder() }, TEST_OPENID)).toMatchObject({
      ok: false,
      code: 'ORDER.NOT_SHIPPED',
    });
  });
});

describe('shipping notices', () => {
  it('tell the recipient (carrier, number) and the giver (已发货 only) once, however often shipOrder runs', async () => {
    const gift = await acceptedGift();
    const trackingNo = 'SF1400000000041';
    const first = await ship(gift.orderId, '顺丰速运', trackingNo);
    const replay = await ship(gift.orderId, 'SF', trackingNo);
    expect(first).toMatchObject({ ok: true, data: { status: 'shipped' } });
    expect(replay).toEqual(first);
    // a different shipment of a shipped order is refused
    expect(await ship(gift.orderId, '顺丰速运', 'SF1400000000042')).toMatchObject({
      ok: false,
      code: 'ORDER.INVALID_STATE',
    });

    const about = await messagesTo(RECIPIENT, trackingNo);
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({ page: routes.orderDetail({ orderId: gift.orderId }) });
    expect(JSON.stringify(about[0]?.data)).toContain('顺丰速运');

    const toGiver = (await messagesTo(GIVER, '已发货')).filter((m) => JSON.stringify(m).includes(gift.giftId));
    expect(toGiver).toHaveLength(1);
    expect(privateLeaks(toGiver)).toEqual([]);
    expect(JSON.stringify(toGiver)).not.toContain(trackingNo);
  });

  it('tell the buyer of a self order once', async () => {
    const orderId = await paidSelfOrder('o-notice-buyer');
    await ship(orderId, 'EMS', '1100000000051');
    await ship(orderId, 'EMS', '1100000000051');
    const sent = await messagesTo('o-notice-buyer', '1100000000051');
    expect(sent).toHaveLength(1);
  });
});

describe('auto-complete 10 days after shipping', () => {
  it('completes shipped orders once when the order timer runs after 10 days, not before', async () => {
    const selfOrder = await paidSelfOrder('o-auto-complete');
    const gift = await acceptedGift();
    await ship(selfOrder, 'STO', '773000000000061');
    await ship(gift.orderId, 'YUNDA', '4312345678961');

    await harness.cloud.clock.advance(9 * DAY);
    expect(t.orderDoc(selfOrder).status).toBe('shipped');
    expect(t.orderDoc(gift.orderId).status).toBe('shipped');

    await harness.cloud.clock.advance(DAY + 2 * 60_000);
    const completed = t.orderDoc(selfOrder);
    expect(completed).toMatchObject({ status: 'completed', autoCompleted: true });
    expect(t.orderDoc(gift.orderId)).toMatchObject({ status: 'completed', autoCompleted: true });

    // a later run (and a replayed timer) changes nothing
    await harness.cloud.clock.advance(HOUR);
    await t.backend('order', { Type: 'Timer', TriggerName: 'cancelUnpaidOrders', Time: new Date().toISOString() });
    expect(t.orderDoc(selfOrder).completedAt).toBe(completed.completedAt);

    // everyone reads it as done: the buyer 已完成, the recipient 已签收, the giver 已签收
    expect(await okCall('order', { action: 'getOrder', orderId: selfOrder }, 'o-auto-complete')).toMatchObject({
      status: 'completed',
      actions: [],
    });
    expect(await okCall('order', { action: 'getOrder', orderId: gift.orderId }, RECIPIENT)).toMatchObject({
      status: 'completed',
      statusLabel: '已签收',
    });
    expect(await okCall('gift', { action: 'getGift', giftId: gift.giftId }, GIVER)).toMatchObject({
      delivery: { stage: 'received', label: '已签收' },
    });
  });
});
