/**
 * `npm run deploy` / `npm run preview`: build, then upload with miniprogram-ci (WeChat's own CI module).
 *
 *   npm run deploy                          build + upload the mini program and every cloud function (+ timers)
 *   npm run deploy -- --app-only            only the mini program
 *   npm run deploy -- --functions-only      only cloud functions; add --function gift --function order for some
 *   npm run deploy -- --version 1.2.0 --desc "…"   (default: package.json's version)
 *   npm run preview                         build + a preview QR code in .tmp/preview-qrcode.jpg
 *   …  --skip-build                         upload what dist/ and cloudfunctions/ hold now
 *
 * Settings (scripts/deploy/config.ts), from environment variables or deploy.config.json: WX_CLOUD_ENV always;
 * WX_APPID and WX_PRIVATE_KEY_PATH for the mini program; TCB_SECRET_ID, TCB_SECRET_KEY and every variable
 * the planned functions' config.json `environment` lists (PAY_SUB_MCH_ID) for cloud functions. When any is
 * missing or wrong, the run stops before building and before any network call.
 *
 * The mini program goes up with miniprogram-ci. Cloud functions go up with @cloudbase/manager-node, not
 * miniprogram-ci's cloud.uploadFunction: that one only replaces code, never reads config.json, and creates a
 * missing function with runtime Nodejs8.9 and a 3 s timeout. Here a missing function is created with the
 * runtime the bundles target, config.json's timeout, memory, timer triggers and environment variables; an
 * existing one gets its code, then that configuration, then its triggers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type CloudBaseManager from '@cloudbase/manager-node';
import type * as MiniprogramCi from 'miniprogram-ci';
import { REPO_ROOT, SETTINGS, resolveSettings, type SettingName, type Settings } from './config';
import { deployableFunctions, FUNCTIONS_ROOT, type DeployableFunction, type FunctionVariable } from './functions';

/** Every setting a run may need; requiredSettings says which a given plan needs. */
export type DeploySettings = Settings<SettingName>;

/** The deploy setting each function environment variable is filled from. */
const VARIABLE_SETTINGS: Record<FunctionVariable, SettingName> = { PAY_SUB_MCH_ID: 'paySubMchId' };

/**
 * The CloudBase runtime matching scripts/build-functions.ts's esbuild target (node16). The manager's own
 * default is a newer Node; miniprogram-ci's is Nodejs8.9.
 */
export const FUNCTION_RUNTIME = 'Nodejs16.13';

/** The calls npm run deploy makes for cloud functions: a subset of @cloudbase/manager-node's functions service. */
type FunctionService = CloudBaseManager['functions'];
export type FunctionsAdmin = Pick<
  FunctionService,
  | 'listAllFunctions'
  | 'createFunction'
  | 'updateFunctionCode'
  | 'waitFunctionActive'
  | 'updateFunctionConfig'
  | 'createFunctionTriggers'
>;
export type CloudFunctionConfig = Parameters<FunctionService['updateFunctionConfig']>[0];

export interface DeployArgs {
  command: 'deploy' | 'preview';
  app: boolean;
  functions: boolean;
  /** function names to upload; [] = all */
  only: string[];
  build: boolean;
  version: string;
  desc: string;
  /** preview: where the QR code image goes; the page it opens */
  qrcodeFile: string;
  pagePath?: string;
}

export type ParsedArgs = { ok: true; args: DeployArgs } | { ok: false; message: string };

/** The files of cloudfunctions/<name>/ that are uploaded. */
export const UPLOADED_FILES = ['index.js', 'package.json', 'config.json'] as const;

const USAGE = [
  '用法 / usage:',
  '  npm run deploy [-- --app-only | --functions-only] [--function <name>]… [--version x.y.z] [--desc <text>] [--skip-build]',
  '  npm run preview [-- --page <pages/…/index>] [--qrcode <file>] [--skip-build]',
].join('\n');

export function parseDeployArgs(argv: readonly string[], packageVersion: string): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'app-only': { type: 'boolean', default: false },
        'functions-only': { type: 'boolean', default: false },
        function: { type: 'string', multiple: true, default: [] },
        'skip-build': { type: 'boolean', default: false },
        version: { type: 'string' },
        desc: { type: 'string' },
        qrcode: { type: 'string' },
        page: { type: 'string' },
      },
    });
  } catch (error) {
    return { ok: false, message: `${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if ((command !== 'deploy' && command !== 'preview') || extra.length > 0) {
    return { ok: false, message: `未知命令 / unknown command: ${positionals.join(' ') || '(none)'}\n${USAGE}` };
  }
  if (values['app-only'] && values['functions-only']) {
    return { ok: false, message: `--app-only 与 --functions-only 只能选一个 / pick one of them\n${USAGE}` };
  }
  const only = values.function;
  if (command === 'preview' && (values['functions-only'] || only.length > 0)) {
    return { ok: false, message: `预览只针对小程序 / preview is for the mini program only\n${USAGE}` };
  }
  const version = values.version ?? packageVersion;
  if (!/^\d+\.\d+\.\d+([-.][\w.]+)?$/.test(version)) {
    return { ok: false, message: `版本号应形如 1.2.3 / --version must look like 1.2.3, got "${version}"` };
  }
  const functionsOnly = values['functions-only'] || only.length > 0;
  return {
    ok: true,
    args: {
      command,
      app: !functionsOnly,
      functions: command === 'deploy' && !values['app-only'],
      only,
      build: !values['skip-build'],
      version,
      desc: values.desc ?? `${command === 'preview' ? 'preview' : 'release'} ${version}`,
      qrcodeFile: path.resolve(REPO_ROOT, values.qrcode ?? path.join('.tmp', 'preview-qrcode.jpg')),
      ...(values.page ? { pagePath: values.page } : {}),
    },
  };
}

/** What one run uploads, known before anything is built or sent. */
export interface DeployPlan {
  app: boolean;
  functions: DeployableFunction[];
}

export function planDeploy(args: DeployArgs, functionsRoot: string = FUNCTIONS_ROOT): DeployPlan {
  return { app: args.app, functions: args.functions ? deployableFunctions(functionsRoot, args.only) : [] };
}

/** The settings a plan needs: the env id always, the upload key for the app, API keys and variables for functions. */
export function requiredSettings(plan: DeployPlan): SettingName[] {
  const names: SettingName[] = ['envId'];
  if (plan.app) names.unshift('appid', 'privateKeyPath');
  if (plan.functions.length > 0) {
    names.push('secretId', 'secretKey');
    for (const fn of plan.functions) {
      for (const variable of fn.config.environment ?? []) names.push(VARIABLE_SETTINGS[variable]);
    }
  }
  return [...new Set(names)];
}

/** A function's CloudBase configuration, from its config.json and the deploy settings. */
export function cloudFunctionConfig(fn: DeployableFunction, settings: Partial<DeploySettings>): CloudFunctionConfig {
  const envVariables: Record<string, string> = {};
  for (const variable of fn.config.environment ?? []) {
    const value = settings[VARIABLE_SETTINGS[variable]];
    if (!value) throw new Error(`${fn.name}: ${variable} has no value`);
    envVariables[variable] = value;
  }
  return {
    name: fn.name,
    runtime: FUNCTION_RUNTIME,
    handler: 'index.main',
    // the cloud installs wx-server-sdk from the function's package.json
    installDependency: true,
    timeout: fn.config.timeout,
    memorySize: fn.config.memorySize,
    envVariables,
  };
}

/**
 * What the cloud gets of a function: the bundle, its package.json and config.json, copied into a clean
 * folder; the TypeScript sources and the source map next to them stay here.
 */
export function stageFunction(fn: DeployableFunction, stagingRoot: string): string {
  const target = path.join(stagingRoot, fn.name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of UPLOADED_FILES) {
    if (existsSync(path.join(fn.dir, file))) copyFileSync(path.join(fn.dir, file), path.join(target, file));
  }
  if (!existsSync(path.join(target, 'index.js'))) {
    throw new Error(`cloudfunctions/${fn.name}/index.js missing: run npm run build:functions`);
  }
  return target;
}

/** The network- and build-side effects, handed to runDeploy only once the settings are complete. */
export interface DeployTools {
  /** runs `npm run <script>` with extra environment variables; throws when it fails */
  npm(script: string, env: NodeJS.ProcessEnv): void;
  ci: typeof MiniprogramCi;
  /** the cloud functions service of @cloudbase/manager-node for this environment */
  functions(settings: { envId: string; secretId: string; secretKey: string }): FunctionsAdmin;
}

export interface DeployContext {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  root: string;
  log: (line: string) => void;
  /** called only after arguments and settings check out */
  tools: () => DeployTools;
}

/** Exit code: 0 done, 1 stopped before building (arguments / settings), 2 a build or upload failed. */
export async function runDeploy(context: DeployContext): Promise<number> {
  const { log, root } = context;
  const packageVersion = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const parsed = parseDeployArgs(context.argv, packageVersion);
  if (!parsed.ok) {
    log(parsed.message);
    return 1;
  }
  const { args } = parsed;
  // the plan reads only local files (config.json): it says which settings this run needs
  let plan: DeployPlan;
  try {
    plan = planDeploy(args, path.join(root, 'cloudfunctions'));
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const resolved = resolveSettings(requiredSettings(plan), { env: context.env, root });
  if (!resolved.ok) {
    log(resolved.message);
    return 1;
  }
  try {
    await carryOut(args, plan, resolved.settings, context);
    return 0;
  } catch (error) {
    log(`失败 / failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

async function carryOut(args: DeployArgs, plan: DeployPlan, settings: Partial<DeploySettings>, context: DeployContext) {
  const tools = context.tools();
  const envId = need(settings, 'envId');
  if (args.build) {
    // the weapp build inlines the env id into wx.cloud.init (config/index.ts reads WX_CLOUD_ENV)
    const buildEnv = {
      NODE_ENV: 'production',
      ...(settings.appid ? { TARO_APP_ID: settings.appid } : {}),
      [SETTINGS.envId.envVar]: envId,
    };
    if (plan.functions.length > 0) tools.npm('build:functions', buildEnv);
    if (plan.app) tools.npm('build:weapp', buildEnv);
  }
  if (plan.app) await uploadApp(args, settings, tools, context);
  if (plan.functions.length > 0) {
    const admin = tools.functions({
      envId,
      secretId: need(settings, 'secretId'),
      secretKey: need(settings, 'secretKey'),
    });
    await deployFunctions(plan.functions, settings, admin, context);
  }
}

function need(settings: Partial<DeploySettings>, name: SettingName): string {
  const value = settings[name];
  if (!value) throw new Error(`${SETTINGS[name].envVar} missing`);
  return value;
}

async function uploadApp(
  args: DeployArgs,
  settings: Partial<DeploySettings>,
  tools: DeployTools,
  context: DeployContext,
) {
  const { log, root } = context;
  const project = new tools.ci.Project({
    appid: need(settings, 'appid'),
    type: 'miniProgram',
    // Taro writes dist/project.config.json (miniprogramRoot './'): dist/ is the compiled project
    projectPath: path.join(root, 'dist'),
    privateKeyPath: need(settings, 'privateKeyPath'),
    ignores: ['node_modules/**/*'],
  });
  const setting = { es6: false, minifyWXML: true, minifyWXSS: true };
  if (args.command === 'preview') {
    mkdirSync(path.dirname(args.qrcodeFile), { recursive: true });
    await tools.ci.preview({
      project,
      version: args.version,
      desc: args.desc,
      setting,
      qrcodeFormat: 'image',
      qrcodeOutputDest: args.qrcodeFile,
      ...(args.pagePath ? { pagePath: args.pagePath } : {}),
    });
    log(`预览二维码 / preview QR code: ${path.relative(root, args.qrcodeFile)}（用微信扫码 / scan it with WeChat）`);
  } else {
    await tools.ci.upload({ project, version: args.version, desc: args.desc, setting });
    log(
      `已上传小程序 ${args.version} / uploaded the mini program ${args.version}: 到公众平台「版本管理」提交审核 / submit it for review under 版本管理`,
    );
  }
}

/**
 * Each function: created with its whole configuration when the environment lacks it, else its code
 * replaced, then its configuration and timer triggers set (each step waits for the function to be
 * active again, as the cloud refuses changes to a function that is updating).
 */
export async function deployFunctions(
  functions: readonly DeployableFunction[],
  settings: Partial<DeploySettings>,
  admin: FunctionsAdmin,
  context: Pick<DeployContext, 'log' | 'root'>,
) {
  const { log, root } = context;
  const envId = need(settings, 'envId');
  const existing = new Set((await admin.listAllFunctions({ envId })).map((fn) => fn.FunctionName));
  for (const fn of functions) {
    const func = cloudFunctionConfig(fn, settings);
    const functionPath = stageFunction(fn, path.join(root, '.tmp', 'deploy-functions'));
    const triggers = fn.config.triggers ?? [];
    const described = `${func.runtime}, ${func.timeout} s, ${func.memorySize} MB`;
    if (!existing.has(fn.name)) {
      // createFunction waits for the function to be active, then creates the triggers
      await admin.createFunction({ func: { ...func, triggers }, functionPath, force: false });
      log(`云函数 / function ${fn.name}: 已创建 / created (${described}) → ${envId}`);
    } else {
      await admin.updateFunctionCode({ func, functionPath });
      await admin.waitFunctionActive(fn.name);
      await admin.updateFunctionConfig(func);
      await admin.waitFunctionActive(fn.name);
      if (triggers.length > 0) await admin.createFunctionTriggers(fn.name, triggers);
      log(`云函数 / function ${fn.name}: 已更新代码与配置 / code and configuration updated (${described}) → ${envId}`);
    }
    if (triggers.length > 0) {
      log(`  定时触发器 / timer triggers: ${triggers.map((t) => `${t.name} "${t.config}"`).join(', ')}`);
    }
    const variables = Object.keys(func.envVariables ?? {});
    if (variables.length > 0) log(`  环境变量 / environment variables: ${variables.join(', ')}`);
  }
}

export const realTools = (root: string): DeployTools => ({
  npm(script, env) {
    const child = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (child.status !== 0) throw new Error(`npm run ${script} exited ${String(child.status ?? child.signal)}`);
  },
  // loaded here, not at the top: a run that stops on its settings never loads the upload client
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ci: require('miniprogram-ci') as typeof MiniprogramCi,
  functions(settings) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CloudBase = require('@cloudbase/manager-node') as typeof CloudBaseManager;
    return new CloudBase(settings).functions;
  },
});

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  runDeploy({
    argv: process.argv.slice(2),
    env: process.env,
    root: REPO_ROOT,
    log: (line) => console.log(line),
    tools: () => realTools(REPO_ROOT),
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
