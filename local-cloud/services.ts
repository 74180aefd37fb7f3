/**
 * The seam between the local cloud's server/runtime and the modules it mounts (db, pay, openapi).
 * Everything a simulator needs from "the cloud" goes through CloudServices.
 */
import type { Database } from './db';

/** Who is calling, as the cloud knows it (derived from the invocation whose TCB_SEQID prefixes the request). */
export interface InvocationContext {
  openid: string;
  appid: string;
  unionid?: string;
  /** TCB_SOURCE without its prefix, e.g. 'wx_client', 'wx_trigger', 'wx_paycallback', 'wx_http' */
  source: string;
  envName: string;
}

export type InvocationSource = 'wx_client' | 'wx_trigger' | 'wx_paycallback' | 'wx_http' | (string & {});

export interface CloudServices {
  /** the local cloud clock (ms since epoch) */
  now(): number;
  /** schedule a task at clock time atMs; runs when the clock reaches it (real time passing or /_dev/clock) */
  scheduleAt(atMs: number, label: string, task: () => Promise<void>): void;
  /**
   * Run a cloud function as the cloud would (worker, env, timeout). Resolves with its return value;
   * rejects with an Error for throw/timeout/unknown function.
   */
  invoke(name: string, event: unknown, ctx: { openid: string; source: InvocationSource }): Promise<unknown>;
  db: Database;
}
