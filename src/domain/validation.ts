/**
 * Request validation with zod 4. A failed parse becomes COMMON.INVALID_ARGUMENT with one Chinese
 * sentence naming the field, e.g. '参数错误：limit 不能大于 50' or '参数错误：缺少 productId'. Only the first issue is reported:
 * the client fixes one thing at a time and the message stays readable on a phone.
 */
import type * as z from 'zod';
import { CommonErrors, failWith } from './errors';
import { ok, type Fail, type Result } from './result';
import { clipForMessage } from './text';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
  bigint: '整数',
  null: 'null',
};

/** ['items', 0, 'skuId'] → 'items[0].skuId'. Keys can come from the caller: each is clipped. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${clipForMessage(String(key))}` : clipForMessage(String(key));
  }
  return text;
}

/** Unknown keys are the caller's text: name a few, clipped, never thousands. */
const MAX_KEYS_NAMED = 3;

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

const sizeUnit = (origin: string): string =>
  origin === 'string' ? '个字符' : origin === 'array' || origin === 'set' ? '项' : '';

/** A schema's own Chinese message (e.g. the address rules) is clearer than any generic wording. */
const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

function describeIssue(issue: Issue, input: unknown): string {
  const field = fieldPath(issue.path);
  const subject = field || '请求';
  if (issue.code !== 'custom' && hasChinese(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      // zod drops the input from issues; look the value up, or fall back on zod's own wording.
      const missing =
        input !== undefined ? valueAt(input, issue.path) === undefined : /received undefined/.test(issue.message);
      if (missing && field) return `缺少 ${field}`;
      return `${subject} 应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      const minimum = String(issue.minimum);
      if (unit) return `${subject} 长度不能少于 ${minimum} ${unit}`;
      return issue.inclusive === false ? `${subject} 必须大于 ${minimum}` : `${subject} 不能小于 ${minimum}`;
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      const maximum = String(issue.maximum);
      if (unit) return `${subject} 长度不能超过 ${maximum} ${unit}`;
      return issue.inclusive === false ? `${subject} 必须小于 ${maximum}` : `${subject} 不能大于 ${maximum}`;
    }
    case 'invalid_value':
      return `${subject} 取值无效，可选值：${issue.values.map((value) => String(value)).join('、')}`;
    case 'invalid_format':
      return `${subject} 格式不正确`;
    case 'not_multiple_of':
      return `${subject} 必须是 ${issue.divisor} 的整数倍`;
    case 'unrecognized_keys': {
      const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((key) => fieldPath([...issue.path, key]));
      const more = issue.keys.length > MAX_KEYS_NAMED ? ` 等${issue.keys.length}个` : '';
      return `不支持的参数 ${named.join('、')}${more}`;
    }
    case 'custom':
      // refinements carry their own Chinese message
      return issue.message ? `${subject} ${issue.message}` : `${subject} 无效`;
    default:
      return `${subject} 无效`;
  }
}

/** A zod error as the INVALID_ARGUMENT failure the client sees. `input` lets it tell "missing" apart. */
export function validationFailure(error: z.ZodError, input?: unknown): Fail {
  const first = error.issues[0];
  const detail = first ? describeIssue(first, input) : '请求无效';
  return failWith(CommonErrors.INVALID_ARGUMENT, `${CommonErrors.INVALID_ARGUMENT.message}：${detail}`);
}

/** Parse `input` with `schema`: ok(parsed) or the INVALID_ARGUMENT failure. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : validationFailure(parsed.error, input);
}
