/**
 * The local cloud end to end over HTTP: the gateway, callFunction between functions through /admin,
 * errors and timeouts, timers on clock advance, the /_dev endpoints and static files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LocalCloud } from '../../local-cloud';
import { getJson, postJson, startTestCloud, tempDataDir } from './helpers';

type WhoAmI = { context: Record<string, unknown>; event: unknown; dateNow: number };
type GatewayError = { error: { code: string; message: string } };

jest.setTimeout(30_000);

describe('local cloud over HTTP', () => {
  let cloud: LocalCloud;
  const lines: string[] = [];
  const staticDir = tempDataDir('h5');
  const imagesDir = tempDataDir('images');

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><div id="app"></div>');
    fs.mkdirSync(path.join(staticDir, 'js'));
    fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(imagesDir, 'tea.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    cloud = await startTestCloud({ lines, staticDir, extraStatic: { '/images': imagesDir } });
  });

  afterAll(() => cloud.stop());

  describe('gateway POST /functions/<name>', () => {
    it('runs the function as the X-WX-OPENID user with SOURCE wx_client', async () => {
      const response = await postJson<WhoAmI>(
        `${cloud.url}/functions/whoami`,
        { a: 1 },
        { 'x-wx-openid': 'dev-giver' },
      );
      expect(response.status).toBe(200);
      expect(response.body.event).toEqual({ a: 1 });
      expect(response.body.context).toMatchObject({ OPENID: 'dev-giver', SOURCE: 'wx_client', APPID: 'wxlocalappid' });
    });

    it('uses dev-anonymous without the header and {} for an empty body', async () => {
      const response = await fetch(`${cloud.url}/functions/whoami`, { method: 'POST' });
      const body = (await response.json()) as WhoAmI;
      expect(body.context.OPENID).toBe('dev-anonymous');
      expect(body.event).toEqual({});
    });

    it('answers 404 for an unknown function and 400 for malformed JSON', async () => {
      const missing = await postJson<GatewayError>(`${cloud.url}/functions/nope`, {});
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('FUNCTION_NOT_FOUND');
      const malformed = await postJson<GatewayError>(`${cloud.url}/functions/whoami`, '{"a":');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('INVALID_JSON');
    });

    it('answers 502 for a throw and for a timeout, and keeps serving', async () => {
      const thrown = await postJson<GatewayError>(`${cloud.url}/functions/thrower`, { message: 'sold out' });
      expect(thrown.status).toBe(502);
      expect(thrown.body.error).toEqual({ code: 'FUNCTION_EXECUTE_FAIL', message: 'Error: sold out' });
      const timedOut = await postJson<GatewayError>(`${cloud.url}/functions/sleeper`, { ms: 3000 });
      expect(timedOut.status).toBe(502);
      expect(timedOut.body.error.code).toBe('FUNCTION_TIMEOUT');
      const health = await getJson<{ ok: boolean }>(`${cloud.url}/_dev/health`);
      expect(health.body.ok).toBe(true);
      const again = await postJson<WhoAmI>(`${cloud.url}/functions/whoami`, {}, { 'x-wx-openid': 'after' });
      expect(again.body.context.OPENID).toBe('after');
    });

    it('keeps 100 concurrent callers apart', async () => {
      const users = Array.from({ length: 100 }, (_, index) => `user-${index}`);
      const responses = await Promise.all(
        users.map((openid) => postJson<WhoAmI>(`${cloud.url}/functions/whoami`, { openid }, { 'x-wx-openid': openid })),
      );
      responses.forEach((response, index) => {
        expect(response.status).toBe(200);
        expect(response.body.context.OPENID).toBe(users[index]);
        expect(response.body.event).toEqual({ openid: users[index] });
      });
    });

    it('answers CORS preflights from local origins only', async () => {
      const local = await fetch(`${cloud.url}/functions/whoami`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:10086', 'access-control-request-method': 'POST' },
      });
      expect(local.status).toBe(204);
      expect(local.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086');
      expect(local.headers.get('access-control-allow-headers')).toMatch(/x-wx-openid/);
      const foreign = await fetch(`${cloud.url}/functions/whoami`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('cloud.callFunction between functions (functions.invokeFunction)', () => {
    it("runs the callee as the caller's user with the caller's SOURCE", async () => {
      const response = await postJson<{ self: Record<string, unknown>; result: WhoAmI }>(
        `${cloud.url}/functions/caller`,
        { callee: 'whoami', data: { x: 1 } },
        { 'x-wx-openid': 'dev-recipient' },
      );
      expect(response.status).toBe(200);
      expect(response.body.self.OPENID).toBe('dev-recipient');
      expect(response.body.result.context).toMatchObject({ OPENID: 'dev-recipient', SOURCE: 'wx_client' });
      expect(response.body.result.event).toEqual({ x: 1 });
    });

    it('gives the caller the SDK error for a throwing or unknown callee', async () => {
      const thrown = await postJson<{ error: { errCode: number; errMsg: string } }>(`${cloud.url}/functions/caller`, {
        callee: 'thrower',
        data: { message: 'inner boom' },
      });
      expect(thrown.body.error.errCode).toBe(-1);
      expect(thrown.body.error.errMsg).toMatch(/^callFunction:fail errCode: -1 \| errMsg: Error: inner boom/);
      const unknown = await postJson<{ error: { errCode: number; errMsg: string } }>(`${cloud.url}/functions/caller`, {
        callee: 'ghost',
      });
      expect(unknown.body.error.errMsg).toMatch(/callFunction:fail .*could not be found/);
    });

    it('keeps identities apart when many callers call through at once', async () => {
      const users = Array.from({ length: 20 }, (_, index) => `chain-${index}`);
      const responses = await Promise.all(
        users.map((openid) =>
          postJson<{ self: Record<string, unknown>; result: WhoAmI }>(
            `${cloud.url}/functions/caller`,
            { callee: 'whoami' },
            { 'x-wx-openid': openid },
          ),
        ),
      );
      responses.forEach((response, index) => expect(response.body.result.context.OPENID).toBe(users[index]));
    });
  });

  describe('clock and timers', () => {
    it('moves Date.now() inside functions with the clock', async () => {
      const before = (await getJson<{ now: number }>(`${cloud.url}/_dev/clock`)).body.now;
      const advanced = await postJson<{ now: number }>(`${cloud.url}/_dev/clock`, { advanceMs: 3_600_000 });
      expect(advanced.body.now - before).toBeGreaterThanOrEqual(3_600_000);
      const seen = await postJson<WhoAmI>(`${cloud.url}/functions/whoami`, {});
      expect(seen.body.dateNow).toBeGreaterThanOrEqual(advanced.body.now);
      expect(seen.body.dateNow - cloud.clock.now()).toBeLessThanOrEqual(0);
    });

    it('fires timer triggers on advance, only when due, as wx_trigger with the timer event', async () => {
      const listTicks = async () =>
        (await cloud.call('dbscenarios', { scenario: 'list', collection: 'ticks' }, 'test')) as {
          total: number;
          docs: Array<{
            event: { Type: string; TriggerName: string; Time: string };
            openid: string;
            source: string;
            at: number;
          }>;
        };
      // Firings are counted by the occurrence they stand for (event.Time), not in total: a firing of an
      // earlier mark (an earlier test's advance, a cold worker on a busy machine) may land late without
      // changing what this test is about.
      const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
      const firingsFrom = async (fromMs: number) =>
        (await listTicks().catch(() => ({ total: 0, docs: [] }))).docs.filter(
          (doc) => Date.parse(doc.event.Time) >= fromMs,
        );
      await cloud.clock.advance(1);
      // the next 5-minute mark is at most 5 minutes away: stop short of it (nothing fires), then pass it
      const now = cloud.clock.now();
      const fiveMinutes = 300_000;
      const margin = 20_000; // real time passing while the test runs must not reach the mark
      const nextMark = Math.ceil((now + margin + 1) / fiveMinutes) * fiveMinutes;
      await cloud.clock.advance(nextMark - now - margin);
      expect(await firingsFrom(nextMark)).toEqual([]);
      await cloud.clock.advance(Math.max(0, nextMark - cloud.clock.now()) + 10);
      const fired = await firingsFrom(nextMark);
      expect(fired).toHaveLength(1);
      const tick = fired[0];
      expect(tick?.event).toEqual({ Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: iso(nextMark) });
      expect(tick?.source).toBe('wx_trigger');
      expect(tick?.openid).toBe('');
      expect(tick?.at).toBeGreaterThanOrEqual(nextMark);

      // a long jump fires it once more, not once per missed occurrence
      await postJson(`${cloud.url}/_dev/clock`, { advanceMs: 3_600_000 });
      expect(await firingsFrom(nextMark + 1)).toHaveLength(1);
    });

    it('runs tasks scheduled through services.scheduleAt when due', async () => {
      const ran: number[] = [];
      cloud.services.scheduleAt(cloud.services.now() + 60_000, 'test task', async () => {
        ran.push(cloud.services.now());
      });
      await cloud.clock.advance(30_000);
      expect(ran).toEqual([]);
      await cloud.clock.advance(30_000);
      expect(ran).toHaveLength(1);
    });
  });

  describe('/admin', () => {
    it('answers an unknown action and a non-JSON body with 400 and the TCB error envelope', async () => {
      const unknown = await postJson<{ requestId: string; code: string }>(`${cloud.url}/admin?env=local&seqId=x`, {
        action: 'storage.noSuchAction',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('INVALID_PARAM');
      expect(unknown.body.requestId).toEqual(expect.any(String));
      const garbage = await postJson<{ code: string }>(`${cloud.url}/admin`, 'not json');
      expect(garbage.status).toBe(400);
      expect(garbage.body.code).toBe('INVALID_JSON');
    });

    it('mounts cloud.cloudPay and cloud.openapi', async () => {
      const order = (await cloud.call(
        'cloudapis',
        {
          op: 'unifiedOrder',
          params: {
            body: '礼物',
            outTradeNo: 'T-ADMIN-1',
            spbillCreateIp: '127.0.0.1',
            subMchId: '1900000110',
            totalFee: 100,
            envId: 'local',
            functionName: 'whoami',
            nonceStr: 'n0nce',
            tradeType: 'JSAPI',
          },
        },
        'dev-giver',
      )) as Record<string, unknown>;
      expect(order).toMatchObject({ returnCode: 'SUCCESS', errCode: 0, errMsg: 'cloudPay.unifiedOrder:ok' });
      expect(order.payment).toEqual(expect.objectContaining({ package: expect.stringMatching(/^prepay_id=/) }));

      const sent = (await cloud.call(
        'cloudapis',
        {
          op: 'subscribe',
          params: {
            touser: 'dev-giver',
            templateId: 'TPL',
            page: 'pages/index/index',
            data: { thing1: { value: '礼物' } },
          },
        },
        'dev-giver',
      )) as Record<string, unknown>;
      expect(sent).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
      const messages = await getJson<unknown[]>(`${cloud.url}/_dev/messages`);
      expect(JSON.stringify(messages.body)).toContain('dev-giver');
    });
  });

  describe('/_dev and static files', () => {
    it('lists health, users and the ledger', async () => {
      const health = await getJson<{ ok: boolean; functions: string[]; now: number }>(`${cloud.url}/_dev/health`);
      expect(health.body.functions).toEqual(expect.arrayContaining(['whoami', 'caller', 'ticker']));
      const users = await getJson<Array<{ openid: string }>>(`${cloud.url}/_dev/users`);
      expect(users.body.map((user) => user.openid)).toEqual([
        'dev-giver',
        'dev-recipient',
        'dev-friend',
        'dev-merchant',
      ]);
      const ledger = await getJson(`${cloud.url}/_dev/ledger`);
      expect(ledger.status).toBe(200);
      const badClock = await postJson<GatewayError>(`${cloud.url}/_dev/clock`, { advanceMs: -5 });
      expect(badClock.status).toBe(400);
      const unknown = await getJson<GatewayError>(`${cloud.url}/_dev/nothing`);
      expect(unknown.status).toBe(404);
    });

    it('serves the H5 build with SPA fallback, extra mounts and content types', async () => {
      const root = await fetch(`${cloud.url}/`);
      expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await root.text()).toContain('id="app"');
      const route = await fetch(`${cloud.url}/pages/gifts/index?id=1`);
      expect(route.status).toBe(200);
      expect(await route.text()).toContain('id="app"');
      const script = await fetch(`${cloud.url}/js/app.js`);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const image = await fetch(`${cloud.url}/images/tea.svg`);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
      expect((await fetch(`${cloud.url}/js/missing.js`)).status).toBe(404);
      expect((await fetch(`${cloud.url}/images/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
      // never compressed, even when asked
      const plain = await fetch(`${cloud.url}/js/app.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
    });
  });
});
