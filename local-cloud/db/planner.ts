/**
 * Query planner: finds the conditions of a MongoDB filter that SQLite can evaluate on an index,
 * without ever losing a document MongoDB would match. The SQL result is a *superset* of the
 * matches; every candidate is re-checked with mingo. Ordering is pushed down only when SQLite's
 * order is exactly MongoDB's for the values seen in that field.
 *
 * Why a condition can be pushed (field f indexed, so its value types are tracked on every write):
 * - f never held an array (or went through one): MongoDB's "array contains" matching does not
 *   exist in SQL, so such fields are never pushed (like a multikey index, the flag is sticky);
 * - f never held a BSON wrapper (Long/Decimal128) whose stored text would hide its numeric value;
 * - equality/$in with strings, numbers or Dates; ranges only with numbers or Dates (string ranges
 *   differ between SQLite's byte order and JS's UTF-16 order, so they stay in mingo).
 * The index expression maps a Date to its milliseconds; SQL then also returns numbers equal to
 * those milliseconds, which mingo drops (MongoDB never matches a number against a Date).
 */
import { isPlainObject, type Doc } from './codec';

export type TypeClass = 'null' | 'number' | 'string' | 'bool' | 'date' | 'object' | 'array' | 'exotic';
export type OrderSpec = [string, 1 | -1][];

export interface ResolvedIndex {
  /** MongoDB-style name, e.g. `categoryId_1_sales_-1`. */
  name: string;
  /** Name of the SQLite index. */
  sqlName: string;
  fields: { path: string; direction: 1 | -1 }[];
  unique: boolean;
}

export interface Plan {
  /** SQL conditions (ANDed), each implied by the filter. */
  where: string[];
  params: (string | number)[];
  /** The declared index SQLite is told to use, or null (primary key or full scan). */
  index: ResolvedIndex | null;
  /** For explain(): `_id_`, the index name, or null for a full scan. */
  indexName: string | null;
  /** True when ORDER BY reproduces MongoDB's order exactly, so results can stream. */
  orderPushed: boolean;
  orderSql: string;
  /** Filter by primary key: the id keys to look up. */
  idKeys: string[] | null;
}

export interface PlannerInput {
  filter: Doc;
  order: OrderSpec;
  indexes: ResolvedIndex[];
  /** Value classes seen in a tracked (indexed) path; undefined when the path is not tracked. */
  classesOf: (path: string) => ReadonlySet<TypeClass> | undefined;
  /** How `_id` values are keyed in the id column. */
  idKey: (value: unknown) => string;
}

const FIELD_PATTERN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

export function isIndexablePath(path: string): boolean {
  return FIELD_PATTERN.test(path) && path !== '_id';
}

/** SQL expression of a field: the number for numbers, the text for strings, ms for Dates. */
export function fieldExpr(path: string): string {
  const jsonPath =
    '$' +
    path
      .split('.')
      .map((segment) => `."${segment}"`)
      .join('');
  return `COALESCE(json_extract(doc, '${jsonPath}."$date"'), json_extract(doc, '${jsonPath}'))`;
}

type Condition =
  | { kind: 'eq'; values: (string | number)[]; raw: unknown[] }
  | { kind: 'range'; op: '>' | '>=' | '<' | '<='; value: number };

function equalityValue(value: unknown): string | number | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  return undefined;
}

function rangeValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  return undefined;
}

const RANGE_OPS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;

/** Conditions per field that every matching document satisfies (only top-level AND parts). */
function collectConditions(filter: Doc, into: Map<string, Condition[]>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collectConditions(part, into);
      continue;
    }
    if (key.startsWith('$')) continue; // $or, $nor, $expr, ...: not necessary conditions per field
    const add = (condition: Condition) => into.set(key, [...(into.get(key) ?? []), condition]);
    const operatorKeys = isPlainObject(value) ? Object.keys(value) : [];
    if (isPlainObject(value) && operatorKeys.length > 0 && operatorKeys.every((k) => k.startsWith('$'))) {
      for (const [op, operand] of Object.entries(value)) {
        if (op === '$eq') {
          const eq = equalityValue(operand);
          if (eq !== undefined) add({ kind: 'eq', values: [eq], raw: [operand] });
        } else if (op === '$in' && Array.isArray(operand) && operand.length > 0) {
          const values = operand.map(equalityValue);
          if (values.every((v) => v !== undefined))
            add({ kind: 'eq', values: values as (string | number)[], raw: operand });
        } else if (op in RANGE_OPS) {
          const bound = rangeValue(operand);
          if (bound !== undefined) add({ kind: 'range', op: RANGE_OPS[op as keyof typeof RANGE_OPS], value: bound });
        }
      }
      continue;
    }
    const eq = equalityValue(value);
    if (eq !== undefined) add({ kind: 'eq', values: [eq], raw: [value] });
  }
}

const UNSAFE_FOR_FILTER: TypeClass[] = ['array', 'exotic'];

function orderSafe(classes: ReadonlySet<TypeClass> | undefined): boolean {
  if (!classes) return false;
  const kinds = [...classes].filter((c) => c !== 'null');
  return kinds.length <= 1 && (kinds[0] === undefined || kinds[0] === 'number' || kinds[0] === 'date');
}

export function planQuery(input: PlannerInput): Plan {
  const conditions = new Map<string, Condition[]>();
  collectConditions(input.filter, conditions);

  const where: string[] = [];
  const params: (string | number)[] = [];
  let idKeys: string[] | null = null;

  for (const condition of conditions.get('_id') ?? []) {
    // Only strings and numbers: a Date _id would be keyed differently from its milliseconds.
    if (condition.kind !== 'eq' || !condition.raw.every((v) => typeof v === 'string' || typeof v === 'number'))
      continue;
    const keys = condition.raw.map(input.idKey);
    idKeys = idKeys === null ? keys : idKeys.filter((key) => keys.includes(key));
  }
  if (idKeys !== null && idKeys.length === 0) where.push('0');
  else if (idKeys !== null) {
    where.push(`id IN (${idKeys.map(() => '?').join(', ')})`);
    params.push(...idKeys);
  }

  const usable = new Map<string, Condition[]>();
  for (const [path, list] of conditions) {
    if (!isIndexablePath(path)) continue;
    const classes = input.classesOf(path);
    if (!classes || UNSAFE_FOR_FILTER.some((c) => classes.has(c))) continue;
    usable.set(path, list);
    for (const condition of list) {
      if (condition.kind === 'eq') {
        where.push(`${fieldExpr(path)} IN (${condition.values.map(() => '?').join(', ')})`);
        params.push(...condition.values);
      } else {
        where.push(`${fieldExpr(path)} ${condition.op} ?`);
        params.push(condition.value);
      }
    }
  }

  const orderPushed =
    input.order.length > 0 && input.order.every(([path]) => isIndexablePath(path) && orderSafe(input.classesOf(path)));
  const orderSql = orderPushed
    ? [...input.order.map(([path, dir]) => `${fieldExpr(path)} ${dir === 1 ? 'ASC' : 'DESC'}`), 'seq ASC'].join(', ')
    : 'seq ASC';

  if (idKeys !== null) return { where, params, index: null, indexName: '_id_', orderPushed, orderSql, idKeys };

  const singleEq = (path: string) => (usable.get(path) ?? []).some((c) => c.kind === 'eq' && c.values.length === 1);
  const anyEq = (path: string) => (usable.get(path) ?? []).some((c) => c.kind === 'eq');
  const hasRange = (path: string) => (usable.get(path) ?? []).some((c) => c.kind === 'range');

  let best: { index: ResolvedIndex; score: number; ordered: boolean } | null = null;
  for (const index of input.indexes) {
    let score = 0;
    for (const field of index.fields) {
      if (anyEq(field.path)) score += 2;
      else {
        if (hasRange(field.path)) score += 1;
        break;
      }
    }
    let ordered = false;
    if (orderPushed) {
      let start = 0;
      while (start < index.fields.length && singleEq(index.fields[start]!.path)) start++;
      const rest = index.fields.slice(start, start + input.order.length);
      const same =
        rest.length === input.order.length &&
        input.order.every(([p, d], i) => rest[i]!.path === p && rest[i]!.direction === d);
      const reversed =
        rest.length === input.order.length &&
        input.order.every(([p, d], i) => rest[i]!.path === p && rest[i]!.direction === -d);
      ordered = same || reversed;
    }
    if (score === 0 && !ordered) continue;
    const better = !best || score > best.score || (score === best.score && ordered && !best.ordered);
    if (better) best = { index, score, ordered };
  }

  return {
    where,
    params,
    index: best?.index ?? null,
    indexName: best?.index.name ?? null,
    orderPushed,
    orderSql,
    idKeys,
  };
}
