/**
 * Bundles every cloudfunctions/<name>/src/index.ts into cloudfunctions/<name>/index.js: CommonJS for
 * Node 16 (WeChat cloud runs Node 16/18), everything inlined (domain, server/, zod) except
 * wx-server-sdk, which the cloud installs from the function's package.json. Output is git-ignored.
 *
 *   npm run build:functions            # all functions
 *   npm run build:functions -- shop    # just these
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUNCTIONS_DIR = path.resolve(__dirname, '..', 'cloudfunctions');

export interface BuiltFunction {
  name: string;
  outfile: string;
  bytes: number;
}

/** Function folders that have a src/index.ts, sorted by name. */
export function listFunctionNames(functionsDir: string = FUNCTIONS_DIR): string[] {
  if (!existsSync(functionsDir)) return [];
  return readdirSync(functionsDir)
    .filter((name) => existsSync(path.join(functionsDir, name, 'src', 'index.ts')))
    .sort();
}

export async function buildFunction(name: string, functionsDir: string = FUNCTIONS_DIR): Promise<BuiltFunction> {
  const dir = path.join(functionsDir, name);
  const outfile = path.join(dir, 'index.js');
  const result = await build({
    entryPoints: [path.join(dir, 'src', 'index.ts')],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    // the cloud provides it (pinned in the function's package.json); bundling it would break its lazy requires
    external: ['wx-server-sdk'],
    // a separate .map (no inline data, no comment) for reading production stack traces
    sourcemap: 'external',
    // keep function and class names readable in the cloud console's logs
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: path.resolve(functionsDir, '..', 'tsconfig.json'),
  });
  let bytes = 0;
  for (const file of result.outputFiles) {
    writeIfChanged(file.path, file.contents);
    if (file.path === outfile) bytes = file.contents.byteLength;
  }
  return { name, outfile, bytes };
}

/**
 * Unchanged output is not rewritten, and changed output replaces the old file by rename: a local
 * cloud (or a parallel test run) loading the bundle never sees a half-written file.
 */
function writeIfChanged(file: string, contents: Uint8Array): void {
  if (existsSync(file) && Buffer.from(contents).equals(readFileSync(file))) return;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** Builds the named functions (default: all). Same input → same output, so re-running is harmless. */
export async function buildFunctions(
  names?: readonly string[],
  functionsDir: string = FUNCTIONS_DIR,
): Promise<BuiltFunction[]> {
  const available = listFunctionNames(functionsDir);
  const wanted = names && names.length > 0 ? [...names] : available;
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`no cloudfunctions/<name>/src/index.ts for: ${unknown.join(', ')}`);
  const built: BuiltFunction[] = [];
  for (const name of wanted) built.push(await buildFunction(name, functionsDir));
  return built;
}

const formatKb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

// run as a script (tsx scripts/build-functions.ts), not when imported by the test harness
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildFunctions(process.argv.slice(2))
    .then((built) => {
      for (const fn of built)
        console.log(
          `${fn.name.padEnd(16)} ${formatKb(fn.bytes).padStart(10)}  ${path.relative(process.cwd(), fn.outfile)}`,
        );
      console.log(`built ${built.length} function(s)`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
