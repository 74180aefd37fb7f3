/**
 * The simulators behind a minimal /admin endpoint, driven by the unmodified wx-server-sdk:
 * proves the multipart/protobuf codecs and the reply content types against the real client.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InvocationContext } from '@local-cloud/services';
import { OpenApi } from '@local-cloud/openapi';
import { parseMultipart } from '@local-cloud/wire/multipart';
import { NOTIFY_RETRY_DELAYS_MS, PaySimulator } from './index';
import { createTestDb, createTestCloud, type TestCloud } from './test-support';

const START = Date.UTC(2026, 10, 25, 2, 0, 0);
const caller: InvocationContext = { openid: 'o-buyer', appid: 'wx-gift-shop', source: 'wx_client', envName: 'local' };

interface CloudSdk {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  cloudPay: Record<string, (params: Record<string, unknown>) => Promise<Record<string, unknown>>>;
  openapi: {
    subscribeMessage: { send(params: Record<string, unknown>): Promise<Record<string, unknown>> };
    cloudbase: { addDelayedFunctionTask(params: Record<string, unknown>): Promise<Record<string, unknown>> };
    security: { msgSecCheck(params: Record<string, unknown>): Promise<Record<string, unknown>> };
  };
}

let cloud: TestCloud;
let pay: PaySimulator;
let openapi: OpenApi;
let server: http.Server;
let sdk: CloudSdk;
const savedEnv = { ...process.env };

beforeAll(async () => {
  cloud = createTestCloud(createTestDb(), START);
  pay = new PaySimulator(cloud.services);
  openapi = new OpenApi(cloud.services);
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const fields = parseMultipart(Buffer.concat(chunks), request.headers['content-type'] ?? '');
        const action = fields.get('action')?.toString();
        const reply =
          action === 'wx.wxPayApi' ? await pay.handleWire(fields, caller) : await openapi.handleWire(fields, caller);
        response.writeHead(200, { 'content-type': reply.contentType });
        response.end(reply.body);
      })().catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
  });
  sdk = require('wx-server-sdk') as CloudSdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
});

afterAll(async () => {
  process.env = savedEnv;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('cloudPay: unifiedOrder, pay, queryOrder and refund through the real SDK', async () => {
  const notified: unknown[] = [];
  cloud.functions.set('payCallback', (event) => {
    notified.push(event);
    return { errcode: 0, errmsg: '' };
  });
  const order = {
    body: '礼物',
    outTradeNo: 'SDK1',
    spbillCreateIp: '127.0.0.1',
    subMchId: '1900000109',
    totalFee: 1990,
    envId: 'local',
    functionName: 'payCallback',
    nonceStr: 'abc',
    tradeType: 'JSAPI',
  };
  const placed = await sdk.cloudPay.unifiedOrder!(order);
  expect(placed).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    subMchId: '1900000109',
    prepayId: expect.any(String),
    errCode: 0,
    errMsg: 'cloudPay.unifiedOrder:ok',
  });
  expect(placed.payment).toMatchObject({ package: `prepay_id=${String(placed.prepayId)}`, signType: 'MD5' });

  const changed = await sdk.cloudPay.unifiedOrder!({ ...order, totalFee: 1 });
  // the SDK overwrites errCode with 0: callers must read resultCode / errCodeDes
  expect(changed).toMatchObject({ resultCode: 'FAIL', errCodeDes: '201 商户订单号重复', errCode: 0 });

  await pay.pay('SDK1');
  expect(notified).toHaveLength(1);
  const query = await sdk.cloudPay.queryOrder!({ outTradeNo: 'SDK1', subMchId: '1900000109', nonceStr: 'n' });
  expect(query).toMatchObject({ tradeState: 'SUCCESS', subOpenid: 'o-buyer', errMsg: 'cloudPay.queryOrder:ok' });

  const refund = await sdk.cloudPay.refund!({
    outTradeNo: 'SDK1',
    outRefundNo: 'SDKR1',
    totalFee: 1990,
    refundFee: 1990,
    subMchId: '1900000109',
    nonceStr: 'n',
    envId: 'local',
    functionName: 'payCallback',
  });
  expect(refund).toMatchObject({ resultCode: 'SUCCESS', refundId: expect.stringMatching(/^503/), refundFee: 1990 });
});

it('cloudPay: an unsupported API rejects with -501007', async () => {
  await expect(sdk.cloudPay.downloadBill!({ subMchId: '1', billDate: '20261124' })).rejects.toMatchObject({
    errCode: -501007,
  });
});

it('openapi: subscribeMessage.send resolves with a msgid and rejects invalid data with 47003', async () => {
  const sent = await sdk.openapi.subscribeMessage.send({
    touser: 'o-recipient',
    templateId: 'TPL',
    page: 'pages/index/index',
    data: { thing1: { value: '你收到一份礼物' } },
    miniprogramState: 'developer',
  });
  expect(sent).toMatchObject({ errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 });
  const [recorded] = openapi.sentMessages();
  expect(recorded).toMatchObject({
    touser: 'o-recipient',
    templateId: 'TPL',
    data: { thing1: { value: '你收到一份礼物' } },
  });
  expect(sent.msgid).toBe(recorded?.msgid);
  expect(typeof sent.msgid).toBe('number');

  await expect(
    sdk.openapi.subscribeMessage.send({
      touser: 'o-recipient',
      templateId: 'TPL',
      data: { thing1: { value: '字'.repeat(21) } },
    }),
  ).rejects.toMatchObject({ errCode: 47003 });
});

it('openapi: addDelayedFunctionTask schedules the function; an unknown API fails with -604101', async () => {
  const added = await sdk.openapi.cloudbase.addDelayedFunctionTask({
    env: 'local',
    functionName: 'later',
    data: JSON.stringify({ giftId: 'g1' }),
    delayTime: 60,
  });
  expect(added).toEqual({ errMsg: 'openapi.cloudbase.addDelayedFunctionTask:ok', errCode: 0 });
  cloud.functions.set('later', () => null);
  await cloud.clock.advance(60_000);
  expect(cloud.invocations.filter((call) => call.name === 'later').map((call) => call.event)).toEqual([
    { giftId: 'g1' },
  ]);

  await expect(sdk.openapi.security.msgSecCheck({ content: 'hi' })).rejects.toMatchObject({
    errCode: -604101,
    errMsg: expect.stringContaining('-604101'),
  });
  expect(NOTIFY_RETRY_DELAYS_MS.length).toBeGreaterThan(0);
});
