import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud';

export const FIXTURE_FUNCTIONS = path.join(__dirname, 'fixtures', 'cloudfunctions');

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `local-cloud-${label}-`));
}

/** A local cloud on a random port over the fixture functions, timers driven by the test only. */
export async function startTestCloud(
  options: Partial<LocalCloudOptions> & { lines?: string[] } = {},
): Promise<LocalCloud> {
  const { lines, ...rest } = options;
  return startLocalCloud({
    port: 0,
    dataDir: tempDataDir('suite'),
    functionsDir: FIXTURE_FUNCTIONS,
    realTimers: false,
    log: (line) => lines?.push(line),
    ...rest,
  });
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function postJson<T = unknown>(
  url: string,
  body: string | object,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export async function getJson<T = unknown>(url: string): Promise<JsonResponse<T>> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}
