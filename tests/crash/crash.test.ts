/**
 * Crash test: a burst of orders, gifts, payments, accepts and declines against the real functions on
 * the local cloud in a child process; SIGKILL mid-burst (after the N-th answered request, others in
 * flight); restart on the same data; some payers finish paying; the clock passes every deadline in
 * steps (so the sweeps and the refund retries run repeatedly); then the whole database and the
 * payment ledger are audited (tests/crash/audit.ts). Counts are small: a few seconds per kill point.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '@local-cloud/index';
import { buildFunctions } from '../../scripts/build-functions';
import { seedCatalogue } from '../../scripts/seed';
import { seedDevUsers } from '../../scripts/seed-dev-users';
import { audit, readSnapshot, type SkuCount } from './audit';
import { BURST_SKUS, payLeftovers, runBurst, seededRandom } from './burst';
import { startChildCloud } from './child-cloud';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'cloudfunctions');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Past the 30-minute payment window, the 24-hour gift expiry, and the refund retries after them. */
const CLOCK_STEPS = [
  0,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  20 * MINUTE,
  30 * MINUTE,
  HOUR,
  6 * HOUR,
  12 * HOUR,
  6 * HOUR,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  6 * HOUR,
  24 * HOUR,
  24 * HOUR,
];
/** Few units, so orders and gifts compete for the last ones. */
const SCARCE_STOCK = [4, 3, 2];

/**
 * Early, middle and late in the burst, and one of its own seed's choosing; `downFor` is how long the
 * cloud stays down (clock time) before the first pass after the restart: a payment window or a gift's
 * 24 hours may run out while a notification is still owed.
 */
const KILL_POINTS = [
  { seed: 1, killAfter: 8, downFor: 0 },
  { seed: 2, killAfter: 20, downFor: 31 * MINUTE },
  { seed: 3, killAfter: 36, downFor: 25 * HOUR },
  { seed: 4, killAfter: 10 + Math.floor(seededRandom(4)() * 30), downFor: 31 * MINUTE },
];

jest.setTimeout(240_000);

beforeAll(async () => {
  await buildFunctions();
});

/** A seeded data folder (catalogue, dev users, scarce stock) and its SKUs' stock and sales before the run. */
async function seededDataDir(): Promise<{ dataDir: string; initial: Map<string, SkuCount> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-test-'));
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: FUNCTIONS_DIR,
    realTimers: false,
    log: () => undefined,
  });
  try {
    seedCatalogue(cloud.db);
    seedDevUsers(cloud.db);
    BURST_SKUS.forEach((skuId, index) =>
      cloud.db.updateMany('skus', { _id: skuId }, { $set: { stock: SCARCE_STOCK[index] } }),
    );
    const skus = cloud.db.find('skus', {}) as { _id: string; stock: number; sales?: number }[];
    return { dataDir, initial: new Map(skus.map((sku) => [sku._id, { stock: sku.stock, sales: sku.sales ?? 0 }])) };
  } finally {
    await cloud.stop();
  }
}

describe.each(KILL_POINTS)(
  'SIGKILL after $killAfter answered requests, down for $downFor ms (seed $seed)',
  ({ seed, killAfter, downFor }) => {
    let dataDir = '';
    afterAll(() => {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('loses no money and no stock, and leaves nothing half done', async () => {
      const seeded = await seededDataDir();
      dataDir = seeded.dataDir;

      const first = await startChildCloud({ dataDir, functionsDir: FUNCTIONS_DIR });
      let burst: Awaited<ReturnType<typeof runBurst>>;
      try {
        burst = await runBurst(first, { seed, concurrency: 12, maxJourneys: 80, killAfter });
      } finally {
        await first.kill();
      }
      // the kill point was reached (journeys go on until it is)
      expect(burst.killed).toBe(true);

      const second = await startChildCloud({ dataDir, functionsDir: FUNCTIONS_DIR });
      try {
        await second.advance(downFor);
        await payLeftovers(second, seed);
        for (const step of CLOCK_STEPS) await second.advance(step);
      } finally {
        await second.stop();
      }

      const snapshot = readSnapshot(dataDir);
      // the burst got as far as taking money before the kill, so the audit has something to check
      expect(snapshot.payments.some((payment) => payment.transactionId !== null)).toBe(true);
      const violations = audit(snapshot, seeded.initial);
      expect(violations).toEqual([]);
    });
  },
);
