/**
 * `npm start`: build what is needed, start the local cloud with the seeded catalogue and the H5 shop.
 * PORT moves the server (default 3000); SKIP_BUILD=1 reuses existing builds.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startLocalCloud } from '../local-cloud';
import { seedCatalogue, seedGiftHistory } from './seed';
import { seedDevUsers } from './seed-dev-users';

const root = join(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.LOCAL_CLOUD_DATA ?? join(root, '.local-cloud');

function build(label: string, args: string[]): void {
  console.log(`▶ ${label}`);
  const started = Date.now();
  const child = spawnSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  if (process.env.SKIP_BUILD !== '1') {
    build('bundling cloud functions → cloudfunctions/*/index.js', ['tsx', 'scripts/build-functions.ts']);
    build('building the mini program (weapp) → dist/', ['taro', 'build', '--type', 'weapp']);
    build('building the H5 shop → dist-h5/', ['taro', 'build', '--type', 'h5']);
  }
  console.log('▶ starting the local cloud');
  const cloud = await startLocalCloud({
    port,
    dataDir,
    functionsDir: join(root, 'cloudfunctions'),
    staticDir: join(root, 'dist-h5'),
    extraStatic: { '/static/': join(root, 'static') },
  });
  const seeded = seedCatalogue(cloud.db);
  seedDevUsers(cloud.db);
  const seededGifts = seedGiftHistory(cloud.db, cloud.clock.now());
  if (seededGifts > 0) {
    // the rankings from the seeded gifts now, not at the next hourly run
    await cloud.services.invoke(
      'giftStats',
      { Type: 'Timer', TriggerName: 'giftStatsHourly' },
      { openid: '', source: 'wx_trigger' },
    );
    console.log(`✔ seeded a gift history (${seededGifts} gifts) and computed the gift rankings`);
  }
  const counts = `${seeded.counts.categories} categories, ${seeded.counts.products} products, ${seeded.counts.skus} SKUs`;
  console.log(
    seeded.seeded ? `✔ seeded the catalogue: ${counts}` : `✔ catalogue already seeded in ${dataDir}: ${counts}`,
  );
  console.log(`
礼物商城 is running
  shop (H5):        ${cloud.url}/
  weapp build:      ${join(root, 'dist')}  (open the repo root in WeChat DevTools)
  function gateway: POST ${cloud.url}/functions/<name>   (header X-WX-OPENID)
  dev endpoints:    ${cloud.url}/_dev/health  /_dev/ledger  /_dev/clock  /_dev/pay  /_dev/messages
  data:             ${dataDir}
Press Ctrl+C to stop.`);
  const stop = async () => {
    await cloud.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
