/**
 * The deploy script's argument and settings handling. Nothing here uploads: a run whose settings are
 * incomplete must stop before it asks for its build and upload tools at all.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './config';
import {
  deployFunctions,
  FUNCTION_RUNTIME,
  parseDeployArgs,
  planDeploy,
  requiredSettings,
  runDeploy,
  stageFunction,
  type DeployArgs,
  type DeployTools,
  type FunctionsAdmin,
} from './deploy';

/** the shape of WeChat's downloaded code-upload key (no real key) */
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'deploy-run-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.4.0' }));
  for (const name of ['shop', 'giftExpiry']) {
    mkdirSync(path.join(root, 'cloudfunctions', name), { recursive: true });
    cpSync(
      path.join(REPO_ROOT, 'cloudfunctions', name, 'package.json'),
      path.join(root, 'cloudfunctions', name, 'package.json'),
    );
    cpSync(
      path.join(REPO_ROOT, 'cloudfunctions', name, 'config.json'),
      path.join(root, 'cloudfunctions', name, 'config.json'),
    );
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const COMPLETE_ENV = {
  WX_APPID: 'wx0123456789abcdef',
  WX_PRIVATE_KEY_PATH: 'upload.key',
  WX_CLOUD_ENV: 'shop-prod-1',
  TCB_SECRET_ID: 'AKIDexample',
  TCB_SECRET_KEY: 'secret',
  PAY_SUB_MCH_ID: '1900000109',
};

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  let toolsAskedFor = 0;
  const result = runDeploy({
    argv,
    env,
    root,
    log: (line) => lines.push(line),
    tools: () => {
      toolsAskedFor += 1;
      throw new Error('this test never builds or uploads');
    },
  });
  return result.then((code) => ({ code, output: lines.join('\n'), toolsAskedFor }));
}

const parsed = (argv: string[]): DeployArgs => {
  const result = parseDeployArgs(argv, '1.4.0');
  if (!result.ok) throw new Error(result.message);
  return result.args;
};

describe('npm run deploy / preview without complete settings', () => {
  const APP = ['WX_APPID', 'WX_PRIVATE_KEY_PATH'];
  const FUNCTIONS = ['TCB_SECRET_ID', 'TCB_SECRET_KEY', 'PAY_SUB_MCH_ID'];
  it.each([
    [['deploy'], [...APP, ...FUNCTIONS], []],
    [['deploy', '--skip-build'], [...APP, ...FUNCTIONS], []],
    [['preview'], APP, FUNCTIONS],
    [['deploy', '--app-only'], APP, FUNCTIONS],
    [['deploy', '--functions-only'], FUNCTIONS, APP],
    // shop reads no PAY_SUB_MCH_ID (its config.json lists no environment)
    [
      ['deploy', '--function', 'shop'],
      ['TCB_SECRET_ID', 'TCB_SECRET_KEY'],
      [...APP, 'PAY_SUB_MCH_ID'],
    ],
  ])('%j: stops with exit 1, names what is missing, builds and uploads nothing', async (argv, named, notNamed) => {
    const { code, output, toolsAskedFor } = await run(argv);
    expect(code).toBe(1);
    expect(toolsAskedFor).toBe(0);
    for (const variable of ['WX_CLOUD_ENV', ...named]) expect(output).toContain(`设置环境变量 ${variable}`);
    for (const variable of notNamed) expect(output).not.toContain(variable);
    expect(output).toContain('未构建，也未发出任何请求');
  });

  it('refuses a PAY_SUB_MCH_ID that is not a merchant id, before building', async () => {
    const { code, output, toolsAskedFor } = await run(['deploy', '--functions-only'], {
      WX_CLOUD_ENV: 'shop-prod-1',
      TCB_SECRET_ID: 'AKIDexample',
      TCB_SECRET_KEY: 'secret',
      PAY_SUB_MCH_ID: 'mch-123',
    });
    expect([code, toolsAskedFor]).toEqual([1, 0]);
    expect(output).toContain('"mch-123" is not a merchant id');
  });

  it('with two settings present, names just the third', async () => {
    writeFileSync(path.join(root, 'upload.key'), PEM);
    writeFileSync(
      path.join(root, 'deploy.config.json'),
      JSON.stringify({ appid: 'wx0123456789abcdef', privateKeyPath: 'upload.key' }),
    );
    const { code, output, toolsAskedFor } = await run(['deploy']);
    expect([code, toolsAskedFor]).toEqual([1, 0]);
    expect(output).toContain('WX_CLOUD_ENV');
    expect(output).not.toContain('WX_APPID');
  });

  it('refuses unknown options and commands before reading any settings', async () => {
    for (const argv of [['deploy', '--force'], ['publish'], ['deploy', '--app-only', '--functions-only']]) {
      const { code, output, toolsAskedFor } = await run(argv);
      expect([code, toolsAskedFor]).toEqual([1, 0]);
      expect(output).toMatch(/usage/);
    }
  });

  it('refuses an unknown function name, before building', async () => {
    writeFileSync(path.join(root, 'upload.key'), PEM);
    const env = { WX_APPID: 'wx0123456789abcdef', WX_PRIVATE_KEY_PATH: 'upload.key', WX_CLOUD_ENV: 'shop-prod-1' };
    const { code, output, toolsAskedFor } = await run(['deploy', '--function', 'nosuch'], env);
    expect([code, toolsAskedFor]).toEqual([1, 0]);
    expect(output).toContain('no such cloud functions: nosuch');
  });

  it('with everything in place, goes on to the build (the first use of its tools)', async () => {
    writeFileSync(path.join(root, 'upload.key'), PEM);
    const { code, output, toolsAskedFor } = await run(['deploy'], COMPLETE_ENV);
    expect([code, toolsAskedFor]).toEqual([2, 1]);
    expect(output).toContain('this test never builds or uploads');
  });
});

describe('parseDeployArgs', () => {
  it('deploy uploads the app and every function, versioned from package.json', () => {
    expect(parsed(['deploy'])).toMatchObject({
      command: 'deploy',
      app: true,
      functions: true,
      only: [],
      build: true,
      version: '1.4.0',
      desc: 'release 1.4.0',
    });
  });

  it('--app-only, --functions-only, --function, --skip-build, --version, --desc', () => {
    expect(parsed(['deploy', '--app-only'])).toMatchObject({ app: true, functions: false });
    expect(parsed(['deploy', '--functions-only'])).toMatchObject({ app: false, functions: true, only: [] });
    expect(parsed(['deploy', '--function', 'gift', '--function', 'order'])).toMatchObject({
      app: false,
      functions: true,
      only: ['gift', 'order'],
    });
    expect(parsed(['deploy', '--skip-build', '--version', '2.0.1', '--desc', '春节版'])).toMatchObject({
      build: false,
      version: '2.0.1',
      desc: '春节版',
    });
  });

  it('preview: the app only, a QR code image under .tmp unless told where', () => {
    expect(parsed(['preview'])).toMatchObject({
      command: 'preview',
      app: true,
      functions: false,
      qrcodeFile: path.join(REPO_ROOT, '.tmp', 'preview-qrcode.jpg'),
    });
    expect(parsed(['preview', '--page', 'pages/index/index', '--qrcode', 'qr.jpg'])).toMatchObject({
      pagePath: 'pages/index/index',
      qrcodeFile: path.join(REPO_ROOT, 'qr.jpg'),
    });
    expect(parseDeployArgs(['preview', '--functions-only'], '1.0.0').ok).toBe(false);
  });

  it('refuses a version WeChat would not take', () => {
    const result = parseDeployArgs(['deploy', '--version', 'latest'], '1.0.0');
    expect(result.ok ? 'accepted' : result.message).toContain('--version must look like 1.2.3');
  });
});

describe('planDeploy', () => {
  it('lists each function folder with the timer triggers of its config.json', () => {
    const plan = planDeploy(parsed(['deploy']), path.join(root, 'cloudfunctions'));
    expect(plan.app).toBe(true);
    expect(plan.functions.map((fn) => fn.name)).toEqual(['giftExpiry', 'shop']);
    expect(plan.functions[0]?.config.triggers).toEqual([
      { name: 'giftExpirySweep', type: 'timer', config: '0 */5 * * * * *' },
    ]);
    expect(plan.functions[1]?.config.triggers).toBeUndefined();
  });

  it('refuses a config.json whose timer is not a 7-field cron, before anything is uploaded', () => {
    writeFileSync(
      path.join(root, 'cloudfunctions', 'shop', 'config.json'),
      JSON.stringify({
        timeout: 5,
        memorySize: 128,
        triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * *' }],
      }),
    );
    expect(() => planDeploy(parsed(['deploy']), path.join(root, 'cloudfunctions'))).toThrow(/expected 7 fields/);
  });
});

describe('stageFunction', () => {
  it('uploads the bundle, package.json and config.json, not the sources or the map', () => {
    const [fn] = planDeploy(parsed(['deploy', '--function', 'shop']), path.join(root, 'cloudfunctions')).functions;
    if (!fn) throw new Error('no shop function');
    mkdirSync(path.join(fn.dir, 'src'));
    writeFileSync(path.join(fn.dir, 'src', 'index.ts'), 'export {};');
    writeFileSync(path.join(fn.dir, 'index.js.map'), '{}');
    expect(() => stageFunction(fn, path.join(root, 'staging'))).toThrow(
      /index\.js missing: run npm run build:functions/,
    );
    writeFileSync(path.join(fn.dir, 'index.js'), "require('wx-server-sdk');");
    const staged = stageFunction(fn, path.join(root, 'staging'));
    expect(readdirSync(staged).sort()).toEqual(['config.json', 'index.js', 'package.json']);
  });
});

describe('FUNCTION_RUNTIME', () => {
  it('is the CloudBase Node runtime of the major version scripts/build-functions.ts bundles for', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'scripts', 'build-functions.ts'), 'utf8');
    const target = /target: 'node(\d+)'/.exec(source)?.[1];
    expect(target).toBeDefined();
    expect(FUNCTION_RUNTIME).toMatch(new RegExp(`^Nodejs${target}\\.\\d+$`));
  });
});

describe('requiredSettings', () => {
  it('asks for the upload key only with the app, for API keys and variables only with functions', () => {
    const functionsRoot = path.join(root, 'cloudfunctions');
    expect(requiredSettings(planDeploy(parsed(['preview']), functionsRoot))).toEqual([
      'appid',
      'privateKeyPath',
      'envId',
    ]);
    expect(requiredSettings(planDeploy(parsed(['deploy', '--function', 'shop']), functionsRoot))).toEqual([
      'envId',
      'secretId',
      'secretKey',
    ]);
    expect(requiredSettings(planDeploy(parsed(['deploy']), functionsRoot))).toEqual([
      'appid',
      'privateKeyPath',
      'envId',
      'secretId',
      'secretKey',
      'paySubMchId',
    ]);
  });
});

/** A stand-in for @cloudbase/manager-node's functions service that records each call and its arguments. */
function recordingAdmin(existing: string[]) {
  const calls: [string, ...unknown[]][] = [];
  const admin: FunctionsAdmin = {
    listAllFunctions: async (options) => {
      calls.push(['listAllFunctions', options]);
      return existing.map((name) => ({ FunctionName: name }));
    },
    createFunction: async (param) => {
      calls.push(['createFunction', param]);
      return { RequestId: 'create' };
    },
    updateFunctionCode: async (param) => {
      calls.push(['updateFunctionCode', param]);
      return { RequestId: 'code' };
    },
    waitFunctionActive: async (name) => {
      calls.push(['waitFunctionActive', name]);
    },
    updateFunctionConfig: async (func) => {
      calls.push(['updateFunctionConfig', func]);
      return { RequestId: 'config' };
    },
    createFunctionTriggers: async (name, triggers) => {
      calls.push(['createFunctionTriggers', name, triggers]);
      return { RequestId: 'triggers' };
    },
  };
  return { admin, calls };
}

const writeBundles = () => {
  for (const name of ['shop', 'giftExpiry']) {
    writeFileSync(path.join(root, 'cloudfunctions', name, 'index.js'), "require('wx-server-sdk');");
  }
};

describe('deployFunctions (cloud functions through @cloudbase/manager-node)', () => {
  const settings = { envId: 'shop-prod-1', paySubMchId: '1900000109' };
  const staged = (name: string) => path.join(root, '.tmp', 'deploy-functions', name);

  it('creates a missing function with its whole configuration; updates an existing one', async () => {
    writeBundles();
    const { admin, calls } = recordingAdmin(['shop', 'order']);
    const lines: string[] = [];
    const plan = planDeploy(parsed(['deploy']), path.join(root, 'cloudfunctions'));
    await deployFunctions(plan.functions, settings, admin, { root, log: (line) => lines.push(line) });

    const giftExpiry = {
      name: 'giftExpiry',
      runtime: FUNCTION_RUNTIME,
      handler: 'index.main',
      installDependency: true,
      timeout: 20,
      memorySize: 256,
      envVariables: { PAY_SUB_MCH_ID: '1900000109' },
    };
    const shop = {
      name: 'shop',
      runtime: FUNCTION_RUNTIME,
      handler: 'index.main',
      installDependency: true,
      timeout: 5,
      memorySize: 128,
      envVariables: {},
    };
    expect(calls).toEqual([
      ['listAllFunctions', { envId: 'shop-prod-1' }],
      [
        'createFunction',
        {
          func: { ...giftExpiry, triggers: [{ name: 'giftExpirySweep', type: 'timer', config: '0 */5 * * * * *' }] },
          functionPath: staged('giftExpiry'),
          force: false,
        },
      ],
      ['updateFunctionCode', { func: shop, functionPath: staged('shop') }],
      ['waitFunctionActive', 'shop'],
      ['updateFunctionConfig', shop],
      ['waitFunctionActive', 'shop'],
    ]);
    expect(readdirSync(staged('shop')).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    expect(lines.join('\n')).toContain('giftExpiry: 已创建 / created (Nodejs16.13, 20 s, 256 MB) → shop-prod-1');
    expect(lines.join('\n')).toContain('环境变量 / environment variables: PAY_SUB_MCH_ID');
  });

  it('sets the timer triggers of an existing function after its configuration', async () => {
    writeBundles();
    const { admin, calls } = recordingAdmin(['giftExpiry']);
    const plan = planDeploy(parsed(['deploy', '--function', 'giftExpiry']), path.join(root, 'cloudfunctions'));
    await deployFunctions(plan.functions, settings, admin, { root, log: () => undefined });
    expect(calls.map(([name]) => name)).toEqual([
      'listAllFunctions',
      'updateFunctionCode',
      'waitFunctionActive',
      'updateFunctionConfig',
      'waitFunctionActive',
      'createFunctionTriggers',
    ]);
    expect(calls.at(-1)).toEqual([
      'createFunctionTriggers',
      'giftExpiry',
      [{ name: 'giftExpirySweep', type: 'timer', config: '0 */5 * * * * *' }],
    ]);
  });

  it('npm run deploy --functions-only: builds the functions, then hands the manager its settings', async () => {
    writeFileSync(path.join(root, 'upload.key'), PEM);
    const { admin, calls } = recordingAdmin([]);
    const steps: string[] = [];
    const tools: DeployTools = {
      npm: (script, env) => {
        steps.push(`npm ${script} ${String(env.WX_CLOUD_ENV)}`);
        writeBundles();
      },
      ci: {} as DeployTools['ci'],
      functions: (managerSettings) => {
        steps.push(`manager ${JSON.stringify(managerSettings)}`);
        return admin;
      },
    };
    const lines: string[] = [];
    const code = await runDeploy({
      argv: ['deploy', '--functions-only'],
      env: COMPLETE_ENV,
      root,
      log: (line) => lines.push(line),
      tools: () => tools,
    });
    expect([code, lines.join('\n')]).toEqual([0, expect.stringContaining('shop: 已创建 / created')]);
    expect(steps).toEqual([
      'npm build:functions shop-prod-1',
      'manager {"envId":"shop-prod-1","secretId":"AKIDexample","secretKey":"secret"}',
    ]);
    expect(calls.filter(([name]) => name === 'createFunction')).toHaveLength(2);
  });
});
