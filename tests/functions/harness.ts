/**
 * Shared harness for function tests: builds the real bundles, starts the local cloud on a random
 * port with a fresh data dir, seeds the catalogue, and calls functions through the H5 gateway
 * (POST /functions/<name>, X-WX-OPENID = caller) — the same path the H5 build uses.
 *
 *   const harness = await startFunctionsHarness();
 *   const answer = await harness.call('shop', { action: 'listCategories' });
 *   await harness.stop();
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '@local-cloud/index';
import { buildFunctions } from '../../scripts/build-functions';
import { seedCatalogue, type SeedSummary } from '../../scripts/seed';
import { seedDevUsers } from '../../scripts/seed-dev-users';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export const TEST_OPENID = 'o-test-user';

export interface FunctionsHarness {
  cloud: LocalCloud;
  dataDir: string;
  seed: SeedSummary | null;
  /** POSTs the event to the gateway as `openid`; resolves with the function's answer (HTTP 200 only). */
  call<T = unknown>(name: string, event: Record<string, unknown>, openid?: string): Promise<T>;
  /** The raw gateway response, for tests about the HTTP layer itself. */
  post(name: string, body: string, headers?: Record<string, string>): Promise<Response>;
  /** lines the local cloud logged (function console output included) */
  logs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** functions to (re)build first; default all */
  functions?: string[];
  /** seed the catalogue (default true) */
  seed?: boolean;
  /**
   * Deploy every built function except these (from a copy of the builds): invoking one of them fails,
   * as a callback that is down does — WeChat Pay's notifications to it are never acknowledged.
   */
  withoutFunctions?: string[];
}

/** A copy of the built functions (index.js + config.json) minus `left out`, in a temporary directory. */
function functionsWithout(leftOut: string[]): string {
  const source = path.join(PROJECT_ROOT, 'cloudfunctions');
  const target = mkdtempSync(path.join(os.tmpdir(), 'functions-deployed-'));
  for (const name of readdirSync(source)) {
    if (leftOut.includes(name)) continue;
    mkdirSync(path.join(target, name));
    for (const file of ['index.js', 'config.json']) {
      const from = path.join(source, name, file);
      if (existsSync(from)) copyFileSync(from, path.join(target, name, file));
    }
  }
  return target;
}

export async function startFunctionsHarness(options: HarnessOptions = {}): Promise<FunctionsHarness> {
  await buildFunctions(options.functions);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'functions-test-'));
  const logs: string[] = [];
  const deployedDir = options.withoutFunctions ? functionsWithout(options.withoutFunctions) : null;
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: deployedDir ?? path.join(PROJECT_ROOT, 'cloudfunctions'),
    realTimers: false,
    log: (line) => logs.push(line),
  });
  const seed = options.seed === false ? null : seedCatalogue(cloud.db);
  seedDevUsers(cloud.db);

  const post = (name: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${cloud.url}/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  return {
    cloud,
    dataDir,
    seed,
    logs,
    post,
    async call<T>(name: string, event: Record<string, unknown>, openid: string = TEST_OPENID): Promise<T> {
      const response = await post(name, JSON.stringify(event), { 'X-WX-OPENID': openid });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${name} → HTTP ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async stop() {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (deployedDir) rmSync(deployedDir, { recursive: true, force: true });
    },
  };
}
