import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Clock, type TimerTrigger } from '@local-cloud/clock';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-clock-'));
}

/** real time that only moves when the test says so */
function fakeRealTime(startIso: string) {
  let now = new Date(startIso).getTime();
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

describe('Clock', () => {
  it('runs scheduled tasks in due order, only when due, including tasks they schedule that are already due', async () => {
    const real = fakeRealTime('2026-11-25T00:00:00Z');
    const clock = new Clock({ dataDir: tempDir(), realNow: real.now });
    const start = clock.now();
    const ran: string[] = [];
    clock.scheduleAt(start + 3000, 'c', async () => {
      ran.push('c');
    });
    clock.scheduleAt(start + 1000, 'a', async () => {
      ran.push('a');
      clock.scheduleAt(start + 1500, 'a-follow-up', async () => {
        ran.push('a-follow-up');
      });
    });
    clock.scheduleAt(start + 2000, 'b', async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      ran.push('b');
    });
    clock.scheduleAt(start + 60_000, 'later', async () => {
      ran.push('later');
    });

    await clock.advance(2500);
    expect(ran).toEqual(['a', 'a-follow-up', 'b']);
    expect(clock.now()).toBe(start + 2500);
    expect(clock.pendingTasks().map((task) => task.label)).toEqual(['c', 'later']);

    real.pass(1000); // real time passing is enough
    await clock.runDue();
    expect(ran).toEqual(['a', 'a-follow-up', 'b', 'c']);
    await clock.stop();
  });

  it('keeps running the rest when a task fails', async () => {
    const lines: string[] = [];
    const clock = new Clock({
      dataDir: tempDir(),
      realNow: fakeRealTime('2026-11-25T00:00:00Z').now,
      log: (line) => lines.push(line),
    });
    const ran: string[] = [];
    clock.scheduleAt(clock.now() + 1, 'broken', async () => {
      throw new Error('nope');
    });
    clock.scheduleAt(clock.now() + 2, 'fine', async () => {
      ran.push('fine');
    });
    await clock.advance(10);
    expect(ran).toEqual(['fine']);
    expect(lines.join('\n')).toMatch(/broken failed: nope/);
  });

  it('fires a timer trigger once per pass when occurrences fell in the window, and not before it is due', async () => {
    const real = fakeRealTime('2026-11-25T00:00:30Z');
    const clock = new Clock({ dataDir: tempDir(), realNow: real.now });
    const fired: Array<{ trigger: string; at: string }> = [];
    const triggers: TimerTrigger[] = [{ functionName: 'sweep', triggerName: 'every5', cron: '0 */5 * * * * *' }];
    clock.useTriggers(
      () => triggers,
      async (trigger, atMs) => {
        fired.push({ trigger: trigger.triggerName, at: new Date(atMs).toISOString() });
      },
    );

    await clock.advance(60_000); // 00:01:30, nothing due
    expect(fired).toEqual([]);
    await clock.advance(4 * 60_000); // 00:05:30: one occurrence
    expect(fired).toEqual([{ trigger: 'every5', at: '2026-11-25T00:05:00.000Z' }]);
    await clock.advance(60 * 60_000); // twelve occurrences, coalesced into one firing
    expect(fired).toHaveLength(2);
    expect(fired[1]).toEqual({ trigger: 'every5', at: '2026-11-25T00:10:00.000Z' });
    await clock.advance(1000);
    expect(fired).toHaveLength(2);
  });

  it('orders triggers and tasks together by due time', async () => {
    const clock = new Clock({ dataDir: tempDir(), realNow: fakeRealTime('2026-11-25T00:00:00Z').now });
    const ran: string[] = [];
    clock.useTriggers(
      () => [{ functionName: 'f', triggerName: 'minute', cron: '0 * * * * * *' }],
      async () => {
        ran.push('trigger@60s');
      },
    );
    clock.scheduleAt(clock.now() + 30_000, 'task@30s', async () => {
      ran.push('task@30s');
    });
    clock.scheduleAt(clock.now() + 90_000, 'task@90s', async () => {
      ran.push('task@90s');
    });
    await clock.advance(100_000);
    expect(ran).toEqual(['task@30s', 'trigger@60s', 'task@90s']);
  });

  it('persists its offset and never goes backwards across restarts', async () => {
    const dataDir = tempDir();
    const real = fakeRealTime('2026-11-25T00:00:00Z');
    const first = new Clock({ dataDir, realNow: real.now });
    await first.advance(86_400_000);
    const handedOut = first.now();
    await first.stop();

    const second = new Clock({ dataDir, realNow: real.now });
    expect(second.now()).toBe(handedOut);
    expect(Number(Atomics.load(second.sharedOffset, 0))).toBe(86_400_000);

    // the machine's clock goes back an hour: cloud time does not
    const skewed = new Clock({ dataDir, realNow: () => real.now() - 3_600_000 });
    expect(skewed.now()).toBeGreaterThanOrEqual(handedOut);
  });

  it('refuses to go backwards', async () => {
    const clock = new Clock({ dataDir: tempDir() });
    await expect(clock.advance(-1)).rejects.toThrow(/>= 0/);
  });
});
