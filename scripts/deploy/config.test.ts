import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cloudEnvIdForBuild } from '../../config/cloudEnv';
import { REPO_ROOT, resolveSettings } from './config';

const APPID = 'wx0123456789abcdef';
/** the shape of WeChat's downloaded code-upload key (no real key) */
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'deploy-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const writeConfig = (content: unknown) =>
  writeFileSync(path.join(root, 'deploy.config.json'), typeof content === 'string' ? content : JSON.stringify(content));
const writeKey = (name = 'private.key') => writeFileSync(path.join(root, name), PEM);

describe('resolveSettings', () => {
  it('names every missing setting, its variable and its file key, in Chinese and English', () => {
    const result = resolveSettings(['appid', 'privateKeyPath', 'envId'], { env: {}, root });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    for (const [variable, key] of [
      ['WX_APPID', 'appid'],
      ['WX_PRIVATE_KEY_PATH', 'privateKeyPath'],
      ['WX_CLOUD_ENV', 'envId'],
    ]) {
      expect(result.message).toContain(`set ${variable} or "${key}" in deploy.config.json`);
      expect(result.message).toContain(`设置环境变量 ${variable}`);
    }
    expect(result.message).toContain('nothing was built or sent');
  });

  it('names only what is missing', () => {
    writeKey();
    const result = resolveSettings(['appid', 'privateKeyPath', 'envId'], {
      env: { WX_APPID: APPID, WX_PRIVATE_KEY_PATH: 'private.key' },
      root,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.stringContaining('WX_CLOUD_ENV')]);
  });

  it('reads deploy.config.json, with environment variables taking precedence', () => {
    writeKey('from-file.key');
    writeConfig({ appid: 'wxffffffffffffffff', privateKeyPath: 'from-file.key', envId: 'file-env-1' });
    const result = resolveSettings(['appid', 'privateKeyPath', 'envId'], {
      env: { WX_APPID: APPID },
      root,
    });
    expect(result).toEqual({
      ok: true,
      settings: { appid: APPID, privateKeyPath: path.join(root, 'from-file.key'), envId: 'file-env-1' },
    });
  });

  it('refuses the placeholder appids, malformed appids and env ids, and a key file that is not there', () => {
    for (const [appid, expected] of [
      ['touristappid', 'placeholder'],
      ['wx0000000000000000-replace-with-your-appid', 'placeholder'],
      ['wx123', 'is not an AppID'],
    ] as const) {
      const result = resolveSettings(['appid'], { env: { WX_APPID: appid }, root });
      expect(result.ok ? 'accepted' : result.message).toContain(expected);
    }
    const env = resolveSettings(['envId'], { env: { WX_CLOUD_ENV: 'Not An Env' }, root });
    expect(env.ok ? 'accepted' : env.message).toContain('is not a cloud environment id');
    const key = resolveSettings(['privateKeyPath'], { env: { WX_PRIVATE_KEY_PATH: 'nowhere.key' }, root });
    expect(key.ok ? 'accepted' : key.message).toContain('private key file not found: nowhere.key');
    writeFileSync(path.join(root, 'notes.txt'), 'my key is somewhere');
    const notKey = resolveSettings(['privateKeyPath'], { env: { WX_PRIVATE_KEY_PATH: 'notes.txt' }, root });
    expect(notKey.ok ? 'accepted' : notKey.message).toContain('notes.txt is not the code-upload key');
  });

  it('reports a deploy.config.json that is not a JSON object', () => {
    writeConfig('{ appid: ');
    const broken = resolveSettings(['appid'], { env: { WX_APPID: APPID }, root });
    expect(broken.ok ? 'accepted' : broken.message).toContain('deploy.config.json 不是合法的 JSON / is not valid JSON');
    writeConfig([]);
    const list = resolveSettings(['appid'], { env: { WX_APPID: APPID }, root });
    expect(list.ok ? 'accepted' : list.message).toContain('must hold a JSON object');
  });

  it('treats blank values as missing', () => {
    writeConfig({ secretId: '   ' });
    const result = resolveSettings(['secretId', 'secretKey'], { env: { TCB_SECRET_KEY: '' }, root });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringContaining('TCB_SECRET_ID'),
      expect.stringContaining('TCB_SECRET_KEY'),
    ]);
  });
});

describe('cloudEnvIdForBuild (the env id wx.cloud.init gets)', () => {
  it('is WX_CLOUD_ENV, else deploy.config.json envId, else empty', () => {
    expect(cloudEnvIdForBuild({}, root)).toBe('');
    writeConfig({ envId: 'shop-prod-1' });
    expect(cloudEnvIdForBuild({}, root)).toBe('shop-prod-1');
    expect(cloudEnvIdForBuild({ WX_CLOUD_ENV: 'shop-test-2' }, root)).toBe('shop-test-2');
  });
});

describe('project.config.json (what WeChat DevTools opens)', () => {
  const projectConfig = JSON.parse(readFileSync(path.join(REPO_ROOT, 'project.config.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('opens the weapp build and the cloud functions from the repo root', () => {
    expect(projectConfig).toMatchObject({
      compileType: 'miniprogram',
      miniprogramRoot: 'dist/',
      cloudfunctionRoot: 'cloudfunctions/',
    });
    // config/index.ts builds weapp into the folder DevTools opens
    expect(readFileSync(path.join(REPO_ROOT, 'config', 'index.ts'), 'utf8')).toMatch(
      /outputRoot: isH5 \? 'dist-h5' : 'dist'/,
    );
  });

  it('carries a placeholder appid that the deploy settings refuse', () => {
    const result = resolveSettings(['appid'], { env: { WX_APPID: String(projectConfig.appid) }, root });
    expect(result.ok ? 'accepted' : result.message).toContain('placeholder');
  });
});
