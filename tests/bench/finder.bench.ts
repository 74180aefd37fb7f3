/**
 * Bench: the gift finder at scale. Fills the local cloud with `products` tagged products (1–3 SKUs
 * each) and `gifts` paid gifts over the last 14 days, runs the giftStats timer once (its duration
 * against the function's timeout), then times shop.listGiftIdeas through the gateway with mixed
 * filters (p50 / p99; aim p50 < 50 ms). Wired into `npm run bench -- finder`; sizes from
 * FINDER_BENCH_PRODUCTS / FINDER_BENCH_GIFTS (default 100,000 / 1,000,000), printed with the results.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalCloud } from '@local-cloud/index';
import { buildFunctions } from '../../scripts/build-functions';
import { seedCatalogue } from '../../scripts/seed';
import { DAY_MS } from '@domain/clock';
import { PRICE_BANDS } from '@domain/finder/priceBands';
import { UNGIFTED_SCORE } from '@domain/finder/stats';
import { OCCASION_TAGS, RECIPIENT_TAGS } from '@domain/finder/tags';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'cloudfunctions');
const GIFTABLE_CATEGORIES = ['food', 'flowers', 'beauty', 'digital', 'home', 'fashion', 'baby', 'books'];
const BATCH = 5_000;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface FinderBenchResult {
  products: number;
  gifts: number;
  fillSeconds: number;
  timer: { durationMs: number; timeoutMs: number; timedOut: boolean; report: unknown };
  listGiftIdeas: { p50: number; p99: number; samples: number; failures: number };
}

export async function benchFinder(
  options: { products?: number; gifts?: number; log?: (line: string) => void } = {},
): Promise<FinderBenchResult> {
  const products = options.products ?? 100_000;
  const gifts = options.gifts ?? 1_000_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs =
    (JSON.parse(readFileSync(path.join(FUNCTIONS_DIR, 'giftStats', 'config.json'), 'utf8')) as { timeout: number })
      .timeout * 1000;
  await buildFunctions(['shop', 'giftStats']);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'finder-bench-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: FUNCTIONS_DIR,
    realTimers: false,
    log: () => undefined,
  });
  try {
    seedCatalogue(cloud.db);
    const filled = performance.now();
    const now = cloud.clock.now();
    for (let start = 0; start < products; start += BATCH) {
      const productDocs: object[] = [];
      const skuDocs: object[] = [];
      for (let n = start; n < Math.min(products, start + BATCH); n++) {
        const productId = `bench-p${n}`;
        const prices = Array.from({ length: 1 + (n % 3) }, (_, i) => 990 + ((n * 7919 + i * 104729) % 300_000));
        const categoryId = pick(GIFTABLE_CATEGORIES, n);
        productDocs.push({
          _id: productId,
          name: `礼物 ${n}`,
          categoryId,
          categoryName: categoryId,
          images: [],
          description: '',
          detailImages: [],
          priceMin: Math.min(...prices),
          priceMax: Math.max(...prices),
          sales: (n * 7919) % 100_000,
          onShelf: true,
          specNames: ['规格'],
          createdAt: new Date(now),
          brand: `品牌${n % 2_000}`,
          recipientTags: [pick(RECIPIENT_TAGS, n), pick(RECIPIENT_TAGS, n * 7 + 3)],
          occasionTags: [pick(OCCASION_TAGS, n * 3), pick(OCCASION_TAGS, n * 5 + 1)],
          seasonTags: [],
          giftScore: UNGIFTED_SCORE,
        });
        prices.forEach((price, i) =>
          skuDocs.push({
            _id: `${productId}-s${i}`,
            productId,
            specs: { 规格: `款式${i + 1}` },
            price,
            stock: 100,
            sales: 0,
            onShelf: true,
          }),
        );
      }
      cloud.db.insert('products', productDocs);
      cloud.db.insert('skus', skuDocs);
    }
    const statuses = ['accepted', 'accepted', 'accepted', 'refundedOnDecline', 'refundedOnExpiry', 'waiting'];
    for (let start = 0; start < gifts; start += BATCH) {
      const giftDocs: object[] = [];
      for (let n = start; n < Math.min(gifts, start + BATCH); n++) {
        const productId = `bench-p${(n * 2_654_435_761) % Math.min(products, 20_000)}`;
        const paidAt = now - DAY_MS / 2 - ((n * 7_919) % (13 * DAY_MS));
        giftDocs.push({
          _id: `bench-g${n}`,
          orderId: `bench-g${n}`,
          status: pick(statuses, n * 31),
          giverOpenid: `bench-giver-${n % 200_000}`,
          giverNickname: '好友',
          productId,
          skuId: `${productId}-s0`,
          sku: { productId, skuId: `${productId}-s0`, productName: '礼物', image: '', specs: { 规格: '款式1' } },
          price: 9_900,
          unitPrice: 9_900,
          quantity: 1,
          totalFee: 9_900,
          greeting: '生日快乐，天天开心',
          cardStyle: 'classic',
          token: `t${n}`,
          outTradeNo: `Gbench-g${n}`,
          outRefundNo: `Gbench-g${n}R`,
          createdAt: paidAt - 60_000,
          updatedAt: paidAt,
          paidAt,
          expiresAt: paidAt + DAY_MS,
          acceptedAt: null,
          declinedAt: null,
          refundedAt: null,
          recipientOpenid: null,
          recipientNickname: null,
          address: null,
        });
      }
      cloud.db.insert('gifts', giftDocs);
    }
    const fillSeconds = (performance.now() - filled) / 1000;
    log(`finder: ${products} products, ${gifts} gifts (gifted products: 20,000) filled in ${fillSeconds.toFixed(0)} s`);

    const t0 = performance.now();
    let report: unknown = null;
    let timedOut = false;
    try {
      report = await cloud.services.invoke('giftStats', { Type: 'Timer' }, { openid: '', source: 'wx_trigger' });
    } catch (error) {
      timedOut = true;
      report = String(error);
    }
    const durationMs = performance.now() - t0;
    log(
      `  giftStats timer over ${gifts} gifts: ${(durationMs / 1000).toFixed(1)} s of its ${timeoutMs / 1000} s timeout` +
        `${timedOut ? ' — DID NOT FINISH' : ''}; ${JSON.stringify(report)}`,
    );

    const samples: number[] = [];
    let failures = 0;
    let lastFailure = '';
    for (let round = 0; round < 220; round++) {
      const event: Record<string, unknown> = { action: 'listGiftIdeas', limit: 20 };
      if (round % 2 === 0) event.recipient = pick(RECIPIENT_TAGS, round);
      if (round % 3 === 0) event.occasion = pick(OCCASION_TAGS, round);
      if (round % 4 !== 3) event.priceBand = pick(PRICE_BANDS, round);
      const started = performance.now();
      const response = await fetch(`${cloud.url}/functions/shop`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'bench-user' },
        body: JSON.stringify(event),
      });
      const answer = (await response.json()) as { ok?: boolean };
      // a failed call (e.g. over the function's timeout on a loaded machine) is counted, not the end of the bench
      if (answer.ok !== true) {
        failures += 1;
        lastFailure = JSON.stringify(answer);
        continue;
      }
      if (round >= 20) samples.push(performance.now() - started);
    }
    if (failures > 0) log(`  listGiftIdeas: ${failures} of 220 calls failed, e.g. ${lastFailure}`);
    samples.sort((a, b) => a - b);
    const result = {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      samples: samples.length,
      failures,
    };
    log(
      `  shop.listGiftIdeas (mixed recipient / occasion / band, 20 per page): p50 ${result.p50.toFixed(1)} ms` +
        `  p99 ${result.p99.toFixed(1)} ms (aim p50 < 50 ms)`,
    );
    return { products, gifts, fillSeconds, timer: { durationMs, timeoutMs, timedOut, report }, listGiftIdeas: result };
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
