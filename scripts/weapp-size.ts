/**
 * Package sizes of the weapp build (dist/), measured by WeChat's own code analysis
 * (miniprogram-ci analyseCode, the DevTools "代码静态依赖分析"), offline.
 *   npx tsx scripts/weapp-size.ts        prints the report (needs `npm run build:weapp` first)
 * Used by tests/weapp (main package < 2 MB) and scripts/bench.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

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

/**
 * Runs miniprogram-ci's analyseCode in a child Node process. analyseCode leaves a chokidar watcher
 * on the project open (its Analyzer is never destroyed), which would keep jest or the bench alive;
 * a child process that exits after printing the file list has no such leftovers.
 */
const analyseScript = `
const ci = require('miniprogram-ci');
const [distDir, appid] = process.argv.slice(1);
const project = new ci.Project({
  appid,
  type: 'miniProgram',
  projectPath: distDir,
  // Analysis signs nothing; the constructor only insists that some key is given.
  privateKey: 'offline-analysis-uses-no-key',
  ignores: ['node_modules/**/*'],
});
// Project attributes are normally fetched from WeChat's servers; the defaults are what an ordinary
// mini program gets (toolchain notes), and keep this offline.
project.attr = async () => ci.DefaultProjectAttr;
ci.analyseCode(project, { silent: true }).then(
  (result) => {
    const files = (result ? result.files : []).map((file) => ({ path: file.path, size: file.size, subPackage: file.subPackage || null }));
    process.stdout.write('\\n@@FILES@@' + JSON.stringify(files) + '\\n');
    process.exit(0);
  },
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  },
);
`;

interface AnalysedFile {
  path: string;
  size: number;
  subPackage: string | null;
}

function analyseFiles(distDir: string): AnalysedFile[] {
  const appid = (JSON.parse(readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8')) as { appid: string })
    .appid;
  const child = spawnSync(process.execPath, ['-e', analyseScript, distDir, appid], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const marker = child.stdout?.split('\n').find((line) => line.startsWith('@@FILES@@'));
  if (child.status !== 0 || !marker) {
    throw new Error(
      `miniprogram-ci analyseCode failed (exit ${String(child.status)}): ${child.stderr || child.error?.message || 'no output'}`,
    );
  }
  return JSON.parse(marker.slice('@@FILES@@'.length)) as AnalysedFile[];
}

export async function analyseWeappPackages(distDir: string = path.join(repoRoot, 'dist')): Promise<WeappPackageSizes> {
  if (!existsSync(path.join(distDir, 'app.json'))) {
    throw new Error(
      `${path.relative(repoRoot, distDir) || distDir}/app.json is missing: run npm run build:weapp first`,
    );
  }
  const files = analyseFiles(distDir);

  let mainBytes = 0;
  let mainFiles = 0;
  const subpackages = new Map<string, SubpackageSize>();
  for (const file of files) {
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
  const lines = [
    `main package: ${sizes.mainKb.toFixed(1)} KB in ${sizes.mainFiles} files (limit ${MAIN_PACKAGE_LIMIT_KB} KB)`,
  ];
  for (const sub of sizes.subpackages)
    lines.push(`subpackage ${sub.root}: ${sub.kb.toFixed(1)} KB in ${sub.files} files`);
  lines.push(`total: ${sizes.totalKb.toFixed(1)} KB`);
  return lines.join('\n');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  analyseWeappPackages()
    .then((sizes) => {
      console.log(formatWeappPackageSizes(sizes));
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
