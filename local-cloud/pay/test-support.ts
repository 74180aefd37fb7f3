/**
 * Test support for the pay and open-API simulators: a CloudServices with a manual clock and
 * in-process "cloud functions". Used by the *.test.ts files of pay/, openapi/ and wire/ only.
 */
import type { CloudServices, InvocationSource } from '../services';

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

/**
 * TEMPORARY stand-in for local-cloud/db's Database until it lands: the three calls the simulators
 * make (find all / insert / updateMany by _id with $set), over a Map.
 */
export function createMemoryDb(): CloudServices['db'] {
  const collections = new Map<string, Map<string, Record<string, unknown>>>();
  const collection = (name: string) => {
    let docs = collections.get(name);
    if (!docs) collections.set(name, (docs = new Map()));
    return docs;
  };
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const memory = {
    find(name: string, query: Record<string, unknown>) {
      const docs = [...collection(name).values()];
      const id = query._id;
      return clone(id === undefined ? docs : docs.filter((doc) => doc._id === id));
    },
    insert(name: string, docs: Record<string, unknown>[]) {
      for (const doc of docs) {
        const id = String(doc._id);
        if (collection(name).has(id)) throw new Error(`duplicate _id ${id}`);
        collection(name).set(id, clone(doc));
      }
      return docs.map((doc) => doc._id);
    },
    updateMany(name: string, query: { _id: string }, update: { $set: Record<string, unknown> }) {
      const doc = collection(name).get(query._id);
      if (!doc) return 0;
      Object.assign(doc, clone(update.$set));
      return 1;
    },
  };
  return memory as unknown as CloudServices['db'];
}
