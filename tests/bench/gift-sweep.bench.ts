/**
 * Bench: the giftExpiry sweep over 10,000 expired gifts. Inserts waiting gifts past their deadline,
 * their awaitingRecipient orders, stock holds and SUCCESS payments in the pay simulator's ledger,
 * restarts the local cloud (so the simulator loads that ledger), then runs the sweep as its timer
 * would until nothing is left, reporting gifts refunded per second and each run's duration against
 * the timeout the function declares. The lead wires it into `npm run bench`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FunctionInvocationError, startLocalCloud, type LocalCloud } from '@local-cloud/index';
import { buildFunctions } from '../../scripts/build-functions';
import { seedCatalogue } from '../../scripts/seed';
import { HOUR_MS } from '@domain/clock';
import { giftOutRefundNo, giftOutTradeNo } from '@domain/gift/rules';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'cloudfunctions');

export interface SweepBenchResult {
  gifts: number;
  runs: Array<{ durationMs: number; expired: number; refundsRequested: number; complete: boolean; timedOut: boolean }>;
  timeoutMs: number;
  /** the slowest run as a share of the declared timeout */
  worstRunShareOfTimeout: number;
  refundsInLedger: number;
  giftsRefundedPerSecond: number;
  /** CPU time of this process (main thread and every instance) per refunded gift: steadier than wall time on a busy machine */
  cpuMsPerGift: number;
}

async function start(dataDir: string): Promise<LocalCloud> {
  return startLocalCloud({ port: 0, dataDir, functionsDir: FUNCTIONS_DIR, realTimers: false, log: () => undefined });
}

export async function benchExpirySweep(
  options: { gifts?: number; log?: (line: string) => void } = {},
): Promise<SweepBenchResult> {
  const total = options.gifts ?? 10_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs =
    (JSON.parse(readFileSync(path.join(FUNCTIONS_DIR, 'giftExpiry', 'config.json'), 'utf8')) as { timeout: number })
      .timeout * 1000;
  await buildFunctions(['giftExpiry', 'refundCallback']);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gift-sweep-bench-'));
  let cloud = await start(dataDir);
  try {
    seedCatalogue(cloud.db);
    const skus = (
      cloud.db.find('skus', { price: { $lte: 100_000 }, stock: { $gt: 0 }, onShelf: true }) as Array<{
        _id: string;
        productId: string;
        price: number;
      }>
    ).slice(0, 20);
    const now = cloud.clock.now();
    const paidAt = now - 25 * HOUR_MS;
    const gifts: object[] = [];
    const orders: object[] = [];
    const payments: object[] = [];
    const holds = new Map<string, string[]>();
    for (let i = 0; i < total; i += 1) {
      const sku = skus[i % skus.length]!;
      const giftId = `bench${String(i).padStart(6, '0')}`;
      const outTradeNo = giftOutTradeNo(giftId);
      holds.set(sku._id, [...(holds.get(sku._id) ?? []), giftId]);
      gifts.push({
        _id: giftId,
        orderId: giftId,
        status: 'waiting',
        giverOpenid: `bench-giver-${i % 100}`,
        giverNickname: '微信用户',
        sku: { productId: sku.productId, skuId: sku._id, productName: sku.productId, image: '', specs: {} },
        productId: sku.productId,
        skuId: sku._id,
        price: sku.price,
        unitPrice: sku.price,
        quantity: 1,
        totalFee: sku.price,
        greeting: '祝好',
        cardStyle: 'classic',
        token: 'f'.repeat(32),
        outTradeNo,
        outRefundNo: giftOutRefundNo(giftId),
        createdAt: paidAt - 60_000,
        updatedAt: paidAt,
        paidAt,
        expiresAt: paidAt + 24 * HOUR_MS,
        acceptedAt: null,
        declinedAt: null,
        refundedAt: null,
        recipientOpenid: null,
        recipientNickname: null,
        address: null,
      });
      orders.push({
        _id: giftId,
        kind: 'gift',
        giftId,
        openid: `bench-giver-${i % 100}`,
        status: 'awaitingRecipient',
        items: [
          {
            skuId: sku._id,
            productId: sku.productId,
            productName: sku.productId,
            image: '',
            specs: {},
            unitPrice: sku.price,
            quantity: 1,
            totalFee: sku.price,
          },
        ],
        skuId: sku._id,
        quantity: 1,
        totalFee: sku.price,
        outTradeNo,
        stockHold: 'held',
        createdAt: paidAt - 60_000,
        expiresAt: paidAt + 30 * 60_000,
        address: null,
        greetingCard: null,
        paidAt,
        transactionId: `4200${String(i).padStart(24, '0')}`,
        shipping: null,
        completedAt: null,
        cancelledAt: null,
        cancelReason: null,
        updatedAt: paidAt,
      });
      payments.push({
        _id: outTradeNo,
        outTradeNo,
        state: 'SUCCESS',
        prepayId: `wx${i}`,
        body: '礼物',
        attach: 'gift',
        totalFee: sku.price,
        feeType: 'CNY',
        tradeType: 'JSAPI',
        subMchId: '1900000109',
        subAppid: 'wxlocalappid',
        envId: 'local',
        spbillCreateIp: '127.0.0.1',
        requestNonceStr: 'bench',
        payerOpenid: `bench-giver-${i % 100}`,
        createdAt: paidAt - 60_000,
        paidAt,
        closedAt: null,
        transactionId: `4200${String(i).padStart(24, '0')}`,
        timeEnd: '20261124100000',
        refundedFee: 0,
        notify: {
          functionName: 'payCallback',
          delivered: true,
          attempts: [],
          nextAttemptAt: null,
          gaveUp: false,
          nonceStr: 'bench',
        },
      });
    }
    cloud.db.insert('gifts', gifts);
    cloud.db.insert('orders', orders);
    cloud.db.insert('_local_pay_payments', payments);
    for (const [skuId, ids] of holds) cloud.db.updateMany('skus', { _id: skuId }, { $set: { holds: ids } });
    // the pay simulator reads its ledger once at start
    await cloud.stop();
    cloud = await start(dataDir);

    const runs: SweepBenchResult['runs'] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let run = 0; run < 1000; run += 1) {
      let answer: { data: { durationMs: number; expired: number; refundsRequested: number; complete: boolean } };
      try {
        answer = (await cloud.services.invoke(
          'giftExpiry',
          { Type: 'Timer', TriggerName: 'bench' },
          { openid: '', source: 'wx_trigger' },
        )) as typeof answer;
      } catch (error) {
        // a run over its timeout is a finding, not the end of the bench: the next run picks up the rest
        if (!(error instanceof FunctionInvocationError) || error.code !== 'FUNCTION_TIMEOUT') throw error;
        runs.push({ durationMs: timeoutMs, expired: 0, refundsRequested: 0, complete: false, timedOut: true });
        log(`sweep run ${run + 1}: TIMED OUT after ${timeoutMs} ms`);
        continue;
      }
      const { durationMs, expired, refundsRequested, complete } = answer.data;
      runs.push({ durationMs, expired, refundsRequested, complete, timedOut: false });
      log(
        `sweep run ${run + 1}: ${expired} expired in ${durationMs} ms (timeout ${timeoutMs} ms)${complete ? ', complete' : ''}`,
      );
      if (complete && expired === 0) break;
    }
    const elapsedS = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const refundsInLedger = cloud.pay
      .ledger()
      .refunds.filter((refund) => refund.outTradeNo.startsWith('Gbench')).length;
    const worst = Math.max(...runs.map((run) => run.durationMs));
    const result: SweepBenchResult = {
      gifts: total,
      runs,
      timeoutMs,
      worstRunShareOfTimeout: worst / timeoutMs,
      refundsInLedger,
      giftsRefundedPerSecond: Math.round(refundsInLedger / elapsedS),
      cpuMsPerGift: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, refundsInLedger)) * 100) / 100,
    };
    const timedOut = runs.filter((run) => run.timedOut).length;
    log(
      `gift expiry sweep: ${refundsInLedger}/${total} refunded, ${result.giftsRefundedPerSecond} gifts/s (aim ≥ 500; ` +
        `${(result.giftsRefundedPerSecond / 500).toFixed(2)}× the aim), slowest run ${worst} ms = ` +
        `${(result.worstRunShareOfTimeout * 100).toFixed(0)}% of the ${timeoutMs} ms timeout, ${timedOut} of ${runs.length} runs timed out; ` +
        `CPU ${result.cpuMsPerGift} ms per gift (${Math.round(1000 / result.cpuMsPerGift)} gifts per CPU-second)`,
    );
    return result;
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/gift-sweep.bench.ts [gifts]` runs it alone
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  const gifts = Number(process.argv[2] ?? 10_000);
  benchExpirySweep({ gifts }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
