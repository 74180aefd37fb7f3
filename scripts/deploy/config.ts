/**
 * Where the deploy tooling gets the merchant's settings (the env id the same way as the weapp build,
 * config/cloudEnv.ts): environment variables first, then the git-ignored deploy.config.json at the repo root (deploy.config.example.json
 * shows its shape). Reading settings never touches the network; a missing or malformed setting is
 * reported by name, in Chinese and English, before anything is built or uploaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOUD_ENV_KEY, CLOUD_ENV_VAR, DEPLOY_CONFIG_FILE, readDeployConfigFile } from '../../config/cloudEnv';

export { DEPLOY_CONFIG_FILE };
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The placeholder appids of project.config.json: DevTools opens them, WeChat uploads refuse them. */
const PLACEHOLDER_APPIDS = new Set(['touristappid', 'wx0000000000000000-replace-with-your-appid']);

export interface SettingSpec {
  /** key in deploy.config.json */
  key: string;
  /** environment variable that overrides the file */
  envVar: string;
  /** what it is, shown when it is missing */
  zh: string;
  en: string;
  /** an error for a present but unusable value, or null when it is fine */
  check?: (value: string, root: string) => string | null;
}

const APPID_PATTERN = /^wx[0-9a-f]{16}$/;
const ENV_ID_PATTERN = /^[a-z][a-z0-9-]{3,39}$/;

export const SETTINGS = {
  appid: {
    key: 'appid',
    envVar: 'WX_APPID',
    zh: '小程序 AppID（微信公众平台 → 开发管理 → 开发设置）',
    en: 'the mini program AppID (mp.weixin.qq.com → Development → Settings)',
    check: (value) =>
      PLACEHOLDER_APPIDS.has(value)
        ? `"${value}" 是占位 AppID，请换成你自己的 / "${value}" is the placeholder AppID; use your own`
        : APPID_PATTERN.test(value)
          ? null
          : `"${value}" 不是 AppID（wx 加 16 位十六进制）/ "${value}" is not an AppID (wx + 16 hex digits)`,
  },
  privateKeyPath: {
    key: 'privateKeyPath',
    envVar: 'WX_PRIVATE_KEY_PATH',
    zh: '代码上传密钥文件路径（开发管理 → 开发设置 → 小程序代码上传）',
    en: 'the path of the code-upload private key (Development → Settings → code upload key)',
    check: (value, root) => {
      const file = path.resolve(root, value);
      if (!existsSync(file)) return `找不到密钥文件 ${value} / private key file not found: ${value}`;
      // WeChat's download is a PEM file: "-----BEGIN RSA PRIVATE KEY-----"
      return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(readFileSync(file, 'utf8'))
        ? null
        : `${value} 不是代码上传密钥（PEM 私钥）/ ${value} is not the code-upload key (a PEM private key)`;
    },
  },
  envId: {
    key: CLOUD_ENV_KEY,
    envVar: CLOUD_ENV_VAR,
    zh: '云开发环境 ID（云开发控制台 → 设置 → 环境 ID）',
    en: 'the cloud environment id (CloudBase console → Settings → Env ID)',
    check: (value) =>
      ENV_ID_PATTERN.test(value) ? null : `"${value}" 不是云环境 ID / "${value}" is not a cloud environment id`,
  },
  secretId: {
    key: 'secretId',
    envVar: 'TCB_SECRET_ID',
    zh: '腾讯云 API 密钥 SecretId（访问管理 → API 密钥管理）',
    en: 'a Tencent Cloud API SecretId (CAM → API keys)',
  },
  secretKey: {
    key: 'secretKey',
    envVar: 'TCB_SECRET_KEY',
    zh: '腾讯云 API 密钥 SecretKey',
    en: 'the matching Tencent Cloud API SecretKey',
  },
  paySubMchId: {
    key: 'paySubMchId',
    // the same name as the function environment variable server/payment.ts reads
    envVar: 'PAY_SUB_MCH_ID',
    zh: '微信支付特约商户号（云开发控制台 → 设置 → 其他设置 → 微信支付配置）',
    en: 'the WeChat Pay sub-merchant id bound to the cloud environment (CloudBase console → WeChat Pay)',
    check: (value) =>
      /^\d{8,12}$/.test(value)
        ? null
        : `"${value}" 不是商户号（8–12 位数字）/ "${value}" is not a merchant id (8–12 digits)`,
  },
} satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;
export type Settings<Name extends SettingName> = Record<Name, string>;

export interface SettingsSource {
  env: NodeJS.ProcessEnv;
  /** the repo root: deploy.config.json and relative key paths are resolved against it */
  root: string;
}

export type SettingsResult<Name extends SettingName> =
  { ok: true; settings: Settings<Name> } | { ok: false; problems: string[]; message: string };

/**
 * The named settings, each from its environment variable or else deploy.config.json. Every missing or
 * unusable one is listed (not just the first), so one run tells the merchant everything to fix.
 */
export function resolveSettings<Name extends SettingName>(
  names: readonly Name[],
  source: SettingsSource,
): SettingsResult<Name> {
  let file: Record<string, unknown>;
  try {
    file = readDeployConfigFile(source.root);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problem], message: explain([problem]) };
  }
  const problems: string[] = [];
  const settings = {} as Settings<Name>;
  for (const name of names) {
    const spec: SettingSpec = SETTINGS[name];
    const fromEnv = source.env[spec.envVar]?.trim();
    const fromFile = file[spec.key];
    const value = fromEnv || (typeof fromFile === 'string' ? fromFile.trim() : '');
    if (!value) {
      problems.push(
        `缺少 ${spec.zh}：设置环境变量 ${spec.envVar} 或在 ${DEPLOY_CONFIG_FILE} 中填写 "${spec.key}"` +
          ` / missing ${spec.en}: set ${spec.envVar} or "${spec.key}" in ${DEPLOY_CONFIG_FILE}`,
      );
      continue;
    }
    const invalid = spec.check?.(value, source.root) ?? null;
    if (invalid) {
      problems.push(`${spec.envVar} / ${spec.key}: ${invalid}`);
      continue;
    }
    settings[name] = name === 'privateKeyPath' ? path.resolve(source.root, value) : value;
  }
  if (problems.length > 0) return { ok: false, problems, message: explain(problems) };
  return { ok: true, settings };
}

function explain(problems: readonly string[]): string {
  return [
    '配置不完整：未构建，也未发出任何请求 / Configuration incomplete: nothing was built or sent.',
    ...problems.map((problem) => `  - ${problem}`),
    `参见 / see ${DEPLOY_CONFIG_FILE.replace('.json', '.example.json')} 与 docs/merchant-guide.md`,
  ].join('\n');
}
