/**
 * Package sizes of the weapp build (dist/), measured by WeChat's own code analysis
 * (miniprogram-ci analyseCode, the DevTools "代码静态依赖分析"), offline.
 *   npx tsx scripts/weapp-size.ts        prints the report (needs `npm run build:weapp` first)
 * Used by tests/weapp (main package < 2 MB) and scripts/bench.ts, which also builds the yardstick:
 * a minimal one-page Taro React app (buildMinimalTaroApp) with the same installed Taro.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * The files of the smallest Taro 4 React app `taro init` would give (one page, no styles, no UI
 * library), with this project's Taro and React versions and the same compiler settings as ours.
 */
function minimalTaroAppFiles(): Record<string, string> {
  const ours = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    browserslist: string[];
  };
  const pick = (names: string[], from: Record<string, string>) =>
    Object.fromEntries(names.filter((name) => from[name] !== undefined).map((name) => [name, from[name]]));
  const packageJson = {
    name: 'taro-minimal',
    private: true,
    templateInfo: { name: 'default', typescript: false, css: 'None', framework: 'React' },
    browserslist: ours.browserslist,
    dependencies: pick(
      [
        '@babel/runtime',
        '@tarojs/components',
        '@tarojs/helper',
        '@tarojs/plugin-framework-react',
        '@tarojs/plugin-platform-weapp',
        '@tarojs/react',
        '@tarojs/runtime',
        '@tarojs/shared',
        '@tarojs/taro',
        'react',
        'react-dom',
      ],
      ours.dependencies,
    ),
    devDependencies: pick(['@tarojs/cli', '@tarojs/webpack5-runner', 'babel-preset-taro'], ours.devDependencies),
  };
  return {
    'package.json': JSON.stringify(packageJson, null, 2),
    'project.config.json': JSON.stringify({
      miniprogramRoot: 'dist/',
      projectname: 'taro-minimal',
      appid: 'touristappid',
    }),
    'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: false, compiler: 'webpack5' }]] };
`,
    'config/index.js': `module.exports = function () {
  return {
    projectName: 'taro-minimal',
    date: '2026-12-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: 'dist',
    plugins: [],
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {},
  };
};
`,
    'src/app.config.js': `export default { pages: ['pages/index/index'], window: { navigationBarTitleText: 'Taro' } };
`,
    'src/app.js': `import { useLaunch } from '@tarojs/taro';

function App({ children }) {
  useLaunch(() => {});
  return children;
}

export default App;
`,
    'src/pages/index/index.config.js': `export default { navigationBarTitleText: '首页' };
`,
    'src/pages/index/index.jsx': `import { View, Text } from '@tarojs/components';

export default function Index() {
  return (
    <View className="index">
      <Text>Hello world!</Text>
    </View>
  );
}
`,
  };
}

export interface MinimalTaroApp {
  distDir: string;
  buildMs: number;
  remove: () => void;
}

/**
 * Builds the minimal app in a temp folder with this project's installed Taro (`taro build --type weapp`,
 * node_modules linked, production mode like ours). The caller removes the folder when done.
 */
export function buildMinimalTaroApp(): MinimalTaroApp {
  const dir = mkdtempSync(path.join(tmpdir(), 'taro-minimal-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    for (const [file, text] of Object.entries(minimalTaroAppFiles())) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const started = Date.now();
    const child = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0 || !existsSync(path.join(dir, 'dist', 'app.json'))) {
      throw new Error(
        `building the minimal Taro app failed (exit ${String(child.status)}): ${(child.stderr || child.stdout || child.error?.message || '').slice(-2000)}`,
      );
    }
    return { distDir: path.join(dir, 'dist'), buildMs: Date.now() - started, remove };
  } catch (error) {
    remove();
    throw error;
  }
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
