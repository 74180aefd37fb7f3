/**
 * The worker pool on its own (no HTTP server): identity per invocation, warm instances, errors,
 * timeouts, queueing, reload on change, and Date following the shared clock offset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FunctionInvocationError, FunctionRegistry, FunctionRuntime } from '@local-cloud/runtime';

const FIXTURES = path.join(__dirname, 'fixtures', 'cloudfunctions');

type WhoAmI = {
  context: Record<string, unknown>;
  event: unknown;
  dateNow: number;
  newDate: number;
  dateIsDate: boolean;
};

describe('FunctionRuntime', () => {
  const clockOffset = new BigInt64Array(new SharedArrayBuffer(8));
  const lines: string[] = [];
  const runtime = new FunctionRuntime({
    registry: new FunctionRegistry(FIXTURES),
    clockOffset,
    maxWorkers: 3,
    adminUrl: () => 'http://127.0.0.1:9/admin',
    log: (line) => lines.push(line),
  });

  afterAll(() => runtime.close());

  it('gives each invocation its own WX context and SOURCE', async () => {
    const result = (await runtime.invoke(
      'whoami',
      { hello: 'world' },
      { openid: 'user-a', source: 'wx_client' },
    )) as WhoAmI;
    expect(result.event).toEqual({ hello: 'world' });
    expect(result.context).toMatchObject({
      OPENID: 'user-a',
      APPID: 'wxlocalappid',
      SOURCE: 'wx_client',
      ENV: 'local',
    });
    expect(result.context).not.toHaveProperty('UNIONID');

    const trigger = (await runtime.invoke(
      'whoami',
      {},
      { openid: '', source: 'wx_trigger', unionid: 'u-1' },
    )) as WhoAmI;
    expect(trigger.context).toMatchObject({ OPENID: '', SOURCE: 'wx_trigger', UNIONID: 'u-1' });
    const again = (await runtime.invoke('whoami', {}, { openid: 'user-b', source: 'wx_client' })) as WhoAmI;
    // nothing leaks from the previous invocation on a warm instance
    expect(again.context).not.toHaveProperty('UNIONID');
  });

  it('keeps identities apart under concurrency beyond the pool size', async () => {
    const users = Array.from({ length: 12 }, (_, index) => `user-${index}`);
    const results = await Promise.all(
      users.map(
        (openid) =>
          runtime.invoke('whoami', { openid, delayMs: 20 }, { openid, source: 'wx_client' }) as Promise<WhoAmI>,
      ),
    );
    results.forEach((result, index) => {
      expect(result.context.OPENID).toBe(users[index]);
      expect(result.event).toEqual({ openid: users[index], delayMs: 20 });
    });
    expect(runtime.stats().workers).toBeLessThanOrEqual(3);
  });

  it('patches Date in the function to follow the clock offset, live', async () => {
    const dayMs = 86_400_000;
    Atomics.store(clockOffset, 0, BigInt(dayMs));
    try {
      const before = Date.now();
      const result = (await runtime.invoke('whoami', {}, { openid: 'x', source: 'wx_client' })) as WhoAmI;
      const after = Date.now();
      expect(result.dateNow).toBeGreaterThanOrEqual(before + dayMs);
      expect(result.dateNow).toBeLessThanOrEqual(after + dayMs);
      expect(result.newDate).toBeGreaterThanOrEqual(before + dayMs);
      expect(result.dateIsDate).toBe(true);
    } finally {
      Atomics.store(clockOffset, 0, 0n);
    }
  });

  it('rejects with the thrown error and keeps serving', async () => {
    const failure = runtime.invoke('thrower', { message: 'out of stock' }, { openid: 'x', source: 'wx_client' });
    await expect(failure).rejects.toBeInstanceOf(FunctionInvocationError);
    await expect(failure).rejects.toMatchObject({ code: 'FUNCTION_EXECUTE_FAIL', message: 'Error: out of stock' });
    const error = (await failure.catch((caught: unknown) => caught)) as FunctionInvocationError;
    expect(error.detail).toMatch(/^Error: out of stock\n\s+at /);
    await expect(runtime.invoke('whoami', {}, { openid: 'y', source: 'wx_client' })).resolves.toMatchObject({
      context: { OPENID: 'y' },
    });
  });

  it('times out per config.json, terminates the instance and keeps serving', async () => {
    const started = Date.now();
    await expect(runtime.invoke('sleeper', { ms: 5000 }, { openid: 'x', source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTION_TIMEOUT',
      message: 'Invoking task timed out after 1 seconds',
    });
    expect(Date.now() - started).toBeLessThan(4000);
    await expect(runtime.invoke('sleeper', { ms: 10 }, { openid: 'x', source: 'wx_client' })).resolves.toEqual({
      slept: 10,
    });
    expect(lines.join('\n')).toMatch(/\[sleeper\] timed out/);
  });

  it('rejects unknown functions', async () => {
    await expect(runtime.invoke('nope', {}, { openid: 'x', source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    });
    await expect(runtime.invoke('../whoami', {}, { openid: 'x', source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    });
  });

  it('loads a function edited on disk in new instances', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-fns-'));
    fs.mkdirSync(path.join(dir, 'version'));
    const entry = path.join(dir, 'version', 'index.js');
    fs.writeFileSync(entry, 'exports.main = async () => 1;');
    const local = new FunctionRuntime({
      registry: new FunctionRegistry(dir),
      clockOffset,
      maxWorkers: 1,
      adminUrl: () => 'http://127.0.0.1:9/admin',
      log: () => {},
    });
    try {
      expect(await local.invoke('version', {}, { openid: 'x', source: 'wx_client' })).toBe(1);
      fs.writeFileSync(entry, 'exports.main = async () => 2;');
      fs.utimesSync(entry, new Date(), new Date(Date.now() + 5000));
      expect(await local.invoke('version', {}, { openid: 'x', source: 'wx_client' })).toBe(2);
      expect(local.stats().workers).toBe(1);
    } finally {
      await local.close();
    }
  });

  it('reports a module that fails to load as an execution failure', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-fns-'));
    fs.mkdirSync(path.join(dir, 'broken'));
    fs.writeFileSync(path.join(dir, 'broken', 'index.js'), 'throw new Error("cannot start")');
    const local = new FunctionRuntime({
      registry: new FunctionRegistry(dir),
      clockOffset,
      maxWorkers: 1,
      adminUrl: () => 'http://127.0.0.1:9/admin',
      log: () => {},
    });
    try {
      await expect(local.invoke('broken', {}, { openid: 'x', source: 'wx_client' })).rejects.toMatchObject({
        code: 'FUNCTION_EXECUTE_FAIL',
        message: 'Error: cannot start',
      });
    } finally {
      await local.close();
    }
  });
});
