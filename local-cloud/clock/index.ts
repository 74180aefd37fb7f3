/**
 * The local cloud's clock: real time plus an offset that only grows (advance) and is persisted in
 * <dataDir>/clock.json, so cloud time never goes backwards across restarts. It owns the due-task queue
 * (scheduleAt) and the timer triggers, and fires both when cloud time reaches them, either as real time
 * passes (the ticker) or when advance() jumps the clock.
 *
 * Coalescing: each trigger fires at most ONCE per processing pass, even if several of its occurrences
 * fell into the window (e.g. advance(1 h) over a every-5-minutes trigger fires it once). Its event Time is
 * the first missed occurrence. This matches how a sweep is written (it handles everything due), and keeps
 * long jumps cheap.
 *
 * Crashes: each trigger's mark ("occurrences up to here have run") is saved in clock.json once its
 * firing has finished, so a firing interrupted by a crash runs again after the restart, and
 * occurrences that fell due while the cloud was down fire once (coalesced) when it comes back.
 * Due tasks (scheduleAt) live in memory: their owners persist them and schedule them again at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseTimerCron, type TimerSchedule } from './cron';

export interface TimerTrigger {
  functionName: string;
  triggerName: string;
  cron: string;
}

/** What a timer trigger firing asks for: invoke the function with WeChat's timer event. */
export type TriggerFirer = (trigger: TimerTrigger, firedAtMs: number) => Promise<void>;

interface ScheduledTask {
  atMs: number;
  label: string;
  sequence: number;
  task: () => Promise<void>;
}

interface ArmedTrigger {
  trigger: TimerTrigger;
  schedule: TimerSchedule;
  /** occurrences up to and including this clock time have been handled */
  checkedUntilMs: number;
}

interface PersistedClock {
  offsetMs: number;
  lastNowMs: number;
  /** per trigger (functionName NUL triggerName): occurrences up to this clock time have run */
  triggerMarks?: Record<string, number>;
}

export interface ClockOptions {
  dataDir: string;
  realNow?: () => number;
  log?: (line: string) => void;
}

export class Clock {
  /** offset shared with worker threads (BigInt64 so Atomics can read it untorn) */
  readonly sharedOffset = new BigInt64Array(new SharedArrayBuffer(8));
  private offsetMs = 0;
  private readonly file: string;
  private readonly realNow: () => number;
  private readonly log: (line: string) => void;
  private tasks: ScheduledTask[] = [];
  private triggers: ArmedTrigger[] = [];
  private sequence = 0;
  private processing: Promise<void> = Promise.resolve();
  private ticker: NodeJS.Timeout | undefined;
  private fireTrigger: TriggerFirer = async () => {};
  private triggerSource: (() => TimerTrigger[]) | undefined;
  private readonly reportedBadCrons = new Set<string>();
  /** the persisted marks: advanced only when a firing has finished */
  private readonly triggerMarks = new Map<string, number>();

  constructor(options: ClockOptions) {
    this.file = path.join(options.dataDir, 'clock.json');
    this.realNow = options.realNow ?? Date.now;
    this.log = options.log ?? (() => {});
    const saved = this.readPersisted();
    if (saved) {
      // never behind the last time we handed out, even if the machine's clock went back
      this.offsetMs = Math.max(saved.offsetMs, saved.lastNowMs - this.realNow(), 0);
      for (const [key, mark] of Object.entries(saved.triggerMarks ?? {})) this.triggerMarks.set(key, mark);
    }
    Atomics.store(this.sharedOffset, 0, BigInt(Math.round(this.offsetMs)));
    this.persist();
  }

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  offset(): number {
    return this.offsetMs;
  }

  scheduleAt(atMs: number, label: string, task: () => Promise<void>): void {
    this.tasks.push({ atMs, label, task, sequence: (this.sequence += 1) });
  }

  /** labels and times of the tasks still waiting (for /_dev and tests) */
  pendingTasks(): Array<{ atMs: number; label: string }> {
    return [...this.tasks].sort(byDueTime).map(({ atMs, label }) => ({ atMs, label }));
  }

  /**
   * Where the timer triggers come from: read again before every processing pass, so functions built
   * while the cloud runs get their triggers. Occurrences before a trigger is first seen are not back-filled.
   */
  useTriggers(source: () => TimerTrigger[], fire: TriggerFirer): void {
    this.triggerSource = source;
    this.fireTrigger = fire;
    this.syncTriggers();
  }

  private syncTriggers(): void {
    if (!this.triggerSource) return;
    let triggers: TimerTrigger[];
    try {
      triggers = this.triggerSource();
    } catch (error) {
      this.log(`[clock] reading timer triggers failed: ${describe(error)}`);
      return;
    }
    const now = this.now();
    const previous = new Map(this.triggers.map((armed) => [triggerKey(armed.trigger), armed]));
    let marksAdded = false;
    this.triggers = triggers.flatMap((trigger): ArmedTrigger[] => {
      const key = triggerKey(trigger);
      const kept = previous.get(key);
      if (kept && kept.trigger.cron === trigger.cron) return [kept];
      try {
        const schedule = parseTimerCron(trigger.cron);
        // a trigger known before a restart resumes from its saved mark; a new one starts now
        const mark = kept ? now : (this.triggerMarks.get(key) ?? now);
        if (this.triggerMarks.get(key) !== mark) {
          this.triggerMarks.set(key, mark);
          marksAdded = true;
        }
        return [{ trigger, schedule, checkedUntilMs: mark }];
      } catch (error) {
        if (!this.reportedBadCrons.has(trigger.cron)) this.log(`[clock] ${describe(error)}`);
        this.reportedBadCrons.add(trigger.cron);
        return [];
      }
    });
    if (marksAdded) this.persist();
  }

  armedTriggers(): TimerTrigger[] {
    return this.triggers.map((armed) => armed.trigger);
  }

  /** Move cloud time forward by ms, then run everything that became due; resolves when all finished. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance: ms must be a finite number >= 0, got ${ms}`);
    this.offsetMs += ms;
    Atomics.store(this.sharedOffset, 0, BigInt(Math.round(this.offsetMs)));
    this.persist();
    await this.runDue();
  }

  /** Run every task and trigger due at the current clock time (serialised with any run in progress). */
  runDue(): Promise<void> {
    const run = this.processing.then(() => this.drainDue());
    this.processing = run.catch(() => {});
    return run;
  }

  startTicker(intervalMs = 1000): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      this.persist();
      void this.runDue();
    }, intervalMs);
    this.ticker.unref();
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    await this.processing;
    this.persist();
  }

  private async drainDue(): Promise<void> {
    this.syncTriggers();
    // One item at a time, earliest first: work done by a due item may schedule more items that are due
    // before the ones still waiting.
    for (;;) {
      const next = this.earliestDue(this.now());
      if (!next) return;
      try {
        await next.run();
      } catch (error) {
        this.log(`[clock] ${next.label} failed: ${describe(error)}`);
      }
    }
  }

  private earliestDue(now: number): { label: string; run: () => Promise<void> } | undefined {
    let task: ScheduledTask | undefined;
    for (const candidate of this.tasks) {
      if (candidate.atMs <= now && (!task || byDueTime(candidate, task) < 0)) task = candidate;
    }
    let trigger: { armed: ArmedTrigger; atMs: number } | undefined;
    for (const armed of this.triggers) {
      const occurrence = armed.schedule.nextAfter(armed.checkedUntilMs);
      if (occurrence === null || occurrence > now) continue;
      if (!trigger || occurrence < trigger.atMs) trigger = { armed, atMs: occurrence };
    }
    // a task and a trigger due at the same moment: the task first (it was asked for explicitly)
    if (task && (!trigger || task.atMs <= trigger.atMs)) {
      const chosen = task;
      this.tasks = this.tasks.filter((candidate) => candidate !== chosen);
      return { label: chosen.label, run: chosen.task };
    }
    if (trigger) {
      const { armed, atMs } = trigger;
      // coalesce: every occurrence up to now is covered by this one firing
      armed.checkedUntilMs = now;
      const key = triggerKey(armed.trigger);
      return {
        label: `timer ${armed.trigger.functionName}/${armed.trigger.triggerName}`,
        run: async () => {
          try {
            await this.fireTrigger(armed.trigger, atMs);
          } finally {
            // saved once the firing ran (a failed run is not retried, as on WeChat; a crashed one is)
            this.triggerMarks.set(key, Math.max(this.triggerMarks.get(key) ?? 0, now));
            this.persist();
          }
        },
      };
    }
    return undefined;
  }

  private readPersisted(): PersistedClock | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<PersistedClock>;
      if (typeof parsed.offsetMs === 'number' && typeof parsed.lastNowMs === 'number') {
        const marks = Object.entries(parsed.triggerMarks ?? {}).filter(([, mark]) => typeof mark === 'number');
        return { offsetMs: parsed.offsetMs, lastNowMs: parsed.lastNowMs, triggerMarks: Object.fromEntries(marks) };
      }
    } catch {
      // first start on this dataDir
    }
    return undefined;
  }

  private persist(): void {
    const state: PersistedClock = {
      offsetMs: this.offsetMs,
      lastNowMs: this.now(),
      triggerMarks: Object.fromEntries(this.triggerMarks),
    };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state));
    fs.renameSync(temporary, this.file);
  }
}

function byDueTime(a: ScheduledTask, b: ScheduledTask): number {
  return a.atMs - b.atMs || a.sequence - b.sequence;
}

function triggerKey(trigger: TimerTrigger): string {
  return `${trigger.functionName}\u0000${trigger.triggerName}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
