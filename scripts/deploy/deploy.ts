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
 * Settings (scripts/deploy/config.ts): WX_APPID, WX_PRIVATE_KEY_PATH, WX_CLOUD_ENV or deploy.config.json.
 * When any is missing or wrong, the run stops before building and before any network call.
 *
 * miniprogram-ci's cloud.uploadFunction updates a function's code only: it never reads config.json, and a
 * function that does not exist yet is created with runtime Nodejs8.9 and a 3 s timeout, which cannot run
 * these node16 bundles. So each function is created once in DevTools (上传并部署：云端安装依赖, which applies
 * config.json's timeout and open-API permissions); docs/merchant-guide.md says so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as MiniprogramCi from 'miniprogram-ci';
import { REPO_ROOT, SETTINGS, resolveSettings, type Settings } from './config';
import { deployableFunctions, FUNCTIONS_ROOT, type DeployableFunction } from './functions';

export type DeploySettings = Settings<'appid' | 'privateKeyPath' | 'envId'>;
export const DEPLOY_SETTINGS = ['appid', 'privateKeyPath', 'envId'] as const;

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

/** miniprogram-ci's createTimeTrigger resolves with this text on success (and another text on failure). */
const TRIGGERS_CREATED = '创建定时触发器成功';

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
  const resolved = resolveSettings(DEPLOY_SETTINGS, { env: context.env, root });
  if (!resolved.ok) {
    log(resolved.message);
    return 1;
  }
  let plan: DeployPlan;
  try {
    plan = planDeploy(args, path.join(root, 'cloudfunctions'));
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
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

async function carryOut(args: DeployArgs, plan: DeployPlan, settings: DeploySettings, context: DeployContext) {
  const { log, root } = context;
  const tools = context.tools();
  if (args.build) {
    // the weapp build inlines the env id into wx.cloud.init (config/index.ts reads WX_CLOUD_ENV)
    const buildEnv = {
      NODE_ENV: 'production',
      TARO_APP_ID: settings.appid,
      [SETTINGS.envId.envVar]: settings.envId,
    };
    if (plan.functions.length > 0) tools.npm('build:functions', buildEnv);
    if (plan.app) tools.npm('build:weapp', buildEnv);
  }
  const project = new tools.ci.Project({
    appid: settings.appid,
    type: 'miniProgram',
    // Taro writes dist/project.config.json (miniprogramRoot './'): dist/ is the compiled project
    projectPath: path.join(root, 'dist'),
    privateKeyPath: settings.privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const setting = { es6: false, minifyWXML: true, minifyWXSS: true };
  if (plan.app && args.command === 'preview') {
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
  } else if (plan.app) {
    await tools.ci.upload({ project, version: args.version, desc: args.desc, setting });
    log(
      `已上传小程序 ${args.version} / uploaded the mini program ${args.version}: 到公众平台「版本管理」提交审核 / submit it for review under 版本管理`,
    );
  }
  for (const fn of plan.functions) {
    const uploaded = await tools.ci.cloud.uploadFunction({
      project,
      env: settings.envId,
      name: fn.name,
      path: stageFunction(fn, path.join(root, '.tmp', 'deploy-functions')),
      remoteNpmInstall: true,
    });
    log(`云函数 / function ${fn.name}: ${uploaded.filesCount} files, ${uploaded.packSize} bytes → ${settings.envId}`);
    const triggers = fn.config.triggers ?? [];
    if (triggers.length > 0) {
      const answer = await tools.ci.cloud.createTimeTrigger({
        project,
        envId: settings.envId,
        functionName: fn.name,
        triggersConfig: triggers,
      });
      const described = triggers.map((t) => `${t.name} "${t.config}"`).join(', ');
      if (answer !== TRIGGERS_CREATED) throw new Error(`${fn.name} timer triggers ${described}: ${answer}`);
      log(`  定时触发器 / timer triggers: ${described}`);
    }
  }
  if (plan.functions.length > 0) {
    log(
      '注意 / note: 此上传只更新代码，不应用 config.json 的超时与开放接口权限；新函数请先在开发者工具里「上传并部署」一次' +
        ' / this upload updates code only: create new functions (and apply config.json changes) from DevTools once',
    );
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
