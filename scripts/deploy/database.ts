/**
 * The database as code: database/indexes.json (collections and indexes; the local cloud and the seed create
 * exactly these) and database/rules.json (their security rules), checked, then applied to a real CloudBase
 * environment with @cloudbase/manager-node, or printed for the console.
 *
 *   npm run db:apply -- --print     the collections, indexes and rules, to create by hand (no settings needed)
 *   npm run db:apply                create missing collections and indexes, set every rule (idempotent)
 *
 * Applying needs WX_CLOUD_ENV, TCB_SECRET_ID and TCB_SECRET_KEY (or deploy.config.json's envId, secretId,
 * secretKey): when any is missing, nothing is sent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import type CloudBaseManager from '@cloudbase/manager-node';
import { REPO_ROOT, resolveSettings, type Settings } from './config';

export const DATABASE_DIR = path.join(REPO_ROOT, 'database');

const indexDirection = z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')]);

const indexesFileSchema = z.object({
  collections: z.array(z.object({ name: z.string().regex(/^[A-Za-z_][\w-]*$/), why: z.string().optional() })),
  indexes: z.array(
    z.object({
      collection: z.string(),
      fields: z.record(z.string(), indexDirection),
      unique: z.boolean().optional(),
      why: z.string().optional(),
    }),
  ),
});

/** A rule value: a boolean or an expression over doc / auth / now. */
const ruleValue = z.union([z.boolean(), z.string().min(1)]);
const noWrite = z.literal(false, { message: 'every write goes through a cloud function: must be false' });

export const securityRuleSchema = z
  .object({
    read: ruleValue,
    write: noWrite,
    create: noWrite.optional(),
    update: noWrite.optional(),
    delete: noWrite.optional(),
  })
  .strict();

const rulesFileSchema = z.object({
  default: securityRuleSchema,
  collections: z.record(z.string(), z.object({ rule: securityRuleSchema, why: z.string().optional() })),
});

export type SecurityRule = z.infer<typeof securityRuleSchema>;

export interface CollectionPlan {
  name: string;
  rule: SecurityRule;
  /** true when rules.json has no entry and `default` applies */
  defaultRule: boolean;
  indexes: { name: string; keys: { field: string; direction: string }[]; unique: boolean }[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function issues(file: string, error: z.ZodError): Error {
  return new Error(`${file}: ${error.issues.map((i) => `${i.path.join('.') || '(top)'} ${i.message}`).join('; ')}`);
}

/** `categoryId_1_sales_-1` would do for MongoDB; CloudBase index names take letters, digits and _ only. */
export function indexName(fields: Record<string, 1 | -1 | '2dsphere'>): string {
  return Object.entries(fields)
    .map(
      ([field, direction]) =>
        `${field.replace(/\W/g, '_')}_${direction === 1 ? 'asc' : direction === -1 ? 'desc' : 'geo'}`,
    )
    .join('_');
}

/** Both files, checked against each other: every index and rule names a declared collection. */
export function loadDatabasePlan(dir: string = DATABASE_DIR): CollectionPlan[] {
  const indexesParsed = indexesFileSchema.safeParse(readJson(path.join(dir, 'indexes.json')));
  if (!indexesParsed.success) throw issues('database/indexes.json', indexesParsed.error);
  const rulesParsed = rulesFileSchema.safeParse(readJson(path.join(dir, 'rules.json')));
  if (!rulesParsed.success) throw issues('database/rules.json', rulesParsed.error);
  const { collections, indexes } = indexesParsed.data;
  const rules = rulesParsed.data;

  const names = collections.map((c) => c.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`database/indexes.json declares ${duplicate} twice`);
  const undeclared = [
    ...indexes.map((index) => index.collection).filter((name) => !names.includes(name)),
    ...Object.keys(rules.collections).filter((name) => !names.includes(name)),
  ];
  if (undeclared.length > 0) {
    throw new Error(
      `indexes or rules for undeclared collections (add them to database/indexes.json): ${undeclared.join(', ')}`,
    );
  }

  return names.map((name) => {
    const own = rules.collections[name];
    const collectionIndexes = indexes
      .filter((index) => index.collection === name)
      .map((index) => ({
        name: indexName(index.fields),
        keys: Object.entries(index.fields).map(([field, direction]) => ({ field, direction: String(direction) })),
        unique: index.unique ?? false,
      }));
    const indexNames = collectionIndexes.map((index) => index.name);
    const clash = indexNames.find((indexName, i) => indexNames.indexOf(indexName) !== i);
    if (clash) throw new Error(`database/indexes.json: two indexes of ${name} on the same fields (${clash})`);
    return { name, rule: own?.rule ?? rules.default, defaultRule: !own, indexes: collectionIndexes };
  });
}

/** What to create in the console by hand, in the console's own words. */
export function formatForConsole(plan: readonly CollectionPlan[]): string {
  const lines = [
    '云开发控制台 → 数据库：按下列内容添加集合、索引（索引管理）与权限（自定义安全规则）',
    'CloudBase console → Database: create these collections, indexes and custom security rules',
    '',
  ];
  for (const collection of plan) {
    lines.push(`集合 / collection: ${collection.name}`);
    for (const index of collection.indexes) {
      const keys = index.keys.map(
        (key) => `${key.field} ${key.direction === '1' ? '升序' : key.direction === '-1' ? '降序' : key.direction}`,
      );
      lines.push(`  索引 / index ${index.name}${index.unique ? '（唯一 / unique）' : ''}: ${keys.join(', ')}`);
    }
    lines.push(`  安全规则 / security rule: ${JSON.stringify(collection.rule)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export type DatabaseSettings = Settings<'envId' | 'secretId' | 'secretKey'>;
export const DATABASE_SETTINGS = ['envId', 'secretId', 'secretKey'] as const;

/** The calls db:apply makes: a subset of @cloudbase/manager-node's services. */
export interface DatabaseAdmin {
  createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
  checkIndexExists(collection: string, indexName: string): Promise<{ Exists: boolean }>;
  createIndex(collection: string, index: CollectionPlan['indexes'][number]): Promise<unknown>;
  setRule(collection: string, rule: SecurityRule): Promise<unknown>;
}

export function managerAdmin(settings: DatabaseSettings): DatabaseAdmin {
  // loaded only when applying: --print and a run that stops on its settings never load the client
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as typeof CloudBaseManager;
  const manager = new CloudBase({ envId: settings.envId, secretId: settings.secretId, secretKey: settings.secretKey });
  return {
    createCollectionIfNotExists: (name) => manager.database.createCollectionIfNotExists(name),
    checkIndexExists: (collection, name) => manager.database.checkIndexExists(collection, name),
    createIndex: (collection, index) =>
      manager.database.updateCollection(collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIsUnique: index.unique,
              MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: key.direction })),
            },
          },
        ],
      }),
    setRule: (collection, rule) =>
      manager.permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: collection,
        permission: 'CUSTOM',
        securityRule: JSON.stringify(rule),
      }),
  };
}

export async function applyPlan(plan: readonly CollectionPlan[], admin: DatabaseAdmin, log: (line: string) => void) {
  for (const collection of plan) {
    const created = await admin.createCollectionIfNotExists(collection.name);
    log(`${collection.name}: ${created.IsCreated ? '已创建 / created' : '已存在 / exists'}`);
    for (const index of collection.indexes) {
      if ((await admin.checkIndexExists(collection.name, index.name)).Exists) continue;
      await admin.createIndex(collection.name, index);
      log(`  索引 / index ${index.name} 已创建 / created`);
    }
    await admin.setRule(collection.name, collection.rule);
    log(`  安全规则 / rule ${JSON.stringify(collection.rule)}`);
  }
}

export interface DatabaseCliContext {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  root: string;
  log: (line: string) => void;
  /** called only once the settings are complete */
  admin: (settings: DatabaseSettings) => DatabaseAdmin;
}

/** Exit code: 0 done, 1 stopped before any network call (arguments, files, settings), 2 applying failed. */
export async function runDatabaseCli(context: DatabaseCliContext): Promise<number> {
  const { log } = context;
  let print: boolean;
  try {
    print = parseArgs({
      args: [...context.argv],
      options: { print: { type: 'boolean', default: false } },
      strict: true,
    }).values.print;
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}\n用法 / usage: npm run db:apply [-- --print]`);
    return 1;
  }
  let plan: CollectionPlan[];
  try {
    plan = loadDatabasePlan(path.join(context.root, 'database'));
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (print) {
    log(formatForConsole(plan));
    return 0;
  }
  const resolved = resolveSettings(DATABASE_SETTINGS, { env: context.env, root: context.root });
  if (!resolved.ok) {
    log(resolved.message);
    return 1;
  }
  try {
    await applyPlan(plan, context.admin(resolved.settings), log);
    return 0;
  } catch (error) {
    log(`失败 / failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  runDatabaseCli({
    argv: process.argv.slice(2),
    env: process.env,
    root: REPO_ROOT,
    log: (line) => console.log(line),
    admin: managerAdmin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
