/**
 * Runs cloud functions the way the cloud does: each invocation in a worker thread (an "instance") that
 * handles one invocation at a time. Instances belong to one function version and stay warm; the pool
 * grows to `maxWorkers`, evicts idle instances of other functions when full, and queues beyond that
 * (except that a function with no instance at all always gets one, so call chains cannot deadlock).
 * An instance that times out is terminated and replaced; one that throws keeps serving.
 * Once connected to the local cloud's http.Server, an instance's requests to it (every SDK call) travel
 * over a MessagePort into that server instead of loopback TCP (port-socket.cjs).
 */
import type http from 'node:http';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import readline from 'node:readline';
import type { InvocationContext, InvocationSource } from '@local-cloud/services';
import { type FunctionRegistry, type FunctionDeployment } from './functions';
import { FunctionInvocationError, functionNotFound } from './errors';
import { PortConnections } from './port-socket.cjs';

export { FunctionRegistry } from './functions';
export { FunctionInvocationError } from './errors';

export const LOCAL_APPID = 'wxlocalappid';
export const LOCAL_ENV = 'local';
/** The sub-merchant id the local cloud configures on every function, as a merchant does in the console. */
export const LOCAL_PAY_SUB_MCH_ID = '1900000109';

export interface InvocationIdentity {
  openid: string;
  source: InvocationSource;
  unionid?: string;
  appid?: string;
}

export interface RuntimeOptions {
  registry: FunctionRegistry;
  /** the clock offset the workers add to real time */
  clockOffset: BigInt64Array;
  maxWorkers: number;
  /** http://127.0.0.1:PORT/admin, known once the server listens */
  adminUrl: () => string;
  log: (line: string) => void;
}

interface Instance {
  worker: Worker;
  functionName: string;
  version: number;
  ready: Promise<void>;
  busy: boolean;
  current?: InFlight;
  /** its in-memory connections to the local cloud's server, if connected */
  connections?: PortConnections;
}

interface InFlight {
  id: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Waiting {
  deployment: FunctionDeployment;
  start: (instance: Instance) => void;
  cancel: (error: Error) => void;
}

/** How many finished invocations stay resolvable by seqId (for SDK calls that land after main returned). */
const FINISHED_INVOCATIONS_KEPT = 2000;
const OVER_LIMIT_IDLE_MS = 10_000;
const WORKER_SCRIPT = path.join(__dirname, 'worker.cjs');
const PROJECT_NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules');

export class FunctionRuntime {
  private readonly instances = new Set<Instance>();
  private readonly queue: Waiting[] = [];
  private readonly running = new Map<string, InvocationContext>();
  private readonly finished = new Map<string, InvocationContext>();
  private invocationCounter = 0;
  private closed = false;
  private readonly runId = Date.now().toString(36);
  private cloudServer?: http.Server;

  constructor(private readonly options: RuntimeOptions) {}

  /**
   * Instances spawned from now on send their requests for the local cloud's origin (adminUrl's
   * host:port) to `server` over a MessagePort: the same http.Server, handler and reply bytes as TCP.
   */
  connectWorkersTo(server: http.Server): void {
    this.cloudServer = server;
  }

  /** The invocation a SDK request belongs to, from the seqId query parameter (`<TCB_SEQID>-<eventId>`). */
  callerOf(seqId: string | undefined): InvocationContext | undefined {
    if (!seqId) return undefined;
    const dash = seqId.lastIndexOf('-');
    if (dash <= 0) return undefined;
    const invocationId = seqId.slice(0, dash);
    return this.running.get(invocationId) ?? this.finished.get(invocationId);
  }

  stats(): { workers: number; busy: number; queued: number } {
    let busy = 0;
    for (const instance of this.instances) if (instance.busy) busy += 1;
    return { workers: this.instances.size, busy, queued: this.queue.length };
  }

  invoke(name: string, event: unknown, identity: InvocationIdentity): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the local cloud is stopped'));
    const deployment = this.options.registry.get(name);
    if (!deployment) return Promise.reject(functionNotFound(name));
    this.invocationCounter += 1;
    const invocationId = `lc${this.runId}x${this.invocationCounter.toString(36)}`;
    const context: InvocationContext = {
      openid: identity.openid,
      appid: identity.appid ?? LOCAL_APPID,
      ...(identity.unionid !== undefined ? { unionid: identity.unionid } : {}),
      source: identity.source,
      envName: LOCAL_ENV,
    };

    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({
        deployment,
        start: (instance) => {
          this.running.set(invocationId, context);
          const finish = () => {
            this.running.delete(invocationId);
            this.finished.set(invocationId, context);
            if (this.finished.size > FINISHED_INVOCATIONS_KEPT) {
              const oldest = this.finished.keys().next();
              if (!oldest.done) this.finished.delete(oldest.value);
            }
          };
          const inFlight: InFlight = {
            id: invocationId,
            resolve: (value) => {
              finish();
              resolve(value);
            },
            reject: (error) => {
              finish();
              reject(error);
            },
          };
          this.dispatch(instance, deployment, inFlight, event, context);
        },
        cancel: reject,
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.cancel(new Error('the local cloud is stopping'));
    await Promise.all([...this.instances].map((instance) => this.retire(instance)));
  }

  private dispatch(
    instance: Instance,
    deployment: FunctionDeployment,
    inFlight: InFlight,
    event: unknown,
    context: InvocationContext,
  ): void {
    instance.busy = true;
    instance.current = inFlight;
    instance.ready.then(
      () => {
        if (instance.current !== inFlight) return;
        inFlight.timer = setTimeout(() => {
          if (instance.current !== inFlight) return;
          instance.current = undefined;
          const seconds = deployment.timeoutMs / 1000;
          inFlight.reject(
            new FunctionInvocationError('FUNCTION_TIMEOUT', `Invoking task timed out after ${seconds} seconds`),
          );
          this.options.log(`[${deployment.name}] timed out after ${seconds} s; instance replaced`);
          void this.retire(instance).then(() => this.pump());
        }, deployment.timeoutMs);
        const message = {
          type: 'invoke',
          id: inFlight.id,
          event,
          env: this.invocationEnv(inFlight.id, context),
          context: {
            request_id: inFlight.id,
            function_name: deployment.name,
            function_version: '$LATEST',
            namespace: LOCAL_ENV,
            memory_limit_in_mb: 256,
            time_limit_in_ms: deployment.timeoutMs,
            callbackWaitsForEmptyEventLoop: false,
          },
        };
        try {
          instance.worker.postMessage(message);
        } catch (error) {
          // An event the structured clone cannot copy fails this invocation, never the process.
          clearTimeout(inFlight.timer);
          instance.current = undefined;
          instance.busy = false;
          const detail = error instanceof Error ? error.message : String(error);
          inFlight.reject(new FunctionInvocationError('FUNCTION_EXECUTE_FAIL', firstLine(detail), detail));
          this.pump();
        }
      },
      (error: unknown) => {
        // the module failed to load: this instance is useless
        if (instance.current === inFlight) instance.current = undefined;
        const message = error instanceof Error ? error.message : String(error);
        inFlight.reject(new FunctionInvocationError('FUNCTION_EXECUTE_FAIL', firstLine(message), message));
        void this.retire(instance).then(() => this.pump());
      },
    );
  }

  /** The environment one invocation sees (what the cloud injects; read by wx-server-sdk on every call). */
  private invocationEnv(invocationId: string, context: InvocationContext): Record<string, string> {
    const env: Record<string, string> = {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
      WX_OPENID: context.openid,
      WX_APPID: context.appid,
      WX_CLIENTIP: '127.0.0.1',
      WX_CLIENTIPV6: '::ffff:127.0.0.1',
      // getWXContext() copies TCB_SOURCE verbatim into SOURCE; node-sdk sends it as x-tcb-source "<source>,scf"
      TCB_SOURCE: context.source,
      // node-sdk reads TCB_* only through TCB_CONTEXT_KEYS (utils/tcbcontext.js), TCB_SEQID included
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TCB_SOURCE',
      TCB_ENV: LOCAL_ENV,
      SCF_NAMESPACE: LOCAL_ENV,
      TCB_SEQID: invocationId,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl() }),
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      // no "[TCB][WARN] ... longer than 3s" lines from the SDK
      SILENCE: 'true',
      // the function environment variable server/payment.ts requires (云函数 → 配置 → 环境变量)
      PAY_SUB_MCH_ID: LOCAL_PAY_SUB_MCH_ID,
    };
    if (context.unionid !== undefined) env.WX_UNIONID = context.unionid;
    return env;
  }

  /**
   * Give waiting invocations instances: in arrival order per function, but a function that cannot get
   * an instance does not hold up the others (a caller waiting on cloud.callFunction must not block its callee).
   */
  private pump(): void {
    for (let index = 0; index < this.queue.length && !this.closed;) {
      const waiting = this.queue[index];
      if (!waiting) return;
      const instance = this.acquire(waiting.deployment);
      if (!instance) {
        index += 1;
        continue;
      }
      this.queue.splice(index, 1);
      waiting.start(instance);
    }
  }

  private acquire(deployment: FunctionDeployment): Instance | undefined {
    let evictable: Instance | undefined;
    let hasCurrentInstance = false;
    for (const instance of this.instances) {
      const current = instance.functionName === deployment.name && instance.version === deployment.version;
      if (current) hasCurrentInstance = true;
      if (instance.busy) continue;
      if (current) return instance;
      // idle instances of older code for this function, or of other functions, make room; not an
      // instance that invocations of its own function are waiting for (evicting it only to respawn it
      // for them thrashes a full pool: A calling B would spawn two instances per call)
      if (instance.functionName === deployment.name) evictable = instance;
      else if (!evictable && !this.isAwaited(instance)) evictable = instance;
    }
    if (this.instances.size < this.options.maxWorkers) return this.spawn(deployment);
    if (evictable) {
      void this.retire(evictable);
      return this.spawn(deployment);
    }
    // Full of busy instances: a function with none at all still gets one, over the limit, so call
    // chains (A waits on B) always make progress. It is retired once idle while over the limit.
    if (!hasCurrentInstance) return this.spawn(deployment);
    return undefined;
  }

  private isAwaited(instance: Instance): boolean {
    return this.queue.some(
      (waiting) => waiting.deployment.name === instance.functionName && waiting.deployment.version === instance.version,
    );
  }

  private spawn(deployment: FunctionDeployment): Instance {
    const server = this.cloudServer;
    const origin = server ? originOf(this.options.adminUrl()) : undefined;
    const channel = server && origin ? new MessageChannel() : undefined;
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: {
        entry: deployment.entry,
        functionName: deployment.name,
        clockOffset: this.options.clockOffset,
        fallbackNodeModules: PROJECT_NODE_MODULES,
        ...(channel && origin ? { cloudOrigin: origin.origin, cloudChannel: channel.port2 } : {}),
      },
      transferList: channel ? [channel.port2] : [],
      // a private env copy without the host's TCB/WX settings, plus what a cloud instance has from its
      // start (so the SDK's cloud.init at load knows it runs in SCF and probes no metadata server);
      // per-invocation values are set by the worker
      env: { ...hostEnvWithoutCloudKeys(), ...INSTANCE_ENV },
      // LOCAL_CLOUD_CPU_PROFILE_DIR: each instance writes a V8 CPU profile there when it ends (docs/local-cloud.md)
      execArgv: process.env.LOCAL_CLOUD_CPU_PROFILE_DIR
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.LOCAL_CLOUD_CPU_PROFILE_DIR]
        : [],
      stdout: true,
      stderr: true,
      // a small young generation: an instance's garbage is short-lived request objects, and the default
      // (up to 3 × 16 MB) kept ~5 MB more resident per warm instance (bench: 8 instances 378 → 337 MB)
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 },
    });
    const log = this.options.log;
    for (const stream of [worker.stdout, worker.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => log(`[${deployment.name}] ${line}`));
    }

    let markReady: () => void = () => {};
    let markFailed: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => {});
    const instance: Instance = {
      worker,
      functionName: deployment.name,
      version: deployment.version,
      ready,
      busy: false,
    };
    if (server && origin && channel) {
      instance.connections = new PortConnections(channel.port1, {
        localPort: Number(origin.port),
        onConnection: (socket) => server.emit('connection', socket),
      });
    }
    this.instances.add(instance);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') markReady();
      else if (message.type === 'load-error') markFailed(new Error(message.message));
      else if (message.type === 'result') this.settle(instance, message);
    });
    worker.on('error', (error) => {
      markFailed(error);
      this.fail(instance, error.stack ?? String(error));
    });
    worker.on('exit', (code) => {
      instance.connections?.close();
      markFailed(new Error(`instance exited with code ${code} while loading`));
      this.fail(instance, `instance exited with code ${code}`);
    });
    return instance;
  }

  private settle(instance: Instance, message: ResultMessage): void {
    const inFlight = instance.current;
    if (!inFlight || inFlight.id !== message.id) return;
    clearTimeout(inFlight.timer);
    instance.current = undefined;
    instance.busy = false;
    this.pump();
    if (!instance.busy && this.instances.size > this.options.maxWorkers) this.retireLaterIfStillIdle(instance);
    if (message.ok) {
      inFlight.resolve(message.json === undefined ? undefined : JSON.parse(message.json));
    } else {
      const detail = message.message ?? 'unknown error';
      inFlight.reject(new FunctionInvocationError('FUNCTION_EXECUTE_FAIL', firstLine(detail), detail));
    }
  }

  /** An instance spawned over the limit goes away once it has had nothing to do for a while. */
  private retireLaterIfStillIdle(instance: Instance): void {
    const timer = setTimeout(() => {
      if (!instance.busy && this.instances.has(instance) && this.instances.size > this.options.maxWorkers)
        void this.retire(instance);
    }, OVER_LIMIT_IDLE_MS);
    timer.unref();
  }

  /** The instance died (crash, process.exit): fail what it was running and forget it. */
  private fail(instance: Instance, reason: string): void {
    if (!this.instances.delete(instance)) return;
    const inFlight = instance.current;
    instance.current = undefined;
    if (inFlight) {
      clearTimeout(inFlight.timer);
      inFlight.reject(new FunctionInvocationError('FUNCTION_EXECUTE_FAIL', firstLine(reason), reason));
    }
    this.pump();
  }

  private async retire(instance: Instance): Promise<void> {
    this.instances.delete(instance);
    const inFlight = instance.current;
    instance.current = undefined;
    if (inFlight) {
      clearTimeout(inFlight.timer);
      inFlight.reject(new Error('the local cloud is stopping'));
    }
    await instance.worker.terminate();
  }
}

type ResultMessage = { type: 'result'; id: string; ok: boolean; json?: string; message?: string };
type WorkerMessage = { type: 'ready' } | { type: 'load-error'; message: string } | ResultMessage;

function originOf(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && parsed.port !== '' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

const CLOUD_ENV_KEY = /^(WX_|TCB_|TENCENTCLOUD_|SCF_)/;
const INSTANCE_ENV = {
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: LOCAL_ENV,
  TCB_ENV: LOCAL_ENV,
};

function hostEnvWithoutCloudKeys(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !CLOUD_ENV_KEY.test(key)) env[key] = value;
  }
  return env;
}
