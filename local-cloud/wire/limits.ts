/**
 * Limits on what a request may carry, checked before anything recursive touches it. `JSON.parse` copes
 * with any nesting, but structured clone (postMessage to a function's worker), bson's EJSON and the
 * database's tree walkers recurse, and 6,000 levels overflow the stack. So nesting is measured by an
 * iterative scan of the raw text, and too-deep input never gets parsed.
 */

/** Deepest nesting of objects/arrays accepted in a JSON body or in an EJSON string inside one. */
export const MAX_JSON_DEPTH = 128;

/** Largest bodies, per route (bytes). */
export const BODY_LIMITS = {
  /** the CloudBase API: database documents, openapi media */
  admin: 20 * 1024 * 1024,
  /** a gateway event: SCF's own limit for an invocation's event is 6 MB */
  gateway: 6 * 1024 * 1024,
  /** /_dev/* control bodies */
  dev: 64 * 1024,
  /** one stored file (cloud storage upload) */
  storageFile: 20 * 1024 * 1024,
} as const;

/** Why a body was refused: an HTTP status and a stable code. */
export class RequestRejected extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 408 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRejected';
  }
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when the JSON text nests objects/arrays deeper than `maxDepth`. Brackets inside strings do not
 * count. One pass, no recursion; stops at the first level over the limit.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      // skip the string, honouring escapes
      for (index += 1; index < text.length; index += 1) {
        const inner = text.charCodeAt(index);
        if (inner === BACKSLASH) index += 1;
        else if (inner === QUOTE) break;
      }
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text; bytes that are not UTF-8 are refused rather than replaced. */
export function decodeUtf8(body: Uint8Array): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new RequestRejected(400, 'INVALID_UTF8', 'request body is not valid UTF-8');
  }
}

/** JSON text → value, refusing text nested deeper than MAX_JSON_DEPTH before parsing it. */
export function parseJsonText(text: string, what = 'request body'): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new RequestRejected(400, 'TOO_DEEP', `${what} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestRejected(400, 'INVALID_JSON', `${what} is not JSON: ${(error as Error).message}`);
  }
}

/** A JSON body (bytes) → value: strict UTF-8, depth limit, then JSON.parse. Empty → `whenEmpty`. */
export function parseJsonBody(body: Uint8Array, whenEmpty: unknown, what = 'request body'): unknown {
  const text = decodeUtf8(body);
  if (text.trim() === '') return whenEmpty;
  return parseJsonText(text, what);
}

/**
 * Every string in an (already depth-checked) parsed body that holds JSON itself — the SDK sends
 * queries, documents and `request_data` as JSON/EJSON text inside the JSON body — must be JSON and
 * nest no deeper than MAX_JSON_DEPTH either, since the database and the function runtime parse and
 * walk them. Iterative walk; throws RequestRejected(400, 'TOO_DEEP' | 'INVALID_JSON').
 */
export function assertEmbeddedJsonShallow(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      const first = next.trimStart().charCodeAt(0);
      if (first === OPEN_BRACE || first === OPEN_BRACKET) parseJsonText(next, 'a JSON string in the request');
    } else if (next !== null && typeof next === 'object') {
      // a loop, not push(...items): spreading a huge array overflows the argument limit
      for (const item of Array.isArray(next) ? (next as unknown[]) : Object.values(next)) pending.push(item);
    }
  }
}
