/**
 * startLocalCloud: one process that serves the CloudBase API the unmodified wx-server-sdk speaks
 * (POST /admin), the H5 gateway (POST /functions/<name>), local-only /_dev endpoints and the static
 * H5 build, and runs the cloud functions in worker threads. See docs/local-cloud.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Clock } from './clock';
import { Database, type IndexSpec } from './db';
import { OpenApi } from './openapi';
import { PaySimulator } from './pay';
import { FunctionRegistry, FunctionRuntime, LOCAL_ENV } from './runtime';
import { createCloudServer } from './server';
import { CloudStorage } from './storage';
import type { CloudServices } from './services';
import { staticMounts } from './static';

export type { CloudServices, InvocationContext } from './services';
export { DEV_USERS, ANONYMOUS_OPENID } from './dev-users';
export { FunctionInvocationError } from './runtime';

const PROJECT_ROOT = path.resolve(__dirname, '..');
const DEFAULT_WORKERS = 8;

export interface LocalCloudOptions {
  /** 0 = a random free port; default 3000 */
  port?: number;
  host?: '127.0.0.1';
  /** where the database file and the clock state live */
  dataDir: string;
  /** the built functions: <functionsDir>/<name>/index.js + config.json */
  functionsDir: string;
  /** the H5 build (dist-h5), served at / with fallback to index.html */
  staticDir?: string;
  /** URL prefix → directory, e.g. { '/images/': 'database/images' } */
  extraStatic?: Record<string, string>;
  /** database/indexes.json by default */
  indexesFile?: string;
  /** most worker threads (function instances) at once; default 8 */
  workers?: number;
  /** fire timers and due tasks as real time passes (1 s ticker); default true */
  realTimers?: boolean;
  log?: (line: string) => void;
}

export interface LocalCloud {
  url: string;
  port: number;
  services: CloudServices;
  clock: { now(): number; advance(ms: number): Promise<void> };
  pay: PaySimulator;
  openapi: OpenApi;
  db: Database;
  /** cloud storage: files under <dataDir>/storage */
  storage: CloudStorage;
  /** call a function like the gateway does: as user `openid`, SOURCE wx_client */
  call(name: string, event: unknown, openid: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const host = options.host ?? '127.0.0.1';
  fs.mkdirSync(options.dataDir, { recursive: true });

  const clock = new Clock({ dataDir: options.dataDir, log });
  const schema = readSchema(options.indexesFile ?? path.join(PROJECT_ROOT, 'database', 'indexes.json'));
  const db = new Database({
    file: path.join(options.dataDir, 'cloud.sqlite'),
    indexes: schema.indexes,
    now: () => clock.now(),
  });

  // Like the console, where a merchant creates every collection before going live.
  for (const collection of schema.collections) {
    if (db.count(collection) === 0) db.handle({ action: 'database.addCollection', collectionName: collection });
  }

  let adminUrl = '';
  const registry = new FunctionRegistry(path.resolve(options.functionsDir));
  const runtime = new FunctionRuntime({
    registry,
    clockOffset: clock.sharedOffset,
    maxWorkers: Math.max(1, options.workers ?? DEFAULT_WORKERS),
    adminUrl: () => adminUrl,
    log,
  });

  const services: CloudServices = {
    now: () => clock.now(),
    scheduleAt: (atMs, label, task) => clock.scheduleAt(atMs, label, task),
    invoke: (name, event, ctx) => runtime.invoke(name, event, { openid: ctx.openid, source: ctx.source }),
    db,
  };
  const pay = new PaySimulator(services);
  const openapi = new OpenApi(services);
  let baseUrl = '';
  const storage = new CloudStorage({
    dataDir: options.dataDir,
    envName: LOCAL_ENV,
    now: () => clock.now(),
    baseUrl: () => baseUrl,
  });

  const server = createCloudServer({
    db,
    runtime,
    registry,
    pay,
    openapi,
    storage,
    log,
    clock,
    devPay: pay,
    devMessages: openapi,
    staticMounts: staticMounts(options.staticDir, options.extraStatic),
  });
  // function instances reach this server over MessagePorts, not loopback TCP (runtime/port-socket.cjs)
  runtime.connectWorkersTo(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  adminUrl = `${url}/admin`;
  baseUrl = url;

  clock.useTriggers(
    () => registry.allTriggers(),
    async (trigger, firedAtMs) => {
      // the event WeChat sends a timer-triggered function
      const event = {
        Type: 'Timer',
        TriggerName: trigger.triggerName,
        Time: new Date(firedAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      await runtime.invoke(trigger.functionName, event, { openid: '', source: 'wx_trigger' });
    },
  );
  // payment-callback retries, unsettled refunds and delayed function tasks survive a restart
  await pay.restoreScheduled();
  await openapi.restoreScheduled();
  if (options.realTimers ?? true) clock.startTicker(1000);

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    services,
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms) },
    pay,
    openapi,
    db,
    storage,
    call: (name, event, openid) => runtime.invoke(name, event, { openid, source: 'wx_client' }),
    stop: () => {
      stopped ??= (async () => {
        await clock.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await runtime.close();
        db.close();
      })();
      return stopped;
    },
  };
}

/** database/indexes.json: `{ collections: [{ name, why }], indexes: [{ collection, fields, unique?, why }] }`. */
function readSchema(file: string): { collections: string[]; indexes: IndexSpec[] } {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      collections?: { name: string }[];
      indexes?: IndexSpec[];
    };
    return { collections: (parsed.collections ?? []).map((c) => c.name), indexes: parsed.indexes ?? [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { collections: [], indexes: [] };
    throw error;
  }
}
