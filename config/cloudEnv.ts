/**
 * The one place the cloud environment id comes from, for the weapp build (wx.cloud.init in
 * src/platform/cloudTransport.ts) and for npm run deploy / db:apply (scripts/deploy/config.ts):
 * WX_CLOUD_ENV, else "envId" in the git-ignored deploy.config.json at the repo root, else '' (no env
 * given: wx.cloud.init uses the environment DevTools has selected, or the account's first one).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DEPLOY_CONFIG_FILE = 'deploy.config.json';
export const CLOUD_ENV_VAR = 'WX_CLOUD_ENV';
export const CLOUD_ENV_KEY = 'envId';

const repoRoot = path.resolve(__dirname, '..');

/** deploy.config.json's object, {} when there is no such file. Throws on a file that is not a JSON object. */
export function readDeployConfigFile(root: string = repoRoot): Record<string, unknown> {
  const file = path.join(root, DEPLOY_CONFIG_FILE);
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${DEPLOY_CONFIG_FILE} 不是合法的 JSON / is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${DEPLOY_CONFIG_FILE} 应是一个 JSON 对象 / must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

export function cloudEnvIdForBuild(env: NodeJS.ProcessEnv = process.env, root: string = repoRoot): string {
  const fromEnv = env[CLOUD_ENV_VAR]?.trim();
  if (fromEnv) return fromEnv;
  const fromFile = readDeployConfigFile(root)[CLOUD_ENV_KEY];
  return typeof fromFile === 'string' ? fromFile.trim() : '';
}
