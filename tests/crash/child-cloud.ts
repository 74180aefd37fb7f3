/**
 * The local cloud in a child process (`tsx local-cloud/cli.ts`), so a test can SIGKILL it the way a
 * crash would and start it again on the same data folder. Timers run only when the test advances
 * the clock (--no-real-timers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const STARTUP_LIMIT_MS = 60_000;

export interface ChildCloud {
  url: string;
  /** POST /functions/<name> as `openid`; the parsed body (any status) */
  call<T = unknown>(name: string, event: object, openid?: string): Promise<{ status: number; body: T }>;
  post<T = unknown>(pathname: string, body: object): Promise<{ status: number; body: T }>;
  get<T = unknown>(pathname: string): Promise<T>;
  /** POST /_dev/clock { advanceMs }: resolves when everything due has run */
  advance(ms: number): Promise<void>;
  /** SIGKILL: no shutdown code runs; resolves when the process is gone */
  kill(): Promise<void>;
  /** SIGTERM: the cloud's own orderly stop */
  stop(): Promise<void>;
  output(): string;
}

export async function startChildCloud(options: { dataDir: string; functionsDir: string }): Promise<ChildCloud> {
  const child = spawn(
    process.execPath,
    // tsx as a loader in this one process (its cli would run the cloud in a grandchild a kill misses)
    [
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'local-cloud', 'cli.ts'),
      '--port',
      '0',
      '--data',
      options.dataDir,
      '--functions',
      options.functionsDir,
      '--workers',
      '4',
      '--no-real-timers',
    ],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // if the test process ends first (timeout, failure), the cloud ends with it
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${output}`)), STARTUP_LIMIT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /local cloud on (http:\/\/[^\s]+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code} before it started:\n${output}`));
    });
  });

  const request = async <T>(pathname: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}${pathname}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const post = <T>(pathname: string, body: object, headers: Record<string, string> = {}) =>
    request<T>(pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const signal = async (name: NodeJS.Signals, process: ChildProcess) => {
    if (process.exitCode === null && process.signalCode === null) process.kill(name);
    await exited;
  };

  return {
    url,
    call: (name, event, openid = 'o-crash-test') =>
      post(`/functions/${encodeURIComponent(name)}`, event, { 'X-WX-OPENID': openid }),
    post,
    get: async <T>(pathname: string) => {
      const answer = await request<T>(pathname);
      if (answer.status !== 200) throw new Error(`GET ${pathname} → ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    advance: async (ms) => {
      const answer = await post('/_dev/clock', { advanceMs: ms });
      if (answer.status !== 200) throw new Error(`advance ${ms} → ${answer.status}: ${JSON.stringify(answer.body)}`);
    },
    kill: () => signal('SIGKILL', child),
    stop: () => signal('SIGTERM', child),
    output: () => output,
  };
}
