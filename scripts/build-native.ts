/**
 * Generates the native components' shared code from the domain, so WeChat's plain-JS components and
 * the React ones run the same function instead of a hand-kept copy:
 *
 *   src/domain/countdown.ts → src/native/countdown/format.js (CommonJS, `require('./format')`)
 *
 * Run by `npm run build:weapp` (prebuild) and `npx tsx scripts/build-native.ts`; the output is committed
 * (WeChat DevTools opens the source tree) and tests/native/countdown-format.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');

export interface NativeModule {
  /** the domain file, relative to the repo root */
  source: string;
  /** the generated CommonJS file, relative to the repo root */
  output: string;
}

export const NATIVE_MODULES: readonly NativeModule[] = [
  { source: 'src/domain/countdown.ts', output: 'src/native/countdown/format.js' },
];

/** The generated file's text: the domain module bundled to ES2015 CommonJS (lint and prettier skip it). */
export async function generateNativeModule(entry: NativeModule): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, entry.source)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'es2015',
    legalComments: 'none',
    banner: {
      js: `// Generated from ${entry.source} by scripts/build-native.ts: do not edit, run \`npx tsx scripts/build-native.ts\`.`,
    },
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced nothing for ${entry.source}`);
  return file.text;
}

async function main(): Promise<void> {
  for (const entry of NATIVE_MODULES) {
    writeFileSync(path.join(root, entry.output), await generateNativeModule(entry));
    console.log(`${entry.source} → ${entry.output}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
