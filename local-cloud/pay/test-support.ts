/**
 * Test support for the pay and open-API simulators: a CloudServices with a manual clock and
 * in-process "cloud functions". Used by the *.test.ts files of pay/, openapi/ and wire/ only.
 */
import { Database } from '@local-cloud/db';
import type { CloudServices, InvocationSource } from '@local-cloud/services';

export interface Invocation {
  name: string;
  event: unknown;
  ctx: { openid: string; source: InvocationSource };
  at: number;
}

export type FakeFunction = (event: unknown, ctx: { openid: string; source: InvocationSource }) => unknown;

interface Due {
  atMs: number;
  label: string;
  sequence: number;
  task: () => Promise<void>;
}

/** A clock that only moves when told to, running due tasks in time order as it passes them. */
export class ManualClock {
  private nowMs: number;
  private due: Due[] = [];
  private sequence = 0;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  scheduleAt(atMs: number, label: string, task: () => Promise<void>): void {
    this.due.push({ atMs, label, sequence: this.sequence++, task });
  }

  pendingLabels(): string[] {
    return this.due.map((entry) => entry.label);
  }

  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    for (;;) {
      this.due.sort((a, b) => a.atMs - b.atMs || a.sequence - b.sequence);
      const next = this.due[0];
      if (!next || next.atMs > target) break;
      this.due.shift();
      this.nowMs = Math.max(this.nowMs, next.atMs);
      await next.task();
    }
    this.nowMs = target;
  }
}

export interface TestCloud {
  services: CloudServices;
  clock: ManualClock;
  invocations: Invocation[];
  functions: Map<string, FakeFunction>;
}

export function createTestCloud(db: CloudServices['db'], startMs: number, clock = new ManualClock(startMs)): TestCloud {
  const invocations: Invocation[] = [];
  const functions = new Map<string, FakeFunction>();
  const services: CloudServices = {
    now: () => clock.now(),
    scheduleAt: (atMs, label, task) => clock.scheduleAt(atMs, label, task),
    invoke: async (name, event, ctx) => {
      invocations.push({ name, event, ctx, at: clock.now() });
      const fn = functions.get(name);
      if (!fn) throw new Error(`FUNCTIONS_REQUEST_FAIL: function ${name} not found`);
      return fn(event, ctx);
    },
    db,
  };
  return { services, clock, invocations, functions };
}

/** A real local-cloud Database in SQLite memory, as the simulators get it in the server. */
export function createTestDb(now: () => number = Date.now): Database {
  return new Database({ file: ':memory:', indexes: [], now });
}
