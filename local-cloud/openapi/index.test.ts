import type { InvocationContext } from '@local-cloud/services';
import { createTestDb, createTestCloud, type TestCloud } from '@local-cloud/pay/test-support';
import { capturedMultipart } from '@local-cloud/wire/fixtures';
import { parseMultipart } from '@local-cloud/wire/multipart';
import { decodeOpenApiResponse, encodeOpenApiRequest } from '@local-cloud/wire/openapi-protobuf';
import { ACTIVITY_ID_TTL_SECONDS, DELAYED_TASK_SOURCE, OpenApi } from './index';

const START = Date.UTC(2026, 10, 25, 2, 0, 0);
const caller: InvocationContext = {
  openid: 'o-sender',
  appid: 'wx-gift-shop',
  source: 'wx_paycallback',
  envName: 'local',
};

let cloud: TestCloud;
let openapi: OpenApi;

beforeEach(() => {
  cloud = createTestCloud(createTestDb(), START);
  openapi = new OpenApi(cloud.services);
});

const message = (overrides: Record<string, unknown> = {}) => ({
  touser: 'o-recipient',
  template_id: 'TPL_GIFT_RECEIVED',
  page: 'packages/gift/pages/detail/index?giftId=g1',
  data: {
    thing1: { value: '红色羊绒围巾' },
    name2: { value: '小明' },
    amount3: { value: '29.90元' },
    time4: { value: '2026年11月25日 10:00' },
    character_string5: { value: 'ORDER20261125-001' },
    phrase6: { value: '待领取' },
  },
  miniprogram_state: 'developer',
  lang: 'zh_CN',
  ...overrides,
});

describe('subscribeMessage.send', () => {
  it('records a valid message and answers a msgid', async () => {
    const reply = await openapi.handleApi('subscribeMessage.send', message(), caller);
    expect(reply).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    const sent = openapi.sentMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      msgid: reply.msgid,
      touser: 'o-recipient',
      templateId: 'TPL_GIFT_RECEIVED',
      page: 'packages/gift/pages/detail/index?giftId=g1',
      data: { thing1: { value: '红色羊绒围巾' } },
      miniprogramState: 'developer',
      lang: 'zh_CN',
      sentAt: START,
      sentBy: { openid: 'o-sender', source: 'wx_paycallback' },
    });
    const second = await openapi.handleApi('subscribeMessage.send', message(), caller);
    expect(second.msgid).not.toBe(reply.msgid);
  });

  it('validates touser, template_id and every data value like WeChat', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [message({ touser: undefined }), 40003, 'invalid openid'],
      [message({ touser: '' }), 40003, 'invalid openid'],
      [message({ template_id: undefined }), 40037, 'invalid template_id'],
      [message({ data: {} }), 47003, 'argument invalid! data is empty'],
      [message({ data: { thing1: { value: '一'.repeat(21) } } }), 47003, 'argument invalid! data.thing1.value'],
      [message({ data: { thing1: { value: '' } } }), 47003, 'argument invalid! data.thing1.value is empty'],
      [message({ data: { thing1: 'plain' } }), 47003, 'argument invalid! data.thing1.value is empty'],
      [message({ data: { name2: { value: '欧阳娜娜娜娜娜娜娜娜娜' } } }), 47003, 'data.name2.value'],
      [message({ data: { phrase3: { value: '已经领取了礼物' } } }), 47003, 'data.phrase3.value'],
      [message({ data: { phrase3: { value: 'ok' } } }), 47003, 'data.phrase3.value'],
      [message({ data: { character_string1: { value: '订单号' } } }), 47003, 'data.character_string1.value'],
      [message({ data: { amount1: { value: '二十元' } } }), 47003, 'data.amount1.value'],
      [message({ data: { time1: { value: '明天' } } }), 47003, 'data.time1.value'],
      [message({ data: { number1: { value: '12a' } } }), 47003, 'data.number1.value'],
      [message({ miniprogram_state: 'beta' }), 47003, 'miniprogram_state'],
    ];
    for (const [params, errcode, errmsg] of cases) {
      const reply = await openapi.handleApi('subscribeMessage.send', params, caller);
      expect(reply.errcode).toBe(errcode);
      expect(reply.errmsg).toContain(errmsg);
    }
    expect(openapi.sentMessages()).toHaveLength(0);
  });

  it('accepts boundary lengths: thing 20, name 10, phrase 5, character_string 32', async () => {
    const reply = await openapi.handleApi(
      'subscribeMessage.send',
      message({
        data: {
          thing1: { value: '一'.repeat(20) },
          name2: { value: '一'.repeat(10) },
          phrase3: { value: '一'.repeat(5) },
          character_string4: { value: 'A'.repeat(32) },
          time5: { value: '15:01' },
          date6: { value: '2026-11-25' },
        },
      }),
      caller,
    );
    expect(reply.errcode).toBe(0);
  });

  it('answers the captured SDK request (empty data) over the wire with 47003', async () => {
    const fields = parseMultipart(capturedMultipart('wx.openApi'), '');
    const reply = await openapi.handleWire(fields, caller);
    expect(reply.contentType).toBe('application/octet-stream');
    const decoded = decodeOpenApiResponse(reply.body);
    expect(decoded).toMatchObject({ errorCode: 0, httpCode: 200, contentType: 'application/json; charset=UTF-8' });
    expect(JSON.parse(decoded.respData.toString())).toMatchObject({ errcode: 47003 });
  });
});

describe('cloudbase.addDelayedFunctionTask', () => {
  const task = (overrides: Record<string, unknown> = {}) => ({
    env: 'local',
    function_name: 'giftExpire',
    data: JSON.stringify({ action: 'expire', giftId: 'g1' }),
    delay_time: 60,
    ...overrides,
  });

  it('invokes the function with the parsed data when the clock reaches the delay, once', async () => {
    const fired: unknown[] = [];
    cloud.functions.set('giftExpire', (event) => {
      fired.push(event);
      return { ok: true };
    });
    expect(await openapi.handleApi('cloudbase.addDelayedFunctionTask', task(), caller)).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    await cloud.clock.advance(59_999);
    expect(fired).toHaveLength(0);
    await cloud.clock.advance(1);
    expect(fired).toEqual([{ action: 'expire', giftId: 'g1' }]);
    expect(cloud.invocations[0]?.ctx).toEqual({ openid: '', source: DELAYED_TASK_SOURCE });
    expect(openapi.delayedTasks()[0]).toMatchObject({ state: 'DONE', firedAt: START + 60_000, outcome: '{"ok":true}' });
    await cloud.clock.advance(3600_000);
    expect(fired).toHaveLength(1);
  });

  it('records a failing run without retrying it', async () => {
    cloud.functions.set('giftExpire', () => {
      throw new Error('boom');
    });
    await openapi.handleApi('cloudbase.addDelayedFunctionTask', task({ delay_time: 6 }), caller);
    await cloud.clock.advance(3600_000);
    expect(cloud.invocations).toHaveLength(1);
    expect(openapi.delayedTasks()[0]).toMatchObject({ state: 'FAILED', outcome: expect.stringContaining('boom') });
  });

  it('validates delay_time (6 s .. 30 days), data and env', async () => {
    const reject = async (params: Record<string, unknown>, errcode: number) =>
      expect((await openapi.handleApi('cloudbase.addDelayedFunctionTask', params, caller)).errcode).toBe(errcode);
    await reject(task({ delay_time: 5 }), 47003);
    await reject(task({ delay_time: 30 * 24 * 3600 + 1 }), 47003);
    await reject(task({ delay_time: 6.5 }), 47003);
    await reject(task({ data: { a: 1 } }), 47001);
    await reject(task({ data: '{not json' }), 47001);
    await reject(task({ function_name: '' }), 47001);
    await reject(task({ env: 'other-env' }), 47003);
    expect(openapi.delayedTasks()).toHaveLength(0);
    await reject(task({ delay_time: 30 * 24 * 3600 }), 0);
  });

  it('is persisted and re-scheduled after a restart', async () => {
    await openapi.handleApi('cloudbase.addDelayedFunctionTask', task(), caller);
    const restarted = createTestCloud(cloud.services.db, START + 10_000);
    restarted.functions.set('giftExpire', () => ({ ok: true }));
    const afterRestart = new OpenApi(restarted.services);
    await afterRestart.restoreScheduled();
    await restarted.clock.advance(49_999);
    expect(restarted.invocations).toHaveLength(0);
    await restarted.clock.advance(1);
    expect(restarted.invocations).toHaveLength(1);
    expect(afterRestart.delayedTasks()[0]?.state).toBe('DONE');
  });
});

describe('updatableMessage.createActivityId', () => {
  it('answers an activity id that expires in 24 hours (unix seconds)', async () => {
    const reply = await openapi.handleApi('updatableMessage.createActivityId', { openid: 'o-sender' }, caller);
    expect(reply).toEqual({
      errcode: 0,
      errmsg: 'ok',
      activity_id: expect.stringMatching(/^\d{3}_[\w-]{40}$/),
      expiration_time: START / 1000 + ACTIVITY_ID_TTL_SECONDS,
    });
    expect(openapi.activities()).toMatchObject([{ activityId: reply.activity_id, openid: 'o-sender' }]);
  });
});

describe('APIs the local cloud does not offer', () => {
  it('answers -604101 (no permission), as respData for handleApi and as errorCode on the wire', async () => {
    const reply = await openapi.handleApi('security.msgSecCheck', { content: 'hi' }, caller);
    expect(reply).toMatchObject({ errcode: -604101 });

    const fields = new Map([
      ['apiName', Buffer.from('security.msgSecCheck')],
      ['requestData', encodeOpenApiRequest({ pairs: [{ key: 'content', value: Buffer.from('"hi"') }] })],
    ]);
    const wire = decodeOpenApiResponse((await openapi.handleWire(fields, caller)).body);
    expect(wire.errorCode).toBe(-604101);
  });

  it('answers a malformed requestData with the TCB error envelope', async () => {
    const fields = new Map([
      ['apiName', Buffer.from('subscribeMessage.send')],
      ['requestData', Buffer.from([0x12, 0x40, 0x01])],
    ]);
    const reply = await openapi.handleWire(fields, caller);
    expect(JSON.parse(reply.body.toString())).toMatchObject({ code: 'INVALID_PARAM' });
  });
});
