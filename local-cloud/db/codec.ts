/**
 * Value encodings of the local cloud database.
 *
 * - Wire in: canonical EJSON strings from wx-server-sdk (bson 4.7.2 inside @cloudbase/database).
 *   bson 6 reads them, except two things the SDK sends that bson does not know or rejects:
 *   `$tcb_server_date` (db.serverDate()) and regex flags like `g`/`y`. Both are rewritten on the
 *   raw JSON tree before bson sees it. `BSONRegExp` is turned into a JS RegExp because mingo only
 *   matches JS RegExps.
 * - Wire out: `EJSON.stringify(doc, { relaxed: false })`, which the SDK parses back into Dates/numbers.
 * - Storage: JSON with plain numbers and strings (so SQLite's json_extract can index them) and
 *   type-preserving wrappers for the rest: Date → {"$date": ms}, RegExp → {"$regularExpression": ...},
 *   other BSON values → canonical EJSON.
 */
import { EJSON, BSONRegExp } from 'bson';

export type Doc = Record<string, unknown>;

/** Flags JavaScript's RegExp understands and bson accepts (bson rejects g/y, JS rejects x/l). */
const PORTABLE_REGEX_FLAGS = 'imsu';
/** Flags bson's EJSON parser accepts. */
const BSON_REGEX_FLAGS = 'ilmsux';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function keepFlags(options: string, allowed: string): string {
  return [...new Set(options.split(''))].filter((flag) => allowed.includes(flag)).join('');
}

/** Raw JSON tree → tree that bson's EJSON accepts, with server dates resolved against `nowMs`. */
function prepareWireTree(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((item) => prepareWireTree(item, nowMs));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = value.$tcb_server_date;
    const rawOffset = isPlainObject(spec) ? spec.offset : undefined;
    const offset = rawOffset === undefined ? 0 : Number(EJSON.deserialize({ v: rawOffset }, { relaxed: true }).v);
    if (!Number.isFinite(offset)) throw new CodecError(`invalid $tcb_server_date offset ${JSON.stringify(rawOffset)}`);
    return { $date: { $numberLong: String(Math.trunc(nowMs + offset)) } };
  }
  if (keys.length === 1 && keys[0] === '$regularExpression' && isPlainObject(value.$regularExpression)) {
    const { pattern, options } = value.$regularExpression;
    return { $regularExpression: { pattern, options: keepFlags(String(options ?? ''), BSON_REGEX_FLAGS) } };
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = prepareWireTree(value[key], nowMs);
  return out;
}

/** After bson: BSONRegExp → RegExp, Int32/Double wrappers → numbers; everything else kept. */
function toQueryValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toQueryValues);
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, keepFlags(value.options, PORTABLE_REGEX_FLAGS));
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType === 'Int32' || bsonType === 'Double') return (value as { valueOf(): number }).valueOf();
  if (bsonType !== undefined) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toQueryValues(item);
  return out;
}

export class CodecError extends Error {}

/** Decode one EJSON string (query, data, order, projection, stage value) sent by the SDK. */
export function decodeWire(text: unknown, nowMs: number): unknown {
  if (typeof text !== 'string') throw new CodecError(`expected an EJSON string, got ${typeof text}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CodecError(`invalid EJSON: ${(error as Error).message}`);
  }
  return decodeWireTree(raw, nowMs);
}

/** Same as decodeWire for an already JSON-parsed tree. */
export function decodeWireTree(raw: unknown, nowMs: number): unknown {
  try {
    return toQueryValues(EJSON.deserialize(prepareWireTree(raw, nowMs) as Doc, { relaxed: true }));
  } catch (error) {
    if (error instanceof CodecError) throw error;
    throw new CodecError(`invalid EJSON: ${(error as Error).message}`);
  }
}

/** Remove `undefined` (JSON and EJSON would turn array holes into null and keep keys). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : withoutUndefined(item)));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item);
  return out;
}

/**
 * A document for a getDocument reply: ObjectId values as their 24-hex string. node-sdk rebuilds
 * `doc().get()` / `where().get()` results field by field (Util.formatField), which turns a bson
 * ObjectId into `{}`, losing it; aggregation results are not rebuilt and keep real ObjectIds.
 */
export function encodeDocumentReply(doc: unknown): string {
  return encodeReply(objectIdsAsHex(doc));
}

function objectIdsAsHex(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(objectIdsAsHex);
  if (value !== null && typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'ObjectId') {
    return (value as { toHexString(): string }).toHexString();
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = objectIdsAsHex(item);
  return out;
}

/** One document as the SDK wants it in `data.list`: a canonical EJSON string. */
export function encodeReply(doc: unknown): string {
  return EJSON.stringify(withoutUndefined(doc) as Doc, { relaxed: false });
}

function toStorageTree(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : { $numberDouble: String(value) };
  }
  if (typeof value === 'bigint') return { $numberLong: value.toString() };
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : { $date: ms };
  }
  if (value instanceof RegExp) {
    return { $regularExpression: { pattern: value.source, options: keepFlags(value.flags, PORTABLE_REGEX_FLAGS) } };
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toStorageTree(item)));
  if (typeof value !== 'object') return undefined; // functions, symbols: dropped like JSON does
  if ((value as { _bsontype?: string })._bsontype !== undefined) {
    return EJSON.serialize(value, { relaxed: false });
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const stored = toStorageTree(item);
    if (stored !== undefined) out[key] = stored;
  }
  return out;
}

/** Document → the JSON text stored in SQLite. */
export function encodeStored(doc: unknown): string {
  return JSON.stringify(toStorageTree(doc));
}

/** Stored JSON text → document with Dates, RegExps and numbers restored. */
export function decodeStored(text: string): Doc {
  const raw = JSON.parse(text) as Doc;
  // Fast path: no "$" key anywhere means plain JSON is already the document.
  if (!text.includes('"$')) return raw;
  return toQueryValues(EJSON.deserialize(raw, { relaxed: true })) as Doc;
}

/** Deep copy that keeps Dates, RegExps and BSON values. */
export function cloneDoc<T>(doc: T): T {
  return decodeStored(encodeStored(doc)) as T;
}
