/**
 * npx tsx local-cloud/cli.ts [--port 3000] [--data .local-cloud] [--functions cloudfunctions]
 *   [--static dist-h5] [--mount /images/=database/images] [--workers 8] [--no-real-timers]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      data: { type: 'string', default: '.local-cloud' },
      functions: { type: 'string', default: 'cloudfunctions' },
      static: { type: 'string' },
      mount: { type: 'string', multiple: true },
      workers: { type: 'string' },
      'no-real-timers': { type: 'boolean', default: false },
    },
  });
  const extraStatic: Record<string, string> = {};
  for (const mount of values.mount ?? []) {
    const [prefix, dir] = mount.split('=');
    if (!prefix || !dir) throw new Error(`--mount expects /prefix/=dir, got "${mount}"`);
    extraStatic[prefix] = path.resolve(dir);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be an integer, got "${values.port}"`);

  const cloud = await startLocalCloud({
    port,
    dataDir: path.resolve(values.data),
    functionsDir: path.resolve(values.functions),
    ...(values.static ? { staticDir: path.resolve(values.static) } : {}),
    extraStatic,
    ...(values.workers ? { workers: Number(values.workers) } : {}),
    realTimers: !values['no-real-timers'],
  });
  console.log(
    `local cloud on ${cloud.url} (admin ${cloud.url}/admin, gateway ${cloud.url}/functions/<name>, health ${cloud.url}/_dev/health)`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the local cloud`);
    cloud.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
