/**
 * The layer rules in .dependency-cruiser.cjs fire: dependency-cruiser runs with the repo's config over a
 * small tree that breaks each rule once (and keeps one import of each allowed kind), resolving the same
 * path aliases through its own tsconfig.json. `npm run lint` runs the same config over the repo.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '..');

const tree: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      baseUrl: '.',
      paths: {
        '@/*': ['src/*'],
        '@domain/*': ['src/domain/*'],
        '@server/*': ['server/*'],
        '@local-cloud/*': ['local-cloud/*'],
      },
    },
  }),
  // a cycle, and the domain reaching out of the domain
  'src/domain/a.ts': "import { b } from './b';\nimport { s } from '@/services/s';\nexport const a = [b, s];\n",
  'src/domain/b.ts': "import { a } from './a';\nexport const b = a;\n",
  // allowed: the domain importing the domain
  'src/domain/money.ts': 'export const money = 1;\n',
  'src/domain/c.ts': "import { money } from '@domain/money';\nexport const c = money;\n",
  // the client importing the server
  'src/services/s.ts': "import { x } from '@server/x';\nexport const s = x;\n",
  // the server importing a page and the local cloud (and, allowed, the domain)
  'server/x.ts':
    "import { p } from '@/pages/p';\nimport { l } from '@local-cloud/l';\nimport { c } from '@domain/c';\nexport const x = [p, l, c];\n",
  'local-cloud/l.ts': 'export const l = 1;\n',
  // platform files: plain → h5 by suffix, h5 → weapp, weapp → h5 (and, allowed, h5 → the plain types file)
  'src/pages/p.ts': "import { pay } from './pay.h5';\nexport const p = pay;\n",
  'src/pages/pay.ts': 'export type Pay = number;\n',
  'src/pages/pay.h5.ts':
    "import type { Pay } from './pay';\nimport { w } from './pay.weapp';\nexport const pay: Pay = w;\n",
  'src/pages/pay.weapp.ts': 'export const w = 1;\n',
  'src/pages/other.weapp.ts': "import { pay } from './pay.h5';\nexport const o = pay;\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let fixture: string;

beforeAll(() => {
  fixture = mkdtempSync(path.join(tmpdir(), 'depcruise-'));
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    writeFileSync(path.join(fixture, file), text);
  }
});

afterAll(() => rmSync(fixture, { recursive: true, force: true }));

test('each layer rule reports exactly its own violation', () => {
  const run = spawnSync(
    path.join(repo, 'node_modules/.bin/depcruise'),
    ['src', 'server', 'local-cloud', '--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd: fixture, encoding: 'utf8', timeout: 60_000 },
  );
  const violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  const found = violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
  expect(found).toEqual(
    [
      'no-circular: src/domain/a.ts → src/domain/b.ts',
      'domain-imports-only-domain: src/domain/a.ts → src/services/s.ts',
      'client-not-server: src/services/s.ts → server/x.ts',
      'server-only-domain-of-src: server/x.ts → src/pages/p.ts',
      'server-not-local-cloud: server/x.ts → local-cloud/l.ts',
      'plain-file-not-platform-file: src/pages/p.ts → src/pages/pay.h5.ts',
      'h5-file-not-weapp-file: src/pages/pay.h5.ts → src/pages/pay.weapp.ts',
      'weapp-file-not-h5-file: src/pages/other.weapp.ts → src/pages/pay.h5.ts',
    ].sort(),
  );
});

test('the lint step fails on violations (the default reporter exits with their count)', () => {
  const run = spawnSync(
    path.join(repo, 'node_modules/.bin/depcruise'),
    ['src/pages', '--config', path.join(repo, '.dependency-cruiser.cjs')],
    { cwd: fixture, encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status).toBe(3);
});
