/**
 * `npm test`: type check, lint, every test suite, one summary.
 * Steps run in order; a failing step does not stop the rest, so one run shows everything that is red.
 * The e2e step needs Debian's Chromium: without it the step is skipped with the install command,
 * except under CI=true where a missing browser is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

type Outcome = 'passed' | 'failed' | 'skipped';
interface StepResult {
  name: string;
  outcome: Outcome;
  seconds: number;
  note?: string;
  tests?: { passed: number; failed: number; skipped: number };
}

const root = join(__dirname, '..');
const reportsDir = join(root, '.tmp', 'test-reports');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onlyArgs = process.argv.slice(2); // e.g. `npm test -- unit functions` runs just those steps
const results: StepResult[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return child.status === 0;
}

function step(name: string, action: () => Omit<StepResult, 'name' | 'seconds'>): void {
  if (onlyArgs.length > 0 && !onlyArgs.includes(name)) return;
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = action();
  results.push({ name, seconds: (Date.now() - started) / 1000, ...result });
}

const npx = (args: string[], env?: NodeJS.ProcessEnv) => run('npx', ['--no-install', ...args], env);

function jest(projects: string[], extra: string[] = [], env?: NodeJS.ProcessEnv): Omit<StepResult, 'name' | 'seconds'> {
  mkdirSync(reportsDir, { recursive: true });
  const reportFile = join(reportsDir, `${projects.join('-')}.json`);
  rmSync(reportFile, { force: true });
  const okRun = npx(['jest', '--selectProjects', ...projects, '--json', `--outputFile=${reportFile}`, ...extra], env);
  if (!existsSync(reportFile)) return { outcome: 'failed', note: 'jest wrote no report' };
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTotalTests: number;
    numFailedTestSuites: number;
  };
  const tests = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests };
  if (report.numTotalTests === 0) return { outcome: 'failed', note: 'no tests found', tests };
  return { outcome: okRun && report.numFailedTestSuites === 0 ? 'passed' : 'failed', tests };
}

const asOutcome = (okRun: boolean) => ({ outcome: (okRun ? 'passed' : 'failed') as Outcome });

step('typecheck', () => asOutcome(npx(['tsc', '-p', 'tsconfig.json']) && npx(['tsc', '-p', 'tsconfig.domain.json'])));
step('lint', () =>
  asOutcome(
    npx(['eslint', '.', '--max-warnings=0']) &&
      npx(['prettier', '--check', '.']) &&
      npx(['depcruise', '.', '--config', '.dependency-cruiser.cjs']),
  ),
);
step('build-functions', () => asOutcome(npx(['tsx', 'scripts/build-functions.ts'])));
step('deploy', () => jest(['deploy']));
step('unit', () => jest(['unit', 'pages', 'native']));
step('local-cloud', () => jest(['local-cloud'], ['--runInBand']));
step('functions', () => jest(['functions'], ['--runInBand']));
step('crash', () => jest(['crash'], ['--runInBand']));
step('build-weapp', () => asOutcome(npx(['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' })));
step('build-h5', () => asOutcome(npx(['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' })));
step('weapp', () => jest(['weapp'], ['--runInBand']));
step('e2e', () => {
  if (!existsSync(chromiumPath)) {
    const how = 'install it with: sudo apt-get install -y chromium fonts-noto-cjk';
    if (process.env.CI === 'true') return { outcome: 'failed', note: `Chromium missing at ${chromiumPath}; ${how}` };
    console.log(`Chromium not found at ${chromiumPath}: skipping the e2e tests; ${how}`);
    return { outcome: 'skipped', note: `no Chromium; ${how}` };
  }
  return jest(['e2e'], ['--runInBand']);
});

const totals = results.reduce(
  (sum, r) => ({
    passed: sum.passed + (r.tests?.passed ?? 0),
    failed: sum.failed + (r.tests?.failed ?? 0),
    skipped: sum.skipped + (r.tests?.skipped ?? 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n──────── npm test summary ────────');
for (const r of results) {
  const counts = r.tests ? ` (${r.tests.passed} passed, ${r.tests.failed} failed, ${r.tests.skipped} skipped)` : '';
  console.log(
    `${r.outcome.padEnd(8)} ${r.name.padEnd(16)} ${r.seconds.toFixed(1).padStart(6)} s${counts}${r.note ? ` — ${r.note}` : ''}`,
  );
}
const failedSteps = results.filter((r) => r.outcome === 'failed').length;
const skippedSteps = results.filter((r) => r.outcome === 'skipped').length;
console.log(
  `steps: ${results.length - failedSteps - skippedSteps} passed, ${failedSteps} failed, ${skippedSteps} skipped`,
);
console.log(`tests: ${totals.passed} passed, ${totals.failed + failedSteps} failed, ${totals.skipped} skipped`);
process.exit(failedSteps > 0 ? 1 : 0);
