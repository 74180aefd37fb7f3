/**
 * `npm run bench`: prints figures, asserts nothing (machines here are 2 noisy cores: read medians
 * and ratios, not single numbers). `npm run bench -- gateway shop` runs only those sections.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { startLocalCloud, type LocalCloud } from '@local-cloud/index';
import { benchGateway } from '@local-cloud/bench';
import { benchIndexedQuery } from '@local-cloud/db/bench';
import type { SweepBenchResult } from '../tests/bench/gift-sweep.bench';
import { seedCatalogue } from './seed';

const root = join(__dirname, '..');
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Every aim the run measured, for the summary at the end. */
const aims: { what: string; met: boolean }[] = [];
/** `— aim met` / `— AIM NOT MET`, noted for the summary. */
function verdict(what: string, met: boolean): string {
  aims.push({ what, met });
  return met ? '— aim met' : '— AIM NOT MET';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function withCloud<T>(run: (cloud: LocalCloud) => Promise<T>, workers = 20): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-shop-bench-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: join(root, 'cloudfunctions'),
    workers,
    realTimers: false,
    log: () => {},
  });
  try {
    return await run(cloud);
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function ensureBuilt(what: 'functions' | 'weapp'): void {
  const built =
    what === 'functions'
      ? existsSync(join(root, 'cloudfunctions/shop/index.js'))
      : existsSync(join(root, 'dist/app.json'));
  if (built) return;
  const args = what === 'functions' ? ['tsx', 'scripts/build-functions.ts'] : ['taro', 'build', '--type', 'weapp'];
  const child = spawnSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`building ${what} failed`);
}

/** Our weapp main package against a minimal one-page Taro React app built now with the same Taro. */
async function benchWeappSize(): Promise<void> {
  ensureBuilt('weapp');
  const { analyseWeappPackages, buildMinimalTaroApp } = await import('./weapp-size');
  const sizes = await analyseWeappPackages();
  const minimal = buildMinimalTaroApp();
  try {
    const yardstick = await analyseWeappPackages(minimal.distDir);
    console.log(
      `weapp main package: ${sizes.mainKb.toFixed(1)} KB (limit 2048 KB, aim < 600 KB); ` +
        `minimal one-page Taro React app (built now in ${(minimal.buildMs / 1000).toFixed(0)} s): ` +
        `${yardstick.mainKb.toFixed(1)} KB; ratio ${(sizes.mainKb / yardstick.mainKb).toFixed(2)}× ` +
        verdict('weapp main package < 600 KB', sizes.mainKb < 600),
    );
  } finally {
    minimal.remove();
  }
  for (const sub of sizes.subpackages) console.log(`  subpackage ${sub.root}: ${sub.kb.toFixed(1)} KB`);
  console.log(`  total: ${sizes.totalKb.toFixed(1)} KB`);
}

const GATEWAY_RUNS = 3;

/** Gateway vs in-process at 20 concurrent callers, side by side, several runs in one cloud; medians. */
async function benchGatewayRoundTrip(): Promise<void> {
  ensureBuilt('functions');
  await withCloud(async (cloud) => {
    seedCatalogue(cloud.db);
    const [product] = cloud.db.find('products', {}, { limit: 1 }) as { _id: string }[];
    if (!product) throw new Error('no product seeded');
    console.log(`gateway round trip, shop.getProduct, 20 concurrent callers, ${GATEWAY_RUNS} runs side by side:`);
    const runs = [];
    for (let run = 1; run <= GATEWAY_RUNS; run++) {
      const result = await benchGateway({
        name: 'shop',
        event: { action: 'getProduct', productId: product._id },
        cloud,
        concurrency: 20,
        // steady state: every instance well past its first calls (run 1 alone still shows warm-up)
        warmup: run === 1 ? 400 : 40,
      });
      runs.push(result);
      console.log(
        `  run ${run} (${result.gateway.count} calls each): gateway p50 ${ms(result.gateway.p50Ms)} p99 ${ms(result.gateway.p99Ms)} | ` +
          `in-process p50 ${ms(result.inProcess.p50Ms)} p99 ${ms(result.inProcess.p99Ms)} | ` +
          `overhead p50 ${ms(result.gateway.p50Ms - result.inProcess.p50Ms)}, ratio ${result.ratio.p50.toFixed(2)}× | ` +
          `CPU per call ${ms(result.gateway.cpuMsPerCall)} vs ${ms(result.inProcess.cpuMsPerCall)}`,
      );
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const gatewayP50 = median(runs.map((r) => r.gateway.p50Ms));
    const inProcessP50 = median(runs.map((r) => r.inProcess.p50Ms));
    console.log(
      `  median: gateway p50 ${ms(gatewayP50)} p99 ${ms(median(runs.map((r) => r.gateway.p99Ms)))} | ` +
        `in-process p50 ${ms(inProcessP50)} p99 ${ms(median(runs.map((r) => r.inProcess.p99Ms)))}`,
    );
    const overhead = median(runs.map((r) => r.gateway.p50Ms - r.inProcess.p50Ms));
    console.log(
      `  median overhead p50 ${ms(overhead)} (aim ≤ 10 ms); ` +
        `median ratio p50 ${median(runs.map((r) => r.ratio.p50)).toFixed(2)}×, p99 ${median(runs.map((r) => r.ratio.p99)).toFixed(2)}× ` +
        verdict('gateway p50 within 10 ms of in-process at 20 callers', overhead <= 10),
    );
    console.log(
      `  median CPU per call (the local cloud's process, steadier than latency on a busy machine): ` +
        `gateway ${ms(median(runs.map((r) => r.gateway.cpuMsPerCall)))}, in-process ${ms(median(runs.map((r) => r.inProcess.cpuMsPerCall)))}`,
    );
  });
}

async function benchDatabase(): Promise<void> {
  const result = await benchIndexedQuery();
  console.log(`database, ${result.documents} documents (filled in ${result.fillMs} ms):`);
  for (const [label, timing] of Object.entries({
    'category + sales desc, top 20': result.categorySalesTop20,
    'indexed equality': result.indexedEquality,
  })) {
    console.log(
      `  ${label}: p50 ${ms(timing.p50Ms)}  p99 ${ms(timing.p99Ms)}  (index ${timing.index ?? 'none'}, ${timing.rowsExamined} rows examined; aim < 20 ms) ` +
        verdict(`database ${label} < 20 ms`, timing.p50Ms < 20),
    );
  }
}

/** `total` products spread over the seeded categories, in batches like an import would. */
function fillProducts(cloud: LocalCloud, total: number): void {
  const categories = cloud.db.find('categories', {}) as { _id: string; name: string }[];
  for (let offset = 0; offset < total; offset += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, total - offset) }, (_, i) => {
      const n = offset + i;
      const category = categories[n % categories.length]!;
      return {
        _id: `bench${n}`,
        name: `压测商品 ${n}`,
        categoryId: category._id,
        categoryName: category.name,
        images: ['/static/products/placeholder.svg'],
        description: '',
        detailImages: [],
        specNames: [],
        priceMin: 100 + ((n * 104729) % 900_000),
        priceMax: 100 + ((n * 104729) % 900_000),
        sales: (n * 7919) % 100_000,
        onShelf: true,
        createdAt: new Date(),
      };
    });
    cloud.db.insert('products', batch);
  }
}

/** shop.listProducts over 100,000 products, by category sorted by sales, through the gateway. */
async function benchShopListing(): Promise<void> {
  ensureBuilt('functions');
  await withCloud(async (cloud) => {
    seedCatalogue(cloud.db);
    const categories = cloud.db.find('categories', {}) as { _id: string; name: string }[];
    const total = 100_000;
    const started = performance.now();
    fillProducts(cloud, total);
    console.log(
      `shop.listProducts over ${total} products (filled in ${((performance.now() - started) / 1000).toFixed(1)} s):`,
    );
    const samples: number[] = [];
    for (let round = 0; round < 200; round++) {
      const categoryId = categories[round % categories.length]!._id;
      const t0 = performance.now();
      const response = await fetch(`${cloud.url}/functions/shop`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'bench-user' },
        body: JSON.stringify({ action: 'listProducts', categoryId, sort: 'sales', limit: 20 }),
      });
      const answer = (await response.json()) as { ok: boolean };
      if (!answer.ok) throw new Error(JSON.stringify(answer));
      if (round >= 20) samples.push(performance.now() - t0); // after warm-up
    }
    samples.sort((a, b) => a - b);
    console.log(
      `  by category, sorted by sales, 20 per page: p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))} (aim p50 < 50 ms) ` +
        verdict('shop.listProducts p50 < 50 ms over 100,000 products', percentile(samples, 50) < 50),
    );
  });
}

/** Resident memory of a process, from the OS (kB → MB). */
function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: ask ps
  }
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
}

const RSS_DOCUMENTS = 100_000;

/**
 * The child side of benchResidentMemory: a local cloud as `npm start` runs it (default worker pool),
 * the catalogue plus 100,000 products, then its URL on stdout; it stops when stdin closes.
 */
async function residentMemoryChild(): Promise<void> {
  await withCloud(async (cloud) => {
    seedCatalogue(cloud.db);
    fillProducts(cloud, RSS_DOCUMENTS);
    const [product] = cloud.db.find('products', { _id: 'bench0' }) as { _id: string; categoryId: string }[];
    process.stdout.write(`${JSON.stringify({ url: cloud.url, product })}\n`);
    await new Promise<void>((resolve) => {
      process.stdin.on('end', resolve);
      process.stdin.on('close', resolve);
      process.stdin.resume();
    });
  }, 8);
}

/** RSS of a local cloud process holding 100,000 documents: idle after the fill, then with warm instances. */
async function benchResidentMemory(): Promise<void> {
  ensureBuilt('functions');
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--rss-child'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const first = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the local cloud child exited with ${String(code)}`)));
    });
    const { url, product } = JSON.parse(first) as { url: string; product: { _id: string; categoryId: string } };
    const idle = residentMb(child.pid!);
    const call = async (event: object) => {
      const response = await fetch(`${url}/functions/shop`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'bench-user' },
        body: JSON.stringify(event),
      });
      const answer = (await response.json()) as { ok?: boolean };
      if (!answer.ok) throw new Error(JSON.stringify(answer));
    };
    // 8 concurrent callers: the whole default pool of instances warm
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        Array.from({ length: 8 }, (_, lane) =>
          lane % 2 === 0
            ? call({ action: 'getProduct', productId: product._id })
            : call({ action: 'listProducts', categoryId: product.categoryId, sort: 'sales', limit: 20 }),
        ),
      );
    }
    const serving = residentMb(child.pid!);
    console.log(`local cloud resident memory with ${RSS_DOCUMENTS.toLocaleString('en')} documents (aim ≤ 300 MB):`);
    console.log(
      `  after the fill, no instances: ${idle.toFixed(0)} MB (${(idle / 300).toFixed(2)}× the aim) ` +
        verdict('RSS ≤ 300 MB with 100,000 documents', idle <= 300),
    );
    console.log(
      `  serving, 8 warm instances:    ${serving.toFixed(0)} MB (${(serving / 300).toFixed(2)}× the aim) ` +
        verdict('RSS ≤ 300 MB with 100,000 documents and 8 warm instances', serving <= 300),
    );
  } finally {
    child.stdin?.end();
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(undefined);
      else child.once('exit', resolve);
    });
  }
}

async function benchGiftSweep(): Promise<void> {
  const file = join(root, 'tests/bench/gift-sweep.bench.ts');
  if (!existsSync(file)) {
    console.log('gift expiry sweep: not available yet');
    return;
  }
  ensureBuilt('functions');
  const { benchExpirySweep } = (await import(file)) as {
    benchExpirySweep: () => Promise<SweepBenchResult>;
  };
  const result = await benchExpirySweep();
  const slowest = Math.max(...result.runs.map((run) => run.durationMs));
  console.log(
    `  ${result.giftsRefundedPerSecond} gifts/s (aim ≥ 500) ${verdict('expiry sweep ≥ 500 gifts/s', result.giftsRefundedPerSecond >= 500)}; ` +
      `slowest run ${slowest} ms of its ${result.timeoutMs} ms timeout ` +
      verdict(
        'every sweep run under its timeout',
        result.runs.every((run) => !run.timedOut),
      ),
  );
}

/**
 * Gift finder (issue 13): shop.listGiftIdeas p50 over FINDER_BENCH_PRODUCTS products (default 100,000)
 * and the giftStats timer over FINDER_BENCH_GIFTS gifts (default 1,000,000) against its timeout.
 */
async function benchFinderSection(): Promise<void> {
  const { benchFinder } = (await import(join(root, 'tests/bench/finder.bench.ts'))) as {
    benchFinder: (options: { products?: number; gifts?: number }) => Promise<{
      listGiftIdeas: { p50: number };
      timer: { durationMs: number; timeoutMs: number; timedOut: boolean };
    }>;
  };
  const result = await benchFinder({
    products: Number(process.env.FINDER_BENCH_PRODUCTS ?? 100_000),
    gifts: Number(process.env.FINDER_BENCH_GIFTS ?? 1_000_000),
  });
  console.log(
    `  listGiftIdeas p50 ${ms(result.listGiftIdeas.p50)} ${verdict('listGiftIdeas p50 < 50 ms', result.listGiftIdeas.p50 < 50)}; ` +
      `giftStats timer ${ms(result.timer.durationMs)} of its ${result.timer.timeoutMs} ms timeout ` +
      verdict('giftStats timer under its timeout', !result.timer.timedOut),
  );
}

const sections: [string, () => Promise<void>][] = [
  ['size', benchWeappSize],
  ['gateway', benchGatewayRoundTrip],
  ['db', benchDatabase],
  ['shop', benchShopListing],
  ['gift', benchGiftSweep],
  ['finder', benchFinderSection],
  ['memory', benchResidentMemory],
];

async function main(): Promise<void> {
  if (process.argv[2] === '--rss-child') {
    await residentMemoryChild();
    process.exit(0);
  }
  let failed = 0;
  const load = () =>
    os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ');
  console.log(`load average at the start ${load()} on ${os.cpus().length} CPUs (latency figures grow with it)`);
  for (const [name, run] of sections) {
    if (!wanted(name)) continue;
    console.log(`\n── ${name} ──`);
    try {
      await run();
    } catch (error) {
      failed++;
      console.error(`bench ${name} failed:`, error);
    }
  }
  console.log(`\n── aims (load average now ${load()}) ──`);
  for (const aim of aims) console.log(`  ${aim.met ? 'met    ' : 'NOT MET'}  ${aim.what}`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
