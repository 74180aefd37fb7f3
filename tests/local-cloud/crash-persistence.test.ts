/**
 * Nothing the local cloud promised is lost when its process is killed: payment and refund
 * notifications, their retries, delayed function tasks and timer firings are on disk before they are
 * acknowledged, and resumed after a restart on the same data. Each is delivered as WeChat does: at
 * least once, again until the callback answers `errcode: 0`, and never after that.
 *
 * The cloud runs in a child process (tests/crash/child-cloud.ts) over the fixture functions in
 * fixtures/crash-functions, whose receivers record every delivery in the `deliveries` collection.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startChildCloud, type ChildCloud } from '../crash/child-cloud';
import { tempDataDir } from './helpers';

const FUNCTIONS = path.join(__dirname, 'fixtures', 'crash-functions');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

jest.setTimeout(120_000);

interface Delivery {
  kind: 'payment' | 'refund' | 'task' | 'timer' | 'marker';
  key: string;
  source: string;
}

interface LedgerNotify {
  delivered: boolean;
  gaveUp: boolean;
  attempts: { ok: boolean }[];
}

interface Ledger {
  payments: { outTradeNo: string; state: string; notify: LedgerNotify }[];
  refunds: { outRefundNo: string; state: string; notify: LedgerNotify }[];
}

let dataDir: string;
let cloud: ChildCloud | undefined;

beforeEach(() => {
  dataDir = tempDataDir('crash');
});

afterEach(async () => {
  await cloud?.kill();
  cloud = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const start = async (setup: { hangTimer?: boolean } = {}) => {
  const first = !fs.existsSync(path.join(dataDir, 'cloud.sqlite'));
  cloud = await startChildCloud({ dataDir, functionsDir: FUNCTIONS });
  if (first) expect((await cloud.call('shopper', { op: 'setup', ...setup })).status).toBe(200);
  return cloud;
};

async function deliveries(running: ChildCloud): Promise<Delivery[]> {
  const answer = await running.call<Delivery[]>('shopper', { op: 'deliveries' });
  if (answer.status !== 200) throw new Error(`deliveries → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const countOf = (all: Delivery[], kind: Delivery['kind'], key: string) =>
  all.filter((delivery) => delivery.kind === kind && delivery.key === key).length;

/** Polls (by request count, not by time) until the receiver recorded the delivery. */
async function waitForDelivery(running: ChildCloud, kind: Delivery['kind'], key: string): Promise<void> {
  for (let poll = 0; poll < 600; poll += 1) {
    if (countOf(await deliveries(running), kind, key) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${kind} delivery for ${key}:\n${running.output()}`);
}

async function placeOrder(running: ChildCloud, outTradeNo: string, attach: string): Promise<void> {
  const answer = await running.call<{ resultCode?: string }>('shopper', {
    op: 'order',
    outTradeNo,
    totalFee: 100,
    attach,
  });
  expect(answer.body).toMatchObject({ resultCode: 'SUCCESS' });
}

it('resumes an interrupted timer firing after a SIGKILL', async () => {
  let running = await start({ hangTimer: true });
  const { now } = await running.get<{ now: number }>('/_dev/clock');
  const toNextHour = HOUR - (now % HOUR) + 1000;
  // the hourly function hangs on its first firing; the advance answers only after it, so not awaited
  void running.advance(toNextHour).catch(() => undefined);
  await waitForDelivery(running, 'timer', 'hourly');
  await running.kill();

  running = await start();
  await running.advance(0);
  expect(countOf(await deliveries(running), 'timer', 'hourly')).toBe(2);
  // the next firing is the next hour's, once
  await running.advance(HOUR);
  expect(countOf(await deliveries(running), 'timer', 'hourly')).toBe(3);
});

it('delivers every notification and delayed task promised before a SIGKILL, until acknowledged, and no more', async () => {
  let running = await start();
  // P1: the callback refuses twice; its retry is pending when the process dies
  await placeOrder(running, 'P1', 'fail:2');
  expect((await running.post('/_dev/pay', { outTradeNo: 'P1' })).body).toMatchObject({ notified: false });
  // P2: the process dies while the callback handles the first delivery
  await placeOrder(running, 'P2', 'hang');
  void running.post('/_dev/pay', { outTradeNo: 'P2' }).catch(() => undefined);
  await waitForDelivery(running, 'payment', 'P2');
  // P3: paid and acknowledged; its refund is accepted, then settles and its first notification fails
  await placeOrder(running, 'P3', 'ok');
  expect((await running.post('/_dev/pay', { outTradeNo: 'P3' })).body).toMatchObject({ notified: true });
  const refund = await running.call('shopper', {
    op: 'refund',
    outTradeNo: 'P3',
    outRefundNo: 'R3_fail-1',
    totalFee: 100,
    refundFee: 100,
  });
  expect(refund.body).toMatchObject({ resultCode: 'SUCCESS' });
  // T1 waits a minute; T2 is due in 6 s and dies with the process while it runs
  for (const [key, script, delayTime] of [
    ['T1', 'ok', 60],
    ['T2', 'hang', 6],
  ] as const) {
    const added = await running.call('shopper', { op: 'delay', data: { key, script }, delayTime });
    expect(added.body).toMatchObject({ errCode: 0 });
  }
  void running.advance(7_000).catch(() => undefined);
  await waitForDelivery(running, 'task', 'T2');
  const beforeCrash = await deliveries(running);
  expect(countOf(beforeCrash, 'refund', 'R3_fail-1')).toBe(1);
  expect(countOf(beforeCrash, 'task', 'T1')).toBe(0);
  await running.kill();

  running = await start();
  // in several steps, so every retry schedule is walked through
  for (const step of [0, 20_000, 20_000, MINUTE, 10 * MINUTE, HOUR, 6 * HOUR]) await running.advance(step);
  const afterRestart = await deliveries(running);
  expect({
    P1: countOf(afterRestart, 'payment', 'P1'),
    P2: countOf(afterRestart, 'payment', 'P2'),
    P3: countOf(afterRestart, 'payment', 'P3'),
    R3: countOf(afterRestart, 'refund', 'R3_fail-1'),
    T1: countOf(afterRestart, 'task', 'T1'),
    T2: countOf(afterRestart, 'task', 'T2'),
  }).toEqual({
    P1: 3, // refused, refused, acknowledged
    P2: 2, // lost with the process, then acknowledged
    P3: 1,
    R3: 2, // refused, acknowledged
    T1: 1,
    T2: 2, // interrupted, then run again (at least once)
  });
  expect(
    afterRestart.filter((d) => d.kind === 'payment' || d.kind === 'refund').every((d) => d.source === 'wx_paycallback'),
  ).toBe(true);

  const ledger = await running.get<Ledger>('/_dev/ledger');
  for (const payment of ledger.payments) {
    expect({ outTradeNo: payment.outTradeNo, delivered: payment.notify.delivered }).toEqual({
      outTradeNo: payment.outTradeNo,
      delivered: true,
    });
  }
  expect(ledger.refunds.map((r) => ({ no: r.outRefundNo, state: r.state, delivered: r.notify.delivered }))).toEqual([
    { no: 'R3_fail-1', state: 'SUCCESS', delivered: true },
  ]);

  // acknowledged means done: nothing is delivered again, even across another crash
  await running.kill();
  running = await start();
  await running.advance(2 * 24 * HOUR);
  const notTimer = (all: Delivery[]) => all.filter((delivery) => delivery.kind !== 'timer');
  expect(notTimer(await deliveries(running))).toEqual(notTimer(afterRestart));
});
