/**
 * The deployed functions: every <functionsDir>/<name>/index.js (the bundled build, exports.main) with
 * its optional config.json ({ timeout: seconds, triggers: [{ name, type: 'timer', config: cron }] }).
 * Read from disk on demand, so functions built while the cloud runs are picked up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TimerTrigger } from '@local-cloud/clock';

export const DEFAULT_TIMEOUT_SECONDS = 3;
export const MAX_TIMEOUT_SECONDS = 60;

export interface FunctionDeployment {
  name: string;
  entry: string;
  /** mtime of index.js: a change means new workers load the new code */
  version: number;
  timeoutMs: number;
  triggers: TimerTrigger[];
}

interface RawConfig {
  timeout?: unknown;
  triggers?: unknown;
}

const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export class FunctionRegistry {
  constructor(private readonly functionsDir: string) {}

  names(): string[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.functionsDir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries
      .filter((entry) => entry.isDirectory() && FUNCTION_NAME.test(entry.name))
      .filter((entry) => fs.existsSync(path.join(this.functionsDir, entry.name, 'index.js')))
      .map((entry) => entry.name)
      .sort();
  }

  /** The deployment of `name`, or undefined when no such function is built. */
  get(name: string): FunctionDeployment | undefined {
    if (!FUNCTION_NAME.test(name)) return undefined;
    const directory = path.join(this.functionsDir, name);
    const entry = path.join(directory, 'index.js');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      return undefined;
    }
    const config = readConfig(path.join(directory, 'config.json'));
    const timeoutSeconds =
      typeof config.timeout === 'number' && config.timeout > 0
        ? Math.min(config.timeout, MAX_TIMEOUT_SECONDS)
        : DEFAULT_TIMEOUT_SECONDS;
    return {
      name,
      entry,
      version: stat.mtimeMs,
      timeoutMs: timeoutSeconds * 1000,
      triggers: timerTriggers(name, config),
    };
  }

  allTriggers(): TimerTrigger[] {
    return this.names().flatMap((name) => this.get(name)?.triggers ?? []);
  }
}

function readConfig(file: string): RawConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as RawConfig) : {};
}

function timerTriggers(functionName: string, config: RawConfig): TimerTrigger[] {
  if (!Array.isArray(config.triggers)) return [];
  return config.triggers.flatMap((raw: unknown) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const { name, type, config: cron } = raw as { name?: unknown; type?: unknown; config?: unknown };
    if (type !== 'timer' || typeof name !== 'string' || typeof cron !== 'string') return [];
    return [{ functionName, triggerName: name, cron }];
  });
}
