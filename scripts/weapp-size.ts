/**
 * Package sizes of the weapp build (dist/), measured by WeChat's own code analysis
 * (miniprogram-ci analyseCode, the DevTools "代码静态依赖分析"), offline.
 *   npx tsx scripts/weapp-size.ts        prints the report (needs `npm run build:weapp` first)
 * Used by tests/weapp (main package < 2 MB) and scripts/bench.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

/** WeChat's hard limit for the main package. */
export const MAIN_PACKAGE_LIMIT_KB = 2048;

export interface SubpackageSize {
  /** subpackage root as in app.json, e.g. 'packages/shop/' */
  root: string;
  bytes: number;
  kb: number;
  files: number;
}

export interface WeappPackageSizes {
  distDir: string;
  mainBytes: number;
  mainKb: number;
  mainFiles: number;
  subpackages: SubpackageSize[];
  totalKb: number;
}

const repoRoot = path.resolve(__dirname, '..');
const toKb = (bytes: number): number => bytes / 1024;

/** A miniprogram-ci Project over a built dist/, usable offline (no remote attribute lookup, no key). */
export function offlineCiProject(distDir: string = path.join(repoRoot, 'dist')): InstanceType<typeof ci.Project> {
  const appid = (JSON.parse(readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8')) as { appid: string }).appid;
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: distDir,
    // Analysis never signs anything; the constructor only insists that some key is given.
    privateKey: 'offline-analysis-uses-no-key',
    ignores: ['node_modules/**/*', '**/*.map', '**/*.LICENSE.txt'],
  });
  // The project's attributes are normally fetched from WeChat's servers; the defaults are what an
  // ordinary mini program gets (toolchain notes).
  project.attr = async () => ci.DefaultProjectAttr;
  return project;
}

export async function analyseWeappPackages(distDir: string = path.join(repoRoot, 'dist')): Promise<WeappPackageSizes> {
  if (!existsSync(path.join(distDir, 'app.json'))) {
    throw new Error(`${path.relative(repoRoot, distDir) || distDir}/app.json is missing: run npm run build:weapp first`);
  }
  const result = await ci.analyseCode(offlineCiProject(distDir), { silent: true });
  if (!result) throw new Error('miniprogram-ci analyseCode returned nothing');

  let mainBytes = 0;
  let mainFiles = 0;
  const subpackages = new Map<string, SubpackageSize>();
  for (const file of result.files) {
    if (!file.subPackage) {
      mainBytes += file.size;
      mainFiles += 1;
      continue;
    }
    const entry = subpackages.get(file.subPackage) ?? { root: file.subPackage, bytes: 0, kb: 0, files: 0 };
    entry.bytes += file.size;
    entry.kb = toKb(entry.bytes);
    entry.files += 1;
    subpackages.set(file.subPackage, entry);
  }
  const subpackageList = [...subpackages.values()].sort((a, b) => a.root.localeCompare(b.root));
  const totalBytes = mainBytes + subpackageList.reduce((sum, sub) => sum + sub.bytes, 0);
  return {
    distDir,
    mainBytes,
    mainKb: toKb(mainBytes),
    mainFiles,
    subpackages: subpackageList,
    totalKb: toKb(totalBytes),
  };
}

export function formatWeappPackageSizes(sizes: WeappPackageSizes): string {
  const lines = [`main package: ${sizes.mainKb.toFixed(1)} KB in ${sizes.mainFiles} files (limit ${MAIN_PACKAGE_LIMIT_KB} KB)`];
  for (const sub of sizes.subpackages) lines.push(`subpackage ${sub.root}: ${sub.kb.toFixed(1)} KB in ${sub.files} files`);
  lines.push(`total: ${sizes.totalKb.toFixed(1)} KB`);
  return lines.join('\n');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  analyseWeappPackages()
    .then((sizes) => {
      console.log(formatWeappPackageSizes(sizes));
      // miniprogram-ci leaves a file watcher open; the report is all this script does.
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
