/**
 * database/indexes.json + database/rules.json: consistent with each other and with the server code, and the
 * db:apply script's handling of its arguments and settings. Nothing here talks to a real environment.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './config';
import {
  applyPlan,
  formatForConsole,
  indexName,
  loadDatabasePlan,
  runDatabaseCli,
  type CollectionPlan,
  type DatabaseAdmin,
} from './database';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

/** `.collection(X)` in a file, X a string literal or a `const X = '<name>'` of the same file (as server/collections.test.ts reads it). */
function collectionsNamedIn(text: string): string[] {
  const constants = new Map<string, string>();
  for (const match of text.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*['"`]([^'"`]+)['"`]/g)) {
    constants.set(match[1] as string, match[2] as string);
  }
  return [...text.matchAll(/\.collection\(\s*([^)]*?)\s*\)/g)].flatMap((match) => {
    const argument = match[1] ?? '';
    const literal = /^['"`]([^'"`]+)['"`]$/.exec(argument);
    const name = literal ? literal[1] : constants.get(argument);
    return name ? [name] : [`(unresolved: ${argument})`];
  });
}

const serverFiles = [
  ...sourceFiles(path.join(REPO_ROOT, 'server')),
  ...readdirSync(path.join(REPO_ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return sourceFiles(path.join(REPO_ROOT, 'cloudfunctions', entry.name, 'src'));
      } catch {
        return [];
      }
    }),
];

describe('the database files', () => {
  const plan = loadDatabasePlan();
  const declared = plan.map((collection) => collection.name);

  it('declare every collection the server code names', () => {
    const named = new Map<string, string>();
    for (const file of serverFiles) {
      for (const name of collectionsNamedIn(readFileSync(file, 'utf8'))) {
        if (!named.has(name)) named.set(name, path.relative(REPO_ROOT, file));
      }
    }
    // the scan itself works: it finds the shop's first collections
    expect([...named.keys()]).toEqual(expect.arrayContaining(['orders', 'gifts', 'products', 'skus']));
    const missing = [...named].filter(([name]) => !declared.includes(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('give every collection a rule that lets no client write; only rules.json entries allow reads', () => {
    for (const collection of plan) {
      expect(collection.rule.write).toBe(false);
      if (collection.rule.read !== false) expect(collection.defaultRule).toBe(false);
    }
    const rules = Object.fromEntries(plan.map((collection) => [collection.name, collection.rule.read]));
    // documents holding another person's address are never client-readable
    expect(rules.orders).toBe(false);
    expect(rules.gifts).toBe(false);
  });

  it('name indexes the way CloudBase accepts them, one name per index', () => {
    expect(indexName({ categoryId: 1, sales: -1 })).toBe('categoryId_asc_sales_desc');
    for (const collection of plan) {
      for (const index of collection.indexes) expect(index.name).toMatch(/^\w{1,128}$/);
    }
    expect(plan.find((c) => c.name === 'orders')?.indexes).toContainEqual({
      name: 'outTradeNo_asc',
      keys: [{ field: 'outTradeNo', direction: '1' }],
      unique: true,
    });
  });
});

describe('checks that catch a broken file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'database-files-'));
    cpSync(path.join(REPO_ROOT, 'database', 'indexes.json'), path.join(dir, 'indexes.json'));
    cpSync(path.join(REPO_ROOT, 'database', 'rules.json'), path.join(dir, 'rules.json'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(path.join(dir, file), JSON.stringify(json));
  };

  it('a rule that lets clients write', () => {
    edit('rules.json', (json) => {
      (json.collections as Record<string, { rule: unknown }>).users = {
        rule: { read: true, write: 'doc._id == auth.openid' },
      };
    });
    expect(() => loadDatabasePlan(dir)).toThrow(
      /collections\.users\.rule\.write every write goes through a cloud function/,
    );
  });

  it('a rule or an index for a collection indexes.json does not declare', () => {
    edit('rules.json', (json) => {
      (json.collections as Record<string, unknown>).wishes = { rule: { read: false, write: false } };
    });
    expect(() => loadDatabasePlan(dir)).toThrow(/undeclared collections .*: wishes/);
  });

  it('an unknown rule key', () => {
    edit('rules.json', (json) => {
      json.default = { read: false, write: false, query: true };
    });
    expect(() => loadDatabasePlan(dir)).toThrow(/rules\.json/);
  });
});

describe('npm run db:apply', () => {
  function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
    const lines: string[] = [];
    let adminAskedFor = 0;
    return runDatabaseCli({
      argv,
      env,
      root: REPO_ROOT,
      log: (line) => lines.push(line),
      admin: () => {
        adminAskedFor += 1;
        throw new Error('this test never reaches an environment');
      },
    }).then((code) => ({ code, output: lines.join('\n'), adminAskedFor }));
  }

  it('--print lists every collection, index and rule for the console, with no settings at all', async () => {
    const { code, output, adminAskedFor } = await run(['--print']);
    expect([code, adminAskedFor]).toEqual([0, 0]);
    for (const collection of loadDatabasePlan()) expect(output).toContain(`集合 / collection: ${collection.name}\n`);
    expect(output).toContain('索引 / index outTradeNo_asc（唯一 / unique）: outTradeNo 升序');
    expect(output).toContain('安全规则 / security rule: {"read":"doc.onShelf == true","write":false}');
  });

  it('without the env id and API key: exit 1, names each, never reaches the environment', async () => {
    const { code, output, adminAskedFor } = await run([], { WX_CLOUD_ENV: 'shop-prod-1' });
    expect([code, adminAskedFor]).toEqual([1, 0]);
    expect(output).toContain('TCB_SECRET_ID');
    expect(output).toContain('TCB_SECRET_KEY');
    expect(output).not.toContain('WX_CLOUD_ENV');
  });

  it('an unknown option: exit 1 with the usage', async () => {
    const { code, output, adminAskedFor } = await run(['--yes']);
    expect([code, adminAskedFor]).toEqual([1, 0]);
    expect(output).toContain('usage: npm run db:apply');
  });
});

describe('applyPlan', () => {
  it('creates only the indexes that are missing and sets every rule', async () => {
    const plan: CollectionPlan[] = [
      {
        name: 'orders',
        rule: { read: false, write: false },
        defaultRule: false,
        indexes: [
          { name: 'outTradeNo_asc', keys: [{ field: 'outTradeNo', direction: '1' }], unique: true },
          {
            name: 'openid_asc_createdAt_desc',
            keys: [
              { field: 'openid', direction: '1' },
              { field: 'createdAt', direction: '-1' },
            ],
            unique: false,
          },
        ],
      },
      { name: 'users', rule: { read: 'doc._id == auth.openid', write: false }, defaultRule: false, indexes: [] },
    ];
    const calls: string[] = [];
    const existing = new Set(['orders/outTradeNo_asc']);
    const admin: DatabaseAdmin = {
      createCollectionIfNotExists: async (name) => {
        calls.push(`collection ${name}`);
        return { IsCreated: name === 'users' };
      },
      checkIndexExists: async (collection, name) => ({ Exists: existing.has(`${collection}/${name}`) }),
      createIndex: async (collection, index) => calls.push(`index ${collection}/${index.name}`),
      setRule: async (collection, rule) => calls.push(`rule ${collection} ${JSON.stringify(rule)}`),
    };
    await applyPlan(plan, admin, () => undefined);
    expect(calls).toEqual([
      'collection orders',
      'index orders/openid_asc_createdAt_desc',
      'rule orders {"read":false,"write":false}',
      'collection users',
      'rule users {"read":"doc._id == auth.openid","write":false}',
    ]);
  });

  it('prints what it would create in the console words it uses', () => {
    expect(formatForConsole([])).toContain('自定义安全规则');
  });
});
