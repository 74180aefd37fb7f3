/**
 * The deployable cloud functions: one folder per function under cloudfunctions/, each uploaded on its own
 * (the cloud installs its package.json dependencies, nothing else from this repo). This module lists them,
 * reads their config.json (timeout, timer triggers, open-API permissions) and audits a built folder offline:
 * is it self-contained, and is its config.json something WeChat accepts?
 */
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { parseTimerCron } from '@local-cloud/clock/cron';
import { REPO_ROOT } from './config';

export const FUNCTIONS_ROOT = path.join(REPO_ROOT, 'cloudfunctions');

/** The one package a function may depend on: the cloud installs it from the function's package.json. */
export const SERVER_SDK = 'wx-server-sdk';

const triggerSchema = z.object({
  name: z.string().min(1),
  type: z.literal('timer'),
  config: z.string().min(1),
});

/**
 * The function environment variables npm run deploy sets, each from the deploy setting of the same
 * name (scripts/deploy/config.ts): a function lists the ones its code reads in config.json `environment`.
 */
export const FUNCTION_VARIABLES = ['PAY_SUB_MCH_ID'] as const;
export type FunctionVariable = (typeof FUNCTION_VARIABLES)[number];

/** The memory sizes (MB) a CloudBase function can have. */
const MEMORY_SIZES = [64, 128, 256, 512, 1024, 2048] as const;

const functionConfigSchema = z.object({
  /** seconds; the cloud's default is 3, too short for the timer sweeps */
  timeout: z.number().int().min(1).max(900),
  memorySize: z
    .number()
    .refine((size) => (MEMORY_SIZES as readonly number[]).includes(size), `must be one of ${MEMORY_SIZES.join(', ')}`),
  environment: z.array(z.enum(FUNCTION_VARIABLES)).optional(),
  triggers: z.array(triggerSchema).optional(),
  permissions: z.object({ openapi: z.array(z.string().regex(/^\w+\.\w+$/)).optional() }).optional(),
});

export type FunctionConfig = z.infer<typeof functionConfigSchema>;
export type TimerTrigger = z.infer<typeof triggerSchema>;

export interface DeployableFunction {
  name: string;
  /** absolute path of cloudfunctions/<name>/ */
  dir: string;
  config: FunctionConfig;
}

/** Folders under cloudfunctions/ that hold a package.json, sorted by name. */
export function listFunctionFolders(root: string = FUNCTIONS_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort();
}

/** config.json of a function folder, validated; throws naming the file and the field when it is wrong. */
export function readFunctionConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json');
  if (!existsSync(file))
    throw new Error(`${path.relative(REPO_ROOT, file)} missing (timeout and memorySize are required)`);
  const parsed = functionConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path.relative(REPO_ROOT, file)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  for (const trigger of parsed.data.triggers ?? []) parseTimerCron(trigger.config);
  return parsed.data;
}

export function deployableFunctions(root: string = FUNCTIONS_ROOT, only: readonly string[] = []): DeployableFunction[] {
  const available = listFunctionFolders(root);
  const unknown = only.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`没有这些云函数 / no such cloud functions: ${unknown.join(', ')}`);
  return available
    .filter((name) => only.length === 0 || only.includes(name))
    .map((name) => ({ name, dir: path.join(root, name), config: readFunctionConfig(path.join(root, name)) }));
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Every `require`/`import` of a built index.js, as written: esbuild parses the file and hands each
 * specifier to a resolver that records it and resolves nothing (no code is run, no file is followed).
 * A `require(someVariable)` cannot be read statically: it is reported, never trusted.
 */
export async function requiresOf(indexFile: string): Promise<{ specifiers: string[]; dynamic: string[] }> {
  const specifiers = new Set<string>();
  await build({
    entryPoints: [indexFile],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-requires',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            specifiers.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const source = readFileSync(indexFile, 'utf8');
  const dynamic = source
    .split('\n')
    .flatMap((line, i) =>
      /(^|[^.\w$])require\s*\(\s*[^'"`\s)]/.test(line) ? [`line ${i + 1}: ${line.trim().slice(0, 80)}`] : [],
    );
  return { specifiers: [...specifiers].sort(), dynamic };
}

/** `openapi.<group>.<method>(` call sites in a bundle (server/cloud.ts's openapi wrapper keeps these names). */
export function openApisCalledIn(source: string): string[] {
  return [...new Set([...source.matchAll(/\bopenapi\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

/**
 * What WeChat would trip over in cloudfunctions/<name>/ once uploaded on its own: an index.js that needs
 * anything but Node built-ins and wx-server-sdk, a package.json with other dependencies, a config.json
 * with a malformed trigger or without the open APIs the code calls. [] when the folder is deployable.
 */
export async function auditFunctionFolder(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const indexFile = path.resolve(dir, 'index.js');
  if (!existsSync(indexFile)) return [`index.js missing (run npm run build:functions)`];

  const { specifiers, dynamic } = await requiresOf(indexFile);
  for (const specifier of specifiers) {
    if (specifier !== SERVER_SDK && !builtins.has(specifier)) problems.push(`index.js requires ${specifier}`);
  }
  for (const warning of dynamic) problems.push(`index.js has a require that cannot be checked: ${warning}`);

  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const dependencies = Object.keys((manifest.dependencies as Record<string, string> | undefined) ?? {});
  if (JSON.stringify(dependencies) !== JSON.stringify([SERVER_SDK])) {
    problems.push(
      `package.json dependencies must be exactly ${SERVER_SDK}, found: ${dependencies.join(', ') || 'none'}`,
    );
  }
  for (const field of ['peerDependencies', 'optionalDependencies', 'bundledDependencies']) {
    if (manifest[field] !== undefined) problems.push(`package.json has ${field}`);
  }
  if (manifest.main !== undefined && manifest.main !== 'index.js') problems.push(`package.json main is not index.js`);

  let config: FunctionConfig;
  try {
    config = readFunctionConfig(dir);
  } catch (error) {
    problems.push(`config.json: ${error instanceof Error ? error.message : String(error)}`);
    return problems;
  }
  const triggerNames = (config.triggers ?? []).map((trigger) => trigger.name);
  if (new Set(triggerNames).size !== triggerNames.length) problems.push(`config.json has two triggers with one name`);
  const declared = new Set(config.permissions?.openapi ?? []);
  const bundle = readFileSync(indexFile, 'utf8');
  for (const api of openApisCalledIn(bundle)) {
    if (!declared.has(api)) problems.push(`config.json permissions.openapi lacks ${api}, which index.js calls`);
  }
  // a bundle that reads a variable (server/payment.ts inlines its name) must have it set on deploy
  for (const variable of FUNCTION_VARIABLES) {
    if (bundle.includes(variable) && !config.environment?.includes(variable)) {
      problems.push(`config.json environment lacks ${variable}, which index.js reads`);
    }
  }
  return problems;
}
