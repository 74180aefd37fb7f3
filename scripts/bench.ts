/**
 * `npm run bench`: prints figures, asserts nothing (machines here are 2 noisy cores: read medians
 * and ratios, not single numbers). `npm run bench -- gateway shop` runs only those sections.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalCloud, type LocalCloud } from '../local-cloud';
import { benchGateway } from '@local-cloud/bench';
import { benchIndexedQuery } from '@local-cloud/db/bench';
import { seedCatalogue } from './seed';

const root = join(__dirname, '..');
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const ms = (value: number) => `${value.toFixed(2)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function withCloud<T>(run: (cloud: LocalCloud) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gift-shop-bench-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: join(root, 'cloudfunctions'),
    workers: 20,
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

async function benchWeappSize(): Promise<void> {
  ensureBuilt('weapp');
  const { analyseWeappPackages } = await import('./weapp-size');
  const sizes = await analyseWeappPackages();
  const minimalTaroReactKb = 287; // a minimal two-page Taro 4.1.11 React app, main package (toolchain notes)
  console.log(
    `weapp main package: ${sizes.mainKb.toFixed(1)} KB (limit 2048 KB, aim < 600 KB); ` +
      `ratio to a minimal two-page Taro React app (~${minimalTaroReactKb} KB): ${(sizes.mainKb / minimalTaroReactKb).toFixed(2)}×`,
  );
  for (const sub of sizes.subpackages) console.log(`  subpackage ${sub.root}: ${sub.kb.toFixed(1)} KB`);
  console.log(`  total: ${sizes.totalKb.toFixed(1)} KB`);
}

async function benchGatewayRoundTrip(): Promise<void> {
  ensureBuilt('functions');
  await withCloud(async (cloud) => {
    seedCatalogue(cloud.db);
    const [product] = cloud.db.find('products', {}, { limit: 1 }) as { _id: string }[];
    if (!product) throw new Error('no product seeded');
    const result = await benchGateway({
      name: 'shop',
      event: { action: 'getProduct', productId: product._id },
      cloud,
      concurrency: 20,
    });
    console.log(`gateway round trip, shop.getProduct, 20 concurrent callers (${result.gateway.count} calls):`);
    console.log(`  gateway     p50 ${ms(result.gateway.p50Ms)}  p99 ${ms(result.gateway.p99Ms)}`);
    console.log(`  in-process  p50 ${ms(result.inProcess.p50Ms)}  p99 ${ms(result.inProcess.p99Ms)}`);
    console.log(
      `  gateway − in-process p50: ${ms(result.gateway.p50Ms - result.inProcess.p50Ms)} (aim ≤ 10 ms); ratio p50 ${result.ratio.p50.toFixed(2)}×, p99 ${result.ratio.p99.toFixed(2)}×`,
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
      `  ${label}: p50 ${ms(timing.p50Ms)}  p99 ${ms(timing.p99Ms)}  (index ${timing.index ?? 'none'}, ${timing.rowsExamined} rows examined; aim < 20 ms)`,
    );
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
    for (let offset = 0; offset < total; offset += 5_000) {
      const batch = Array.from({ length: 5_000 }, (_, i) => {
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
      `  by category, sorted by sales, 20 per page: p50 ${ms(percentile(samples, 50))}  p99 ${ms(percentile(samples, 99))} (aim p50 < 50 ms)`,
    );
  });
}

async function benchGiftSweep(): Promise<void> {
  const file = join(root, 'tests/bench/gift-sweep.bench.ts');
  if (!existsSync(file)) {
    console.log('gift expiry sweep: not available yet');
    return;
  }
  ensureBuilt('functions');
  const { benchExpirySweep } = (await import(file)) as { benchExpirySweep: () => Promise<unknown> };
  await benchExpirySweep();
}

const sections: [string, () => Promise<void>][] = [
  ['size', benchWeappSize],
  ['gateway', benchGatewayRoundTrip],
  ['db', benchDatabase],
  ['shop', benchShopListing],
  ['gift', benchGiftSweep],
];

async function main(): Promise<void> {
  let failed = 0;
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
  process.exit(failed > 0 ? 1 : 0);
}

void main();
