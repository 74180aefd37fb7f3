/**
 * The real bundled `gift` function (with the colleague's `order`/`payCallback`) through the local
 * cloud: creation rules, payment activation, views and privacy, SKU switching, acceptance races and
 * the recipient's distinct refusals. Expiry, decline and refunds: gift-expiry.test.ts.
 */
import { seedDevUsers } from '../../scripts/seed-dev-users';
import { HOUR_MS } from '@domain/clock';
import { startFunctionsHarness, type FunctionsHarness } from './harness';
import { FRIEND, GIVER, giftTools, privateLeaks, RECIPIENT, RECIPIENT_ADDRESS } from './gift-support';

jest.setTimeout(180_000);

let harness: FunctionsHarness;
let t: ReturnType<typeof giftTools>;
/** every answer the giver received, scanned for the recipient's private data at the end */
const giverAnswers: unknown[] = [];

beforeAll(async () => {
  harness = await startFunctionsHarness({
    functions: ['gift', 'giftExpiry', 'refundCallback', 'user', 'payCallback', 'order'],
  });
  seedDevUsers(harness.cloud.db);
  t = giftTools(harness);
  const asGiver = t.gift;
  // what the giver's own pages receive: createGift, getGift, listGifts, shareCard, and every refusal
  const giverActions = ['createGift', 'getGift', 'listGifts', 'shareCard'];
  t.gift = async (event, openid = GIVER) => {
    const answer = await asGiver(event, openid);
    if (openid === GIVER && (giverActions.includes(String(event.action)) || !answer.ok)) giverAnswers.push(answer);
    return answer;
  };
});

afterAll(async () => {
  await harness?.stop();
});

const card = { greeting: '生日快乐', cardStyle: 'classic' };

describe('createGift refuses everything outside the rules, changing nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['jewellery', { skuId: 'jewellery-necklace-sku01', ...card }, 'GIFT.CATEGORY_NOT_GIFTABLE'],
    ['education', { skuId: 'education-calligraphy-sku01', ...card }, 'GIFT.CATEGORY_NOT_GIFTABLE'],
    ['unit price above ¥10,000', { skuId: 'digital-camera-sku01', ...card }, 'GIFT.PRICE_TOO_HIGH'],
    ['quantity 2', { skuId: 'home-aroma-sku01', ...card, quantity: 2 }, 'GIFT.QUANTITY_MUST_BE_ONE'],
    ['a 101-character greeting', { skuId: 'home-aroma-sku01', greeting: '福'.repeat(101) }, 'GIFT.GREETING_TOO_LONG'],
    ['a blank greeting', { skuId: 'home-aroma-sku01', greeting: ' \u3000\u200B ' }, 'GIFT.GREETING_EMPTY'],
    ['an empty greeting', { skuId: 'home-aroma-sku01', greeting: '' }, 'GIFT.GREETING_EMPTY'],
    [
      'a long recipient name',
      { skuId: 'home-aroma-sku01', ...card, recipientName: '名'.repeat(11) },
      'GIFT.RECIPIENT_NAME_TOO_LONG',
    ],
    ['an off-shelf SKU', { skuId: 'digital-earbuds-sku03', ...card }, 'GIFT.SKU_OFF_SHELF'],
    ['an off-shelf product', { skuId: 'food-xmas-2025-sku01', ...card }, 'GIFT.SKU_OFF_SHELF'],
    ['a sold-out SKU', { skuId: 'food-mooncake-sku03', ...card }, 'GIFT.OUT_OF_STOCK'],
    ['an unknown SKU', { skuId: 'nope-sku01', ...card }, 'GIFT.SKU_NOT_FOUND'],
    ['no greeting at all', { skuId: 'home-aroma-sku01' }, 'COMMON.INVALID_ARGUMENT'],
  ];

  it.each(cases)('%s', async (_name, request, code) => {
    const skuId = String(request.skuId);
    const before = { counts: t.counts(), sku: t.sku(skuId) ?? null, payments: (await t.ledger()).payments.length };
    const answer = await t.gift({ action: 'createGift', ...request });
    expect(answer).toMatchObject({ ok: false, code });
    if (!answer.ok) expect(answer.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(t.counts()).toEqual(before.counts);
    expect(t.sku(skuId) ?? null).toEqual(before.sku);
    expect((await t.ledger()).payments).toHaveLength(before.payments);
  });

  it('accepts exactly ¥10,000 and a 100-character greeting', async () => {
    const created = await t.okGift({ action: 'createGift', skuId: 'home-tea-table-sku01', greeting: '福'.repeat(100) });
    expect(created).toMatchObject({
      giftId: expect.any(String),
      orderId: created.giftId,
      outTradeNo: `G${created.giftId}`,
    });
    expect(created.payment).toMatchObject({
      timeStamp: expect.any(String),
      package: expect.stringMatching(/^prepay_id=/),
      paySign: expect.any(String),
    });
  });

  it('needs a user', async () => {
    const before = t.counts();
    const event = { action: 'createGift', skuId: 'home-aroma-sku01', greeting: 'hi' };
    const answer = await harness.cloud.services.invoke('gift', event, { openid: '', source: 'wx_client' });
    expect(answer).toMatchObject({ ok: false, code: 'COMMON.UNAUTHENTICATED' });
    expect(t.counts()).toEqual(before);
  });
});

describe('a created gift', () => {
  it('records the order, the gift and the stock hold, and waits for payment', async () => {
    const before = t.sku('home-aroma-sku01');
    const created = await t.okGift({ action: 'createGift', skuId: 'home-aroma-sku01', ...card, signature: '小明' });
    const gift = t.giftDoc(created.giftId);
    const order = t.orderDoc(created.orderId);
    expect(gift).toMatchObject({
      status: 'pendingPayment',
      giverOpenid: GIVER,
      giverNickname: '小明',
      price: 16800,
      skuId: 'home-aroma-sku01',
    });
    expect(gift.token).toMatch(/^[0-9a-f]{32}$/);
    expect(order).toMatchObject({
      kind: 'gift',
      giftId: created.giftId,
      status: 'pendingPayment',
      totalFee: 16800,
      outTradeNo: created.outTradeNo,
    });
    expect(order.expiresAt - order.createdAt).toBe(30 * 60_000);
    expect(t.sku('home-aroma-sku01').stock).toBe(before.stock - 1);
    expect(t.sku('home-aroma-sku01').holds).toContain(created.orderId);

    const view = await t.okGift({ action: 'getGift', giftId: created.giftId });
    expect(view).toMatchObject({ status: 'pendingPayment', sharePath: null, label: '待付款' });
    expect(await t.gift({ action: 'shareCard', giftId: created.giftId })).toMatchObject({
      ok: false,
      code: 'GIFT.NOT_PAID',
    });
  });

  it('is activated once by the payment, even when the callback is replayed', async () => {
    const { giftId, outTradeNo, view } = await t.paidGift();
    expect(view.status).toBe('waiting');
    const gift = t.giftDoc(giftId);
    expect(gift.expiresAt - gift.paidAt).toBe(24 * HOUR_MS);
    expect(t.orderDoc(giftId).status).toBe('awaitingRecipient');
    const tasksFor = () =>
      harness.cloud.openapi.delayedTasks().filter((task) => JSON.parse(task.data).giftId === giftId);
    expect(tasksFor()).toHaveLength(1);
    expect(tasksFor()[0]).toMatchObject({ functionName: 'giftExpiry' });
    expect(tasksFor()[0]!.dueAt).toBeGreaterThanOrEqual(gift.expiresAt);

    // WeChat Pay delivers the same notification again (and again).
    const payment = (await t.ledger()).payments.find((p) => p.outTradeNo === outTradeNo)!;
    const event = {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo,
      transactionId: payment.transactionId,
      totalFee: payment.totalFee,
      cashFee: payment.totalFee,
      subOpenid: GIVER,
      timeEnd: payment.timeEnd,
      subMchId: payment.subMchId,
    };
    for (let i = 0; i < 3; i += 1) {
      expect(await t.backend('payCallback', event, 'wx_paycallback')).toMatchObject({ errcode: 0 });
    }
    expect(t.giftDoc(giftId)).toMatchObject({ status: 'waiting', paidAt: gift.paidAt, expiresAt: gift.expiresAt });
    expect(tasksFor()).toHaveLength(1);
    expect(await t.pay(outTradeNo)).toMatchObject({ alreadyPaid: true });
    expect(tasksFor()).toHaveLength(1);
  });
});

describe('views', () => {
  it('gives the giver the card, a countdown, the share path and a private-message card', async () => {
    const { giftId, token } = await t.paidGift();
    const view = await t.okGift({ action: 'getGift', giftId });
    expect(view).toMatchObject({
      giftId,
      status: 'waiting',
      wechatCode: 10,
      label: '等待好友领取',
      greeting: '生日快乐，天天开心',
      recipientName: '小红',
      signature: '小明',
      cardStyle: 'birthday',
      refund: 'none',
      sku: { productId: 'home-aroma', skuId: 'home-aroma-sku01' },
      unitPrice: 16800,
      recipientNickname: null,
      sharePath: `/packages/gift/pages/receive/index?giftId=${giftId}&token=${token}`,
    });
    // the countdown starts at 24 h (less the real time this test took)
    expect(view.remainingMs).toBeLessThanOrEqual(24 * HOUR_MS);
    expect(view.remainingMs).toBeGreaterThan(24 * HOUR_MS - 60_000);
    const share = await t.okGift({ action: 'shareCard', giftId });
    expect(share).toMatchObject({
      activityId: expect.any(String),
      path: view.sharePath,
      imageUrl: '/static/gift-cards/birthday.png',
    });
    expect(share.title).toContain('小明');
    expect(share.activityExpiresAt).toBeGreaterThan(Math.floor(harness.cloud.clock.now() / 1000));
  });

  it('hides the gift from anyone but the giver', async () => {
    const { giftId } = await t.paidGift();
    for (const who of [RECIPIENT, FRIEND]) {
      expect(await t.gift({ action: 'getGift', giftId }, who)).toMatchObject({ ok: false, code: 'GIFT.NOT_FOUND' });
      expect(await t.gift({ action: 'shareCard', giftId }, who)).toMatchObject({ ok: false, code: 'GIFT.NOT_FOUND' });
    }
    expect(await t.gift({ action: 'getGift', giftId: 'unknown' })).toMatchObject({ ok: false, code: 'GIFT.NOT_FOUND' });
  });

  it('shows the recipient the gift without any price, with the SKUs of the same price', async () => {
    const { giftId, token } = await t.paidGift();
    const view = await t.okGift({ action: 'openGift', giftId, token }, RECIPIENT);
    expect(view).toMatchObject({
      status: 'waiting',
      giverNickname: '小明',
      canRespond: true,
      isGiver: false,
      greeting: '生日快乐，天天开心',
    });
    expect(view.skuOptions.map((o: { skuId: string }) => o.skuId).sort()).toEqual([
      'home-aroma-sku01',
      'home-aroma-sku02',
      'home-aroma-sku03',
    ]);
    const text = JSON.stringify(view);
    for (const secret of ['16800', '168.00', token, 'unitPrice', 'totalFee', 'outTradeNo'])
      expect(text).not.toContain(secret);
    // the giver may look at their own gift's page, but not respond to it
    expect(await t.okGift({ action: 'openGift', giftId, token }, GIVER)).toMatchObject({
      isGiver: true,
      canRespond: false,
    });
  });

  it('answers a wrong, missing or malformed token, and an unknown gift, the same way', async () => {
    const { giftId, token } = await t.paidGift();
    const wrong = token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const answers = [
      await t.gift({ action: 'openGift', giftId, token: wrong }, RECIPIENT),
      await t.gift({ action: 'openGift', giftId }, RECIPIENT),
      await t.gift({ action: 'openGift', giftId, token: 'x' }, RECIPIENT),
      await t.gift({ action: 'openGift', giftId: 'g0000unknown', token }, RECIPIENT),
      await t.gift({ action: 'acceptGift', giftId, token: wrong, address: RECIPIENT_ADDRESS }, RECIPIENT),
      await t.gift({ action: 'declineGift', giftId, token: wrong }, RECIPIENT),
    ];
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: false, code: 'GIFT.INVALID_TOKEN' });
    expect(t.giftDoc(giftId).status).toBe('waiting');
  });
});

describe('acceptGift', () => {
  it('refuses bad input before anything changes: address, SKU switch, own gift', async () => {
    const { giftId, token } = await t.paidGift();
    const before = {
      gift: t.giftDoc(giftId),
      order: t.orderDoc(giftId),
      sku1: t.sku('home-aroma-sku01'),
      sku2: t.sku('home-aroma-sku02'),
    };
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ address: { ...RECIPIENT_ADDRESS, telNumber: '020-81167888' } }, RECIPIENT, 'COMMON.INVALID_ARGUMENT'],
      [{ address: undefined }, RECIPIENT, 'COMMON.INVALID_ARGUMENT'],
      [{ skuId: 'food-coffee-sku01' }, RECIPIENT, 'GIFT.SKU_SWITCH_NOT_ALLOWED'],
      [{ skuId: 'beauty-lipstick-sku02' }, RECIPIENT, 'GIFT.SKU_SWITCH_NOT_ALLOWED'],
      [{ skuId: 'nope-sku09' }, RECIPIENT, 'GIFT.SKU_NOT_FOUND'],
      [{}, GIVER, 'GIFT.OWN_GIFT'],
    ];
    for (const [change, who, code] of refusals) {
      const answer = await t.gift({ action: 'acceptGift', giftId, token, address: RECIPIENT_ADDRESS, ...change }, who);
      expect(answer).toMatchObject({ ok: false, code });
    }
    expect(t.giftDoc(giftId)).toEqual(before.gift);
    expect(t.orderDoc(giftId)).toEqual(before.order);
    expect(t.sku('home-aroma-sku01')).toEqual(before.sku1);
    expect(t.sku('home-aroma-sku02')).toEqual(before.sku2);
  });

  it('switches to another SKU at the same price, moving the stock hold, and hands the order to the merchant', async () => {
    const { giftId, token } = await t.paidGift();
    const sku1 = t.sku('home-aroma-sku01');
    const sku2 = t.sku('home-aroma-sku02');
    const view = await t.okGift(
      { action: 'acceptGift', giftId, token, skuId: 'home-aroma-sku02', address: RECIPIENT_ADDRESS },
      RECIPIENT,
    );
    expect(view).toMatchObject({
      status: 'accepted',
      label: '你已收下',
      respondedByMe: true,
      sku: { skuId: 'home-aroma-sku02' },
      myAddress: RECIPIENT_ADDRESS,
    });

    expect(t.sku('home-aroma-sku01')).toMatchObject({ stock: sku1.stock + 1, sales: sku1.sales });
    expect(t.sku('home-aroma-sku01').holds ?? []).not.toContain(giftId);
    expect(t.sku('home-aroma-sku02')).toMatchObject({ stock: sku2.stock - 1, sales: sku2.sales + 1 });
    expect(t.sku('home-aroma-sku02').holds ?? []).not.toContain(giftId);
    const order = t.orderDoc(giftId);
    expect(order).toMatchObject({
      status: 'paid',
      skuId: 'home-aroma-sku02',
      stockHold: 'committed',
      address: RECIPIENT_ADDRESS,
      items: [
        { skuId: 'home-aroma-sku02', productId: 'home-aroma', name: expect.any(String), price: 16800, quantity: 1 },
      ],
      greetingCard: { giverNickname: '小明', recipientName: '小红', greeting: '生日快乐，天天开心', signature: '小明' },
    });
    expect(t.giftDoc(giftId).acceptSteps).toMatchObject({ done: true, stockCommitted: true, orderUpdated: true });

    const giverView = await t.okGift({ action: 'getGift', giftId });
    expect(giverView).toMatchObject({ status: 'accepted', wechatCode: 20, recipientNickname: '小红', sharePath: null });
    const sent = (await t.messages()).filter((m) => m.touser === GIVER && JSON.stringify(m.data).includes('小红'));
    expect(sent.length).toBeGreaterThanOrEqual(1);

    // the winner retrying gets the same answer; nothing moves twice
    const again = await t.okGift({ action: 'acceptGift', giftId, token, address: RECIPIENT_ADDRESS }, RECIPIENT);
    expect(again).toMatchObject({ status: 'accepted', respondedByMe: true });
    expect(t.sku('home-aroma-sku02')).toMatchObject({ stock: sku2.stock - 1, sales: sku2.sales + 1 });
  });

  it('lets exactly one of 100 concurrent recipients accept', async () => {
    const { giftId, token } = await t.paidGift('fashion-tote-sku01');
    const before = t.sku('fashion-tote-sku01');
    const users = Array.from({ length: 100 }, (_, i) => `race-user-${i}`);
    const answers = await Promise.all(
      users.map((openid) => t.gift({ action: 'acceptGift', giftId, token, address: RECIPIENT_ADDRESS }, openid)),
    );
    const winners = answers.filter((answer) => answer.ok);
    const losers = answers.filter((answer) => !answer.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(99);
    for (const loser of losers) expect(loser).toMatchObject({ code: 'GIFT.ALREADY_ACCEPTED' });
    const winner = users[answers.findIndex((answer) => answer.ok)];
    expect(t.giftDoc(giftId)).toMatchObject({ status: 'accepted', recipientOpenid: winner });
    expect(t.sku('fashion-tote-sku01')).toMatchObject({ stock: before.stock, sales: before.sales + 1 });
  });

  it('gives each refusal its own code and message', async () => {
    const accepted = await t.paidGift();
    await t.okGift(
      { action: 'acceptGift', giftId: accepted.giftId, token: accepted.token, address: RECIPIENT_ADDRESS },
      RECIPIENT,
    );
    const declined = await t.paidGift();
    await t.okGift({ action: 'declineGift', giftId: declined.giftId, token: declined.token }, RECIPIENT);
    const own = await t.paidGift();
    const later = await t.paidGift();

    const refusals = [
      await t.gift(
        { action: 'acceptGift', giftId: own.giftId, token: 'f'.repeat(32), address: RECIPIENT_ADDRESS },
        FRIEND,
      ),
      await t.gift(
        { action: 'acceptGift', giftId: accepted.giftId, token: accepted.token, address: RECIPIENT_ADDRESS },
        FRIEND,
      ),
      await t.gift(
        { action: 'acceptGift', giftId: declined.giftId, token: declined.token, address: RECIPIENT_ADDRESS },
        FRIEND,
      ),
      await t.gift({ action: 'acceptGift', giftId: own.giftId, token: own.token, address: RECIPIENT_ADDRESS }, GIVER),
    ];
    // past the deadline, before the delayed task or the sweep has run (both would move the clock for
    // every gift of this file, so the deadline is moved instead)
    harness.cloud.db.updateMany('gifts', { _id: later.giftId }, { $set: { expiresAt: harness.cloud.clock.now() - 1 } });
    expect(t.giftDoc(later.giftId).status).toBe('waiting');
    refusals.push(
      await t.gift(
        { action: 'acceptGift', giftId: later.giftId, token: later.token, address: RECIPIENT_ADDRESS },
        FRIEND,
      ),
    );

    const codes = refusals.map((answer) => (answer.ok ? 'ok' : answer.code));
    expect(codes).toEqual([
      'GIFT.INVALID_TOKEN',
      'GIFT.ALREADY_ACCEPTED',
      'GIFT.DECLINED',
      'GIFT.OWN_GIFT',
      'GIFT.EXPIRED',
    ]);
    const messages = refusals.map((answer) => (answer.ok ? '' : answer.message));
    expect(new Set(messages).size).toBe(messages.length);
    expect(t.giftDoc(later.giftId).status).toBe('waiting');
  });
});

describe('listGifts and the giver’s privacy', () => {
  it('lists sent gifts for the giver and accepted gifts for the recipient', async () => {
    const sent = await t.okGift({ action: 'listGifts', role: 'sent' });
    expect(sent.role).toBe('sent');
    expect(sent.items.length).toBeGreaterThan(5);
    const times = sent.items.map((item: { createdAt: number }) => item.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const received = await t.okGift({ action: 'listGifts', role: 'received' }, RECIPIENT);
    expect(received.items.length).toBeGreaterThan(0);
    for (const item of received.items) expect(item).toMatchObject({ status: 'accepted', respondedByMe: true });
    expect(JSON.stringify(received)).not.toContain('16800');
    expect(await t.okGift({ action: 'listGifts', role: 'received' }, 'nobody')).toEqual({
      role: 'received',
      items: [],
    });
  });

  it('never sent the giver the recipient’s address or phone', () => {
    expect(giverAnswers.length).toBeGreaterThan(20);
    expect(giverAnswers.flatMap((answer) => privateLeaks(answer))).toEqual([]);
  });
});
