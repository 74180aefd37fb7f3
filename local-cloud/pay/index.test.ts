import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '@local-cloud/db';
import type { InvocationContext } from '@local-cloud/services';
import { capturedMultipart } from '@local-cloud/wire/fixtures';
import { parseMultipart } from '@local-cloud/wire/multipart';
import { NOTIFY_RETRY_DELAYS_MS, PaySimulator, PaySimulatorError, REFUND_SETTLE_DELAY_MS } from './index';
import { createTestDb, createTestCloud, type TestCloud } from './test-support';

// 2026-11-25 10:03:04 in China (UTC+8)
const START = Date.UTC(2026, 10, 25, 2, 3, 4);
const caller: InvocationContext = { openid: 'o-buyer', appid: 'wx-gift-shop', source: 'wx_client', envName: 'local' };

const order = (overrides: Record<string, unknown> = {}) => ({
  body: '礼物-红色围巾',
  out_trade_no: 'ORDER1',
  spbill_create_ip: '127.0.0.1',
  sub_mch_id: '1900000109',
  total_fee: 2990,
  env_id: 'local',
  function_name: 'payCallback',
  nonce_str: 'n0nce',
  trade_type: 'JSAPI',
  ...overrides,
});

const refundParams = (overrides: Record<string, unknown> = {}) => ({
  out_trade_no: 'ORDER1',
  out_refund_no: 'R1',
  total_fee: 2990,
  refund_fee: 1000,
  sub_mch_id: '1900000109',
  nonce_str: 'n0nce',
  env_id: 'local',
  function_name: 'refundCallback',
  ...overrides,
});

let cloud: TestCloud;
let pay: PaySimulator;

beforeEach(() => {
  cloud = createTestCloud(createTestDb(), START);
  pay = new PaySimulator(cloud.services);
  cloud.functions.set('payCallback', () => ({ errcode: 0, errmsg: '' }));
  cloud.functions.set('refundCallback', () => ({ errcode: 0, errmsg: '' }));
});

const callbackInvocations = (name = 'payCallback') => cloud.invocations.filter((call) => call.name === name);

describe('unifiedOrder', () => {
  it('answers a prepay with the payment block wx.requestPayment takes', async () => {
    const reply = await pay.handleApi('unifiedOrder', order(), caller);
    expect(reply).toMatchObject({
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      sub_mch_id: '1900000109',
      sub_appid: 'wx-gift-shop',
      trade_type: 'JSAPI',
    });
    const prepayId = reply.prepay_id as string;
    expect(prepayId).toMatch(/^wx\d{10}[0-9a-f]{20}0000$/);
    expect(reply.sign).toMatch(/^[0-9A-F]{32}$/);
    expect(reply.payment).toEqual({
      appId: 'wx-gift-shop',
      timeStamp: String(Math.floor(START / 1000)),
      nonceStr: expect.stringMatching(/^[0-9A-F]{32}$/),
      package: `prepay_id=${prepayId}`,
      signType: 'MD5',
      paySign: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
  });

  it('is idempotent on out_trade_no and refuses a different amount or a paid order', async () => {
    const first = await pay.handleApi('unifiedOrder', order(), caller);
    const again = await pay.handleApi('unifiedOrder', order(), caller);
    expect(again.result_code).toBe('SUCCESS');
    expect(again.prepay_id).toBe(first.prepay_id);
    expect(pay.ledger().payments).toHaveLength(1);

    const otherAmount = await pay.handleApi('unifiedOrder', order({ total_fee: 1 }), caller);
    expect(otherAmount).toMatchObject({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'INVALID_REQUEST' });
    expect(otherAmount.err_code_des).toContain('商户订单号重复');

    await pay.pay('ORDER1');
    const paid = await pay.handleApi('unifiedOrder', order(), caller);
    expect(paid).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERPAID' });
  });

  it('validates required params and integer fen amounts like WeChat', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [order({ total_fee: 0 }), 'total_fee参数格式错误'],
      [order({ total_fee: 12.5 }), 'total_fee参数格式错误'],
      [order({ total_fee: '100' }), 'total_fee参数格式错误'],
      [order({ total_fee: -1 }), 'total_fee参数格式错误'],
      [order({ body: undefined }), '缺少参数body'],
      [order({ out_trade_no: 'has space' }), 'out_trade_no参数格式错误'],
      [order({ out_trade_no: 'x'.repeat(33) }), 'out_trade_no参数格式错误'],
      [order({ spbill_create_ip: '' }), '缺少参数spbill_create_ip'],
      [order({ sub_mch_id: undefined }), '缺少参数sub_mch_id'],
      [order({ env_id: undefined }), '缺少参数env_id'],
      [order({ function_name: undefined }), '缺少参数function_name'],
      [order({ trade_type: 'CARD' }), 'trade_type参数格式错误'],
    ];
    for (const [params, message] of cases) {
      expect(await pay.handleApi('unifiedOrder', params, caller)).toEqual({ return_code: 'FAIL', return_msg: message });
    }
    expect(pay.ledger().payments).toHaveLength(0);
  });

  it('refuses the captured SDK request, which has no nonce_str', async () => {
    const fields = parseMultipart(capturedMultipart('wx.wxPayApi'), '');
    const reply = await pay.handleWire(fields, caller);
    expect(reply.contentType).toBe('application/json');
    expect(JSON.parse(reply.body.toString())).toEqual({ return_code: 'FAIL', return_msg: '缺少参数nonce_str' });
  });

  it('needs a payer for JSAPI', async () => {
    const reply = await pay.handleApi('unifiedOrder', order(), { ...caller, openid: '' });
    expect(reply).toMatchObject({ result_code: 'FAIL', err_code: 'PARAM_ERROR' });
  });
});

describe('pay and the payment notification', () => {
  it('marks the order paid and notifies the callback with a real-shaped event as the payer', async () => {
    await pay.handleApi('unifiedOrder', order({ attach: 'gift:g1' }), caller);
    const outcome = await pay.pay('ORDER1');
    expect(outcome).toEqual({ outTradeNo: 'ORDER1', state: 'SUCCESS', notified: true, alreadyPaid: false });

    const [call] = callbackInvocations();
    expect(call?.ctx).toEqual({ openid: 'o-buyer', source: 'wx_paycallback' });
    const payment = pay.ledger().payments[0];
    expect(call?.event).toEqual({
      returnCode: 'SUCCESS',
      appid: expect.any(String),
      mchId: expect.any(String),
      subAppid: 'wx-gift-shop',
      subMchId: '1900000109',
      nonceStr: expect.any(String),
      resultCode: 'SUCCESS',
      openid: expect.stringMatching(/^o/),
      isSubscribe: 'N',
      subOpenid: 'o-buyer',
      subIsSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: 2990,
      feeType: 'CNY',
      cashFee: 2990,
      transactionId: payment?.transactionId,
      outTradeNo: 'ORDER1',
      timeEnd: '20261125100304',
      attach: 'gift:g1',
      userInfo: { appId: 'wx-gift-shop', openId: 'o-buyer' },
    });
    expect(payment?.transactionId).toMatch(/^42000\d{23}$/);
  });

  it('retries on the WeChat schedule until the callback answers errcode 0, then stops', async () => {
    const answers: unknown[] = [{ errcode: 1, errmsg: 'busy' }, 'SUCCESS', { errcode: 0, errmsg: '' }];
    cloud.functions.set('payCallback', () => {
      const answer = answers.shift();
      if (answer === undefined) throw new Error('no more answers expected');
      return answer;
    });
    await pay.handleApi('unifiedOrder', order(), caller);
    expect(await pay.pay('ORDER1')).toMatchObject({ state: 'SUCCESS', notified: false });

    await cloud.clock.advance(NOTIFY_RETRY_DELAYS_MS[0]! - 1);
    expect(callbackInvocations()).toHaveLength(1);
    await cloud.clock.advance(1);
    expect(callbackInvocations()).toHaveLength(2);
    await cloud.clock.advance(NOTIFY_RETRY_DELAYS_MS[1]!);
    expect(callbackInvocations()).toHaveLength(3);
    // acknowledged: nothing more, even two days later
    await cloud.clock.advance(3 * 24 * 3600 * 1000);
    expect(callbackInvocations()).toHaveLength(3);

    const notify = pay.ledger().payments[0]?.notify;
    expect(notify?.delivered).toBe(true);
    expect(notify?.attempts.map((attempt) => [attempt.at - START, attempt.ok])).toEqual([
      [0, false],
      [15_000, false],
      [30_000, true],
    ]);
    // every retry carries the same notification
    expect(new Set(callbackInvocations().map((call) => JSON.stringify(call.event))).size).toBe(1);
  });

  it('treats a throwing callback as a failure and gives up after about two days', async () => {
    cloud.functions.set('payCallback', () => {
      throw new Error('callback crashed');
    });
    await pay.handleApi('unifiedOrder', order(), caller);
    await pay.pay('ORDER1');
    await cloud.clock.advance(4 * 24 * 3600 * 1000);
    const notify = pay.ledger().payments[0]?.notify;
    expect(notify?.attempts).toHaveLength(NOTIFY_RETRY_DELAYS_MS.length + 1);
    expect(notify?.gaveUp).toBe(true);
    expect(notify?.attempts[0]?.detail).toContain('callback crashed');
    const lastAttemptAt = notify?.attempts.at(-1)?.at ?? 0;
    expect(lastAttemptAt - START).toBeGreaterThan(48 * 3600 * 1000);
    expect(lastAttemptAt - START).toBeLessThan(49 * 3600 * 1000);
  });

  it('does not re-notify when paid twice', async () => {
    await pay.handleApi('unifiedOrder', order(), caller);
    await pay.pay('ORDER1');
    const second = await pay.pay('ORDER1');
    expect(second).toEqual({ outTradeNo: 'ORDER1', state: 'SUCCESS', notified: true, alreadyPaid: true });
    expect(callbackInvocations()).toHaveLength(1);
  });

  it('FAIL marks the order PAYERROR without a callback; closed orders cannot be paid', async () => {
    await pay.handleApi('unifiedOrder', order(), caller);
    expect(await pay.pay('ORDER1', 'FAIL')).toEqual({
      outTradeNo: 'ORDER1',
      state: 'PAYERROR',
      notified: false,
      alreadyPaid: false,
    });
    expect(callbackInvocations()).toHaveLength(0);
    const query = await pay.handleApi(
      'queryOrder',
      { out_trade_no: 'ORDER1', sub_mch_id: '1900000109', nonce_str: 'n' },
      caller,
    );
    expect(query).toMatchObject({ result_code: 'SUCCESS', trade_state: 'PAYERROR' });

    const closed = await pay.handleApi(
      'closeOrder',
      { out_trade_no: 'ORDER1', sub_mch_id: '1900000109', nonce_str: 'n' },
      caller,
    );
    expect(closed.result_code).toBe('SUCCESS');
    await expect(pay.pay('ORDER1')).rejects.toBeInstanceOf(PaySimulatorError);
    await expect(pay.pay('NOPE')).rejects.toMatchObject({ code: 'ORDERNOTEXIST' });
    const reopened = await pay.handleApi('unifiedOrder', order(), caller);
    expect(reopened).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERCLOSED' });
  });
});

describe('queryOrder and closeOrder', () => {
  const query = (params: Record<string, unknown>) =>
    pay.handleApi('queryOrder', { sub_mch_id: '1900000109', nonce_str: 'n', ...params }, caller);

  it('reports NOTPAY, then SUCCESS with the payment details, by out_trade_no or transaction_id', async () => {
    await pay.handleApi('unifiedOrder', order(), caller);
    expect(await query({ out_trade_no: 'ORDER1' })).toMatchObject({ trade_state: 'NOTPAY', total_fee: 2990 });
    expect((await query({ out_trade_no: 'ORDER1' })).transaction_id).toBeUndefined();
    await cloud.clock.advance(5000);
    await pay.pay('ORDER1');
    const paid = await query({ out_trade_no: 'ORDER1' });
    expect(paid).toMatchObject({
      result_code: 'SUCCESS',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      sub_openid: 'o-buyer',
      cash_fee: 2990,
      time_end: '20261125100309',
    });
    expect(await query({ transaction_id: paid.transaction_id })).toMatchObject({ out_trade_no: 'ORDER1' });
    expect(await query({ out_trade_no: 'NOPE' })).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERNOTEXIST' });
    expect(await query({})).toEqual({ return_code: 'FAIL', return_msg: '缺少参数out_trade_no' });
  });

  it('closes an unpaid order once and refuses to close a paid one', async () => {
    const close = (outTradeNo: string) =>
      pay.handleApi('closeOrder', { out_trade_no: outTradeNo, sub_mch_id: '1900000109', nonce_str: 'n' }, caller);
    await pay.handleApi('unifiedOrder', order(), caller);
    await pay.handleApi('unifiedOrder', order({ out_trade_no: 'ORDER2' }), caller);
    expect((await close('ORDER1')).result_code).toBe('SUCCESS');
    expect(await close('ORDER1')).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERCLOSED' });
    expect(await query({ out_trade_no: 'ORDER1' })).toMatchObject({ trade_state: 'CLOSED' });
    await pay.pay('ORDER2');
    expect(await close('ORDER2')).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERPAID' });
  });
});

describe('refund', () => {
  beforeEach(async () => {
    await pay.handleApi('unifiedOrder', order(), caller);
    await pay.pay('ORDER1');
  });

  it('refunds once per out_refund_no, however often it is retried', async () => {
    const first = await pay.handleApi('refund', refundParams(), caller);
    expect(first).toMatchObject({ return_code: 'SUCCESS', result_code: 'SUCCESS', refund_fee: 1000, total_fee: 2990 });
    expect(first.refund_id).toMatch(/^503\d{26}$/);
    const retry = await pay.handleApi('refund', refundParams(), caller);
    expect(retry).toMatchObject({ result_code: 'SUCCESS', refund_id: first.refund_id });

    expect(pay.ledger().refunds).toHaveLength(1);
    expect(pay.ledger().payments[0]).toMatchObject({ state: 'REFUND', refundedFee: 1000 });
    const changed = await pay.handleApi('refund', refundParams({ refund_fee: 500 }), caller);
    expect(changed).toMatchObject({ result_code: 'FAIL', err_code: 'INVALID_REQUEST' });
  });

  it('refuses refunds beyond the paid amount, counting earlier refunds', async () => {
    expect((await pay.handleApi('refund', refundParams({ refund_fee: 2990 + 1 }), caller)).err_code).toBe('NOTENOUGH');
    expect((await pay.handleApi('refund', refundParams({ refund_fee: 2000 }), caller)).result_code).toBe('SUCCESS');
    const over = await pay.handleApi('refund', refundParams({ out_refund_no: 'R2', refund_fee: 991 }), caller);
    expect(over).toMatchObject({ result_code: 'FAIL', err_code: 'NOTENOUGH' });
    const rest = await pay.handleApi('refund', refundParams({ out_refund_no: 'R3', refund_fee: 990 }), caller);
    expect(rest.result_code).toBe('SUCCESS');
    expect(pay.ledger().payments[0]?.refundedFee).toBe(2990);
  });

  it('validates amounts, the order total and the order state', async () => {
    expect(await pay.handleApi('refund', refundParams({ refund_fee: 0 }), caller)).toEqual({
      return_code: 'FAIL',
      return_msg: 'refund_fee参数格式错误',
    });
    expect((await pay.handleApi('refund', refundParams({ total_fee: 100 }), caller)).err_code).toBe('INVALID_REQUEST');
    expect((await pay.handleApi('refund', refundParams({ out_trade_no: 'NOPE' }), caller)).err_code).toBe(
      'ORDERNOTEXIST',
    );
    await pay.handleApi('unifiedOrder', order({ out_trade_no: 'UNPAID' }), caller);
    expect(
      (await pay.handleApi('refund', refundParams({ out_trade_no: 'UNPAID', out_refund_no: 'R9' }), caller)).err_code,
    ).toBe('TRADE_STATE_ERROR');
    expect(pay.ledger().refunds).toHaveLength(0);
  });

  it('settles a clock second later and notifies the refund callback with reqInfo, retrying failures', async () => {
    let failuresLeft = 1;
    cloud.functions.set('refundCallback', () => (failuresLeft-- > 0 ? { errcode: -1 } : { errcode: 0, errmsg: '' }));
    const reply = await pay.handleApi('refund', refundParams(), caller);
    const queryRefund = () =>
      pay.handleApi('queryRefund', { out_refund_no: 'R1', sub_mch_id: '1900000109', nonce_str: 'n' }, caller);
    expect(await queryRefund()).toMatchObject({ refund_count: 1, refund_status_list: ['PROCESSING'] });
    expect(callbackInvocations('refundCallback')).toHaveLength(0);

    await cloud.clock.advance(REFUND_SETTLE_DELAY_MS);
    const [call] = callbackInvocations('refundCallback');
    expect(call?.ctx).toEqual({ openid: 'o-buyer', source: 'wx_paycallback' });
    expect(call?.event).toMatchObject({
      returnCode: 'SUCCESS',
      subMchId: '1900000109',
      reqInfo: {
        outTradeNo: 'ORDER1',
        outRefundNo: 'R1',
        refundId: reply.refund_id,
        transactionId: reply.transaction_id,
        totalFee: 2990,
        refundFee: 1000,
        settlementRefundFee: 1000,
        refundStatus: 'SUCCESS',
        successTime: '2026-11-25 10:03:05',
        refundRecvAccout: '支付用户零钱',
      },
    });
    expect(await queryRefund()).toMatchObject({
      result_code: 'SUCCESS',
      out_refund_no_list: ['R1'],
      refund_id_list: [reply.refund_id],
      refund_fee_list: [1000],
      refund_status_list: ['SUCCESS'],
      refund_success_time_list: ['2026-11-25 10:03:05'],
    });
    // every list cloudPay's queryRefund answers with (camelCased by the SDK: refundStatusList, ...)
    expect(Object.keys(await queryRefund())).toEqual(
      expect.arrayContaining([
        'refund_count',
        'out_refund_no_list',
        'refund_id_list',
        'refund_channel',
        'refund_fee_list',
        'settlement_refund_fee_list',
        'coupon_type_array',
        'coupon_refund_fee_list',
        'coupon_refund_count_list',
        'coupon_refund_id_array',
        'coupon_refund_fee_array',
        'refund_status_list',
        'refund_account_list',
        'refund_recv_accout_list',
        'refund_success_time_list',
      ]),
    );
    await cloud.clock.advance(NOTIFY_RETRY_DELAYS_MS[0]!);
    expect(callbackInvocations('refundCallback')).toHaveLength(2);
    expect(pay.ledger().refunds[0]?.notify).toMatchObject({ delivered: true });
    await cloud.clock.advance(24 * 3600 * 1000);
    expect(callbackInvocations('refundCallback')).toHaveLength(2);
  });

  it('queryRefund answers REFUNDNOTEXIST for an unknown refund', async () => {
    const reply = await pay.handleApi(
      'queryRefund',
      { out_refund_no: 'NONE', sub_mch_id: '1', nonce_str: 'n' },
      caller,
    );
    expect(reply).toMatchObject({ result_code: 'FAIL', err_code: 'REFUNDNOTEXIST' });
  });
});

describe('ledger persistence', () => {
  it('survives a restart and resumes pending notification retries', async () => {
    cloud.functions.set('payCallback', () => ({ errcode: 1 }));
    await pay.handleApi('unifiedOrder', order(), caller);
    await pay.pay('ORDER1');
    expect(callbackInvocations()).toHaveLength(1);

    // restart: same database and clock time, a fresh simulator and scheduler
    const restarted = createTestCloud(cloud.services.db, cloud.clock.now());
    restarted.functions.set('payCallback', () => ({ errcode: 0 }));
    const afterRestart = new PaySimulator(restarted.services);
    await afterRestart.restoreScheduled();
    expect(afterRestart.ledger().payments).toMatchObject([{ outTradeNo: 'ORDER1', state: 'SUCCESS' }]);

    await restarted.clock.advance(NOTIFY_RETRY_DELAYS_MS[0]!);
    expect(restarted.invocations).toHaveLength(1);
    expect(afterRestart.ledger().payments[0]?.notify).toMatchObject({ delivered: true });
    expect(afterRestart.ledger().payments[0]?.notify.attempts).toHaveLength(2);
  });
});

describe('crashes', () => {
  it('delivers again a notification whose attempt was lost with the process', async () => {
    // the callback never answers: the process "dies" during the first attempt
    cloud.functions.set('payCallback', () => new Promise<never>(() => undefined));
    await pay.handleApi('unifiedOrder', order(), caller);
    void pay.pay('ORDER1');
    for (let turn = 0; turn < 100 && callbackInvocations().length === 0; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(callbackInvocations()).toHaveLength(1);

    const restarted = createTestCloud(cloud.services.db, cloud.clock.now());
    restarted.functions.set('payCallback', () => ({ errcode: 0 }));
    const afterRestart = new PaySimulator(restarted.services);
    await afterRestart.restoreScheduled();
    await restarted.clock.advance(NOTIFY_RETRY_DELAYS_MS[0]!);
    expect(restarted.invocations.map((call) => call.name)).toEqual(['payCallback']);
    expect(afterRestart.ledger().payments[0]?.notify).toMatchObject({ delivered: true });
    // acknowledged: never again
    await restarted.clock.advance(48 * 3600 * 1000);
    expect(restarted.invocations).toHaveLength(1);
  });

  it('keeps a refund the callback asked for while the notification was being delivered', async () => {
    cloud.functions.set('payCallback', async () => {
      const refund = await pay.handleApi('refund', refundParams({ refund_fee: 2990 }), caller);
      return refund.result_code === 'SUCCESS' ? { errcode: 0 } : { errcode: 1 };
    });
    await pay.handleApi('unifiedOrder', order(), caller);
    expect(await pay.pay('ORDER1')).toMatchObject({ notified: true });
    expect(pay.ledger().payments[0]).toMatchObject({ state: 'REFUND', refundedFee: 2990 });
    const reread = new PaySimulator(createTestCloud(cloud.services.db, cloud.clock.now()).services);
    await reread.restoreScheduled();
    expect(reread.ledger().payments[0]).toMatchObject({ state: 'REFUND', refundedFee: 2990 });
    // a second full refund is refused: the total refunded is known
    expect(
      await pay.handleApi('refund', refundParams({ out_refund_no: 'R2', refund_fee: 2990 }), caller),
    ).toMatchObject({
      err_code: 'NOTENOUGH',
    });
  });
});

describe('ledger on disk', () => {
  it('is read back from the SQLite file after the database is reopened', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pay-ledger-'));
    const file = path.join(dir, 'cloud.sqlite');
    try {
      const firstDb = new Database({ file, indexes: [], now: () => START });
      const first = createTestCloud(firstDb, START);
      first.functions.set('payCallback', () => ({ errcode: 0 }));
      const before = new PaySimulator(first.services);
      await before.handleApi('unifiedOrder', order(), caller);
      await before.pay('ORDER1');
      await before.handleApi('refund', refundParams(), caller);
      firstDb.close();

      const reopened = new Database({ file, indexes: [], now: () => START });
      const after = new PaySimulator(createTestCloud(reopened, START).services);
      await after.restoreScheduled();
      expect(after.ledger()).toEqual(before.ledger());
      expect(after.ledger().refunds).toMatchObject([{ outRefundNo: 'R1', state: 'PROCESSING' }]);
      reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('handleWire', () => {
  it('answers unsupported APIs and malformed bodies with the TCB error envelope', async () => {
    const unsupported = await pay.handleWire(
      new Map([
        ['apiName', Buffer.from('downloadBill')],
        ['requestData', Buffer.from('{}')],
      ]),
      caller,
    );
    expect(JSON.parse(unsupported.body.toString())).toMatchObject({ code: 'INVALID_PARAM' });
    const malformed = await pay.handleWire(
      new Map([
        ['apiName', Buffer.from('unifiedOrder')],
        ['requestData', Buffer.from('{oops')],
      ]),
      caller,
    );
    expect(malformed.contentType).toBe('application/json');
    expect(JSON.parse(malformed.body.toString())).toMatchObject({ code: 'INVALID_PARAM' });
  });
});
