/**
 * Gateway overhead: the round trip of POST /functions/<name> (HTTP + worker pool + per-invocation env)
 * with `concurrency` callers, against calling the same exports.main in this process with the same
 * concurrency (its SDK calls still go to the same local cloud). The lead wires `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { startLocalCloud, type LocalCloud } from './index';

const execFileAsync = promisify(execFile);
import { LOCAL_APPID, LOCAL_ENV } from './runtime';

export interface BenchOptions {
  name: string;
  event: unknown;
  openid?: string;
  /** defaults to the project's cloudfunctions/ */
  functionsDir?: string;
  /** reuse a running local cloud instead of starting one on a temp dataDir */
  cloud?: LocalCloud;
  dataDir?: string;
  concurrency?: number;
  /** calls per side, after warm-up */
  requests?: number;
  warmup?: number;
}

export interface LatencySummary {
  count: number;
  /** CPU time of the local cloud's process (main thread and instances) per call: steadier than latency on a busy machine */
  cpuMsPerCall: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface BenchResult {
  name: string;
  concurrency: number;
  gateway: LatencySummary;
  inProcess: LatencySummary;
  /** gateway / in-process */
  ratio: { p50: number; p99: number };
}

export async function benchGateway(options: BenchOptions): Promise<BenchResult> {
  const concurrency = options.concurrency ?? 20;
  const requests = options.requests ?? 400;
  const warmup = options.warmup ?? concurrency * 2;
  const openid = options.openid ?? 'bench-user';
  const functionsDir = path.resolve(options.functionsDir ?? path.join(__dirname, '..', 'cloudfunctions'));
  const cloud =
    options.cloud ??
    (await startLocalCloud({
      port: 0,
      dataDir: options.dataDir ?? path.join(os.tmpdir(), `local-cloud-bench-${process.pid}-${Date.now()}`),
      functionsDir,
      workers: concurrency,
      realTimers: false,
      log: () => {},
    }));

  try {
    const gatewayLatencies = async (total: number, tolerateFailures = false): Promise<number[]> => {
      const { stdout } = await execFileAsync(
        process.execPath,
        [
          path.join(__dirname, 'bench-caller.cjs'),
          JSON.stringify({
            url: cloud.url,
            name: options.name,
            event: options.event,
            openid,
            total,
            concurrency,
            warmup: tolerateFailures,
          }),
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      return JSON.parse(stdout) as number[];
    };
    await gatewayLatencies(warmup, true);
    const gatewayCpu = process.cpuUsage();
    const gateway = summarize(await gatewayLatencies(requests), process.cpuUsage(gatewayCpu));

    const { main, restoreEnv } = loadInProcess(functionsDir, options.name, cloud.url, openid);
    let inProcess: LatencySummary;
    try {
      const inProcessCall = async () => {
        // through JSON like the gateway, so both sides pay for serialising the result
        JSON.stringify(await main(JSON.parse(JSON.stringify(options.event)), {}));
      };
      await runConcurrently(warmup, concurrency, inProcessCall);
      const inProcessCpu = process.cpuUsage();
      inProcess = summarize(
        await runConcurrently(requests, concurrency, inProcessCall),
        process.cpuUsage(inProcessCpu),
      );
    } finally {
      restoreEnv();
    }

    return {
      name: options.name,
      concurrency,
      gateway,
      inProcess,
      ratio: { p50: round(gateway.p50Ms / inProcess.p50Ms), p99: round(gateway.p99Ms / inProcess.p99Ms) },
    };
  } finally {
    if (!options.cloud) await cloud.stop();
  }
}

/** The function's main in this process, with the env a cloud instance would have (one fixed user). */
function loadInProcess(
  functionsDir: string,
  name: string,
  url: string,
  openid: string,
): { main: (event: unknown, context: unknown) => Promise<unknown>; restoreEnv: () => void } {
  const instanceEnv: Record<string, string> = {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: openid,
    WX_APPID: LOCAL_APPID,
    TCB_SOURCE: 'wx_client',
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE',
    TCB_ENV: LOCAL_ENV,
    SCF_NAMESPACE: LOCAL_ENV,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SILENCE: 'true',
  };
  const saved = Object.fromEntries(Object.keys(instanceEnv).map((key) => [key, process.env[key]]));
  Object.assign(process.env, instanceEnv);
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  const requireFromProject = createRequire(path.join(__dirname, '..', 'package.json'));
  const loaded = requireFromProject(path.join(functionsDir, name, 'index.js')) as { main?: unknown };
  if (typeof loaded.main !== 'function') {
    restoreEnv();
    throw new Error(`${name}/index.js does not export main`);
  }
  return { main: loaded.main as (event: unknown, context: unknown) => Promise<unknown>, restoreEnv };
}

async function runConcurrently(total: number, concurrency: number, call: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let started = 0;
  const lane = async () => {
    while (started < total) {
      started += 1;
      const begin = performance.now();
      await call();
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return latencies;
}

function summarize(latencies: number[], cpu: NodeJS.CpuUsage): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  const cpuMsPerCall = (cpu.user + cpu.system) / 1000 / Math.max(1, sorted.length);
  return {
    count: sorted.length,
    cpuMsPerCall: round(cpuMsPerCall),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(mean),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
