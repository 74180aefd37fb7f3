/**
 * SQLite storage: one table per collection, `(seq, id, doc, version)`.
 * - `seq` (rowid) gives the natural (insertion) order; ties in any sort fall back to it.
 * - `id` is the `_id` key (unique): the string itself, or a tagged encoding for other types.
 * - `doc` is the document in the storage encoding of codec.ts.
 * - `version` comes from one counter shared by all collections and bumped on every write.
 * - `beforeChange` tells the transaction manager before any document changes (snapshot pre-images).
 * Declared indexes become expression indexes on json_extract(...). For every indexed path the
 * classes of values ever written are kept (table `_field_classes`) so the planner knows when
 * pushing a condition or an order down to SQL is exact.
 */
import BetterSqlite3 from 'better-sqlite3';
import { decodeStored, encodeStored, isPlainObject, type Doc } from './codec';
import { DbError, requestFailed } from './errors';
import { cloudQuery } from './compiled';
import { asGeometry, distanceMetres, findNear } from './language';
import { fieldExpr, isIndexablePath, planQuery, type OrderSpec, type ResolvedIndex, type TypeClass } from './planner';

export interface IndexSpec {
  collection: string;
  /** 1 / -1: an SQL index; '2dsphere': a geo index (GeoJSON checked on write; $near and $geoNear need one). */
  fields: Record<string, 1 | -1 | '2dsphere'>;
  unique?: boolean;
  why?: string;
}

export interface StoredRow {
  seq: number;
  idKey: string;
  doc: Doc;
  version: number;
}

export interface ScanOptions {
  order?: OrderSpec;
  skip?: number;
  /** Undefined = no limit. */
  limit?: number;
}

export interface ScanResult {
  rows: StoredRow[];
  rowsExamined: number;
  indexName: string | null;
}

interface CollectionState {
  name: string;
  table: string;
  indexes: ResolvedIndex[];
  classes: Map<string, Set<TypeClass>>;
}

const TABLE_PREFIX = 'doc:';
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export { MINGO_OPTIONS } from './language';

/** Key of an `_id` in the id column: strings as themselves, other values tagged and encoded. */
export function idKeyOf(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${encodeStored(id)}`;
}

function classify(value: unknown): TypeClass {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'exotic';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return 'array';
  if (isPlainObject(value)) return 'object';
  return 'exotic';
}

/** Class of the value at a dot path; 'array' if the path meets an array anywhere. */
export function classOfPath(doc: Doc, path: string): TypeClass {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) return 'array';
    if (!isPlainObject(current)) return 'null';
    current = current[segment];
  }
  return classify(current);
}

export function isDuplicateError(error: unknown): boolean {
  return error instanceof DbError && error.message.startsWith('E11000');
}

export class Storage {
  readonly sqlite: BetterSqlite3.Database;
  /** Prepared once per SQL text: preparing on every query was the gateway's largest database cost. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  private statement(sql: string): BetterSqlite3.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      if (this.statements.size >= 1000) this.statements.clear(); // query shapes vary: keep it bounded
      prepared = this.sqlite.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
  private readonly collections = new Map<string, CollectionState>();
  private readonly specsByCollection = new Map<string, IndexSpec[]>();
  /** collection → fields with a 2dsphere index */
  private readonly geoPaths = new Map<string, string[]>();
  private version = 0;
  /** Called before any document is inserted, replaced or deleted (transactions keep pre-images). */
  beforeChange: ((collection: string, idKey: string) => void) | undefined;

  constructor(file: string, indexSpecs: IndexSpec[]) {
    this.sqlite = new BetterSqlite3(file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.runImmediate = this.sqlite.transaction((fn: () => unknown) => fn()).immediate;
    this.sqlite.exec(
      'CREATE TABLE IF NOT EXISTS _field_classes (collection TEXT NOT NULL, path TEXT NOT NULL, classes TEXT NOT NULL, PRIMARY KEY (collection, path))',
    );
    for (const spec of indexSpecs) {
      const paths = Object.keys(spec.fields);
      const geo = paths.filter((path) => spec.fields[path] === '2dsphere');
      if (geo.length > 0) {
        this.geoPaths.set(spec.collection, [...(this.geoPaths.get(spec.collection) ?? []), ...geo]);
        continue;
      }
      if (paths.length === 0 || !paths.every(isIndexablePath)) {
        throw new Error(`index on ${spec.collection} has an unsupported field list: ${JSON.stringify(spec.fields)}`);
      }
      this.specsByCollection.set(spec.collection, [...(this.specsByCollection.get(spec.collection) ?? []), spec]);
    }
    const tables = this.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'doc:%'")
      .all() as { name: string }[];
    for (const { name } of tables) this.ensureCollection(name.slice(TABLE_PREFIX.length));
    // Collections with declared indexes exist from the start, as after creating them in the console.
    for (const collection of [...this.specsByCollection.keys(), ...this.geoPaths.keys()]) {
      this.ensureCollection(collection);
    }
    for (const state of this.collections.values()) {
      const row = this.sqlite.prepare(`SELECT MAX(version) AS v FROM ${state.table}`).get() as { v: number | null };
      this.version = Math.max(this.version, row.v ?? 0);
    }
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  indexesOf(name: string): ResolvedIndex[] {
    return this.collections.get(name)?.indexes ?? [];
  }

  /** Runs `fn` in one SQLite transaction (nested calls join the outer one). */
  atomically<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    return this.runImmediate(fn) as T;
  }

  /** One transaction wrapper for all: better-sqlite3 builds a new one per `transaction()` call. */
  private readonly runImmediate: (fn: () => unknown) => unknown;

  ensureCollection(name: string): CollectionState {
    const existing = this.collections.get(name);
    if (existing) return existing;
    if (name.length === 0 || name.length > 128 || name.includes('\u0000'))
      throw new DbError('INVALID_PARAM', `invalid collection name ${JSON.stringify(name)}`);
    const table = quoteIdent(TABLE_PREFIX + name);
    this.sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, version INTEGER NOT NULL)`,
    );
    const indexes = (this.specsByCollection.get(name) ?? []).map((spec): ResolvedIndex => {
      const fields = Object.entries(spec.fields).map(([path, direction]) => ({ path, direction: direction as 1 | -1 }));
      const indexName = fields.map((f) => `${f.path}_${f.direction}`).join('_');
      return { name: indexName, sqlName: `ix:${name}:${indexName}`, fields, unique: spec.unique === true };
    });
    const wanted = new Set(indexes.map((index) => index.sqlName));
    const present = this.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix:%'")
      .all(TABLE_PREFIX + name) as { name: string }[];
    // An index removed from the declaration is dropped (a stale unique index would still reject writes).
    for (const { name: stale } of present) if (!wanted.has(stale)) this.sqlite.exec(`DROP INDEX ${quoteIdent(stale)}`);
    for (const index of indexes) {
      const columns = index.fields.map((f) => `${fieldExpr(f.path)} ${f.direction === 1 ? 'ASC' : 'DESC'}`).join(', ');
      this.sqlite.exec(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(index.sqlName)} ON ${table} (${columns})`,
      );
    }
    const state: CollectionState = { name, table, indexes, classes: new Map() };
    const tracked = [...new Set(indexes.flatMap((index) => index.fields.map((f) => f.path)))];
    const readClasses = this.sqlite.prepare('SELECT classes FROM _field_classes WHERE collection = ? AND path = ?');
    for (const path of tracked) {
      const row = readClasses.get(name, path) as { classes: string } | undefined;
      if (row) {
        state.classes.set(path, new Set(row.classes.split(',').filter(Boolean) as TypeClass[]));
      } else {
        // Index declared on data written before it: learn the classes from the documents.
        const classes = new Set<TypeClass>();
        for (const docRow of this.sqlite.prepare(`SELECT doc FROM ${table}`).iterate() as Iterable<{ doc: string }>) {
          classes.add(classOfPath(decodeStored(docRow.doc), path));
        }
        state.classes.set(path, classes);
        this.saveClasses(name, path, classes);
      }
    }
    this.collections.set(name, state);
    return state;
  }

  private saveClasses(collection: string, path: string, classes: Set<TypeClass>): void {
    this.sqlite
      .prepare('INSERT OR REPLACE INTO _field_classes (collection, path, classes) VALUES (?, ?, ?)')
      .run(collection, path, [...classes].sort().join(','));
  }

  private noteClasses(state: CollectionState, doc: Doc): void {
    for (const [path, classes] of state.classes) {
      const seen = classOfPath(doc, path);
      if (!classes.has(seen)) {
        classes.add(seen);
        this.saveClasses(state.name, path, classes);
      }
    }
  }

  private state(name: string): CollectionState {
    const state = this.collections.get(name);
    if (!state) throw requestFailed(`collection ${name} does not exist`);
    return state;
  }

  private nextVersion(): number {
    this.version += 1;
    return this.version;
  }

  private duplicateError(state: CollectionState, error: unknown, doc: Doc): Error {
    const message = error instanceof Error ? error.message : String(error);
    if (!/UNIQUE constraint failed/.test(message)) return error instanceof Error ? error : new Error(message);
    const index = state.indexes.find((ix) => message.includes(ix.sqlName));
    if (!index) {
      return requestFailed(
        `E11000 duplicate key error collection: ${state.name} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`,
      );
    }
    const key = index.fields
      .map((f) => `${f.path}: ${JSON.stringify(classOfPath(doc, f.path) === 'null' ? null : pathValue(doc, f.path))}`)
      .join(', ');
    return requestFailed(
      `E11000 duplicate key error collection: ${state.name} index: ${index.name} dup key: { ${key} }`,
    );
  }

  geoPathsOf(collection: string): string[] {
    return this.geoPaths.get(collection) ?? [];
  }

  /** A 2dsphere index refuses documents whose indexed field is not GeoJSON, as MongoDB does. */
  private checkGeoFields(collection: string, doc: Doc): void {
    for (const path of this.geoPathsOf(collection)) {
      const value = pathValue(doc, path);
      if (value !== undefined && value !== null && !asGeometry(value)) {
        throw requestFailed(
          `Can't extract geo keys: { _id: ${JSON.stringify(doc._id)} } ${path} is not a valid GeoJSON geometry`,
        );
      }
    }
  }

  getRow(collection: string, idKey: string): StoredRow | undefined {
    const state = this.collections.get(collection);
    if (!state) return undefined;
    const row = this.statement(`SELECT seq, id, doc, version FROM ${state.table} WHERE id = ?`).get(idKey) as
      RawRow | undefined;
    return row ? toStoredRow(row) : undefined;
  }

  /**
   * Inserts a document that has its `_id`; a duplicate `_id` or unique key throws E11000.
   * The collection must exist (ensureCollection runs DDL, so call it outside transactions).
   */
  insertRow(collection: string, doc: Doc): void {
    const state = this.state(collection);
    this.checkGeoFields(collection, doc);
    this.beforeChange?.(collection, idKeyOf(doc._id));
    this.atomically(() => {
      try {
        this.statement(`INSERT INTO ${state.table} (id, doc, version) VALUES (?, ?, ?)`).run(
          idKeyOf(doc._id),
          encodeStored(doc),
          this.nextVersion(),
        );
      } catch (error) {
        throw this.duplicateError(state, error, doc);
      }
      this.noteClasses(state, doc);
    });
  }

  /** Replaces the stored document with the same `_id`. */
  updateRow(collection: string, doc: Doc): void {
    const state = this.state(collection);
    this.checkGeoFields(collection, doc);
    this.beforeChange?.(collection, idKeyOf(doc._id));
    this.atomically(() => {
      try {
        this.statement(`UPDATE ${state.table} SET doc = ?, version = ? WHERE id = ?`).run(
          encodeStored(doc),
          this.nextVersion(),
          idKeyOf(doc._id),
        );
      } catch (error) {
        throw this.duplicateError(state, error, doc);
      }
      this.noteClasses(state, doc);
    });
  }

  deleteRow(collection: string, idKey: string): void {
    const state = this.state(collection);
    this.beforeChange?.(collection, idKey);
    this.statement(`DELETE FROM ${state.table} WHERE id = ?`).run(idKey);
  }

  countAll(collection: string): number {
    const state = this.collections.get(collection);
    if (!state) return 0;
    return (this.statement(`SELECT COUNT(*) AS n FROM ${state.table}`).get() as { n: number }).n;
  }

  /**
   * Documents matching `filter` in MongoDB order (by `order`, else insertion order), after
   * skip/limit. SQL narrows the candidates through the planner; mingo decides.
   */
  scan(collection: string, filter: Doc, options: ScanOptions = {}): ScanResult {
    const state = this.collections.get(collection);
    if (!state) return { rows: [], rowsExamined: 0, indexName: null };
    const order = options.order ?? [];
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Infinity;
    const near = findNear(filter);
    if (near && !this.geoPathsOf(collection).includes(near.path)) {
      throw requestFailed(
        `error processing query: planner returned error :: caused by :: unable to find index for $geoNear query (no 2dsphere index on ${collection}.${near.path})`,
      );
    }
    const plan = planQuery({
      filter,
      order,
      indexes: state.indexes,
      classesOf: (path) => state.classes.get(path),
      idKey: idKeyOf,
    });
    const indexedBy = plan.index ? ` INDEXED BY ${quoteIdent(plan.index.sqlName)}` : '';
    const where = plan.where.length > 0 ? ` WHERE ${plan.where.join(' AND ')}` : '';
    const sql = `SELECT seq, id, doc, version FROM ${state.table}${indexedBy}${where} ORDER BY ${plan.orderSql}`;
    const query = cloudQuery(filter);
    const rows: StoredRow[] = [];
    let rowsExamined = 0;

    if (limit <= 0) return { rows, rowsExamined, indexName: plan.indexName };
    if (!near && (order.length === 0 || plan.orderPushed)) {
      // SQL order is the final order: stream and stop as soon as the page is full.
      let skipped = 0;
      for (const raw of this.statement(sql).iterate(...plan.params) as Iterable<RawRow>) {
        rowsExamined += 1;
        const row = toStoredRow(raw);
        if (!query.test(row.doc)) continue;
        if (skipped < skip) {
          skipped += 1;
          continue;
        }
        rows.push(row);
        if (rows.length >= limit) break; // leaving the loop ends the statement
      }
      return { rows, rowsExamined, indexName: plan.indexName };
    }
    const matches: StoredRow[] = [];
    for (const raw of this.statement(sql).iterate(...plan.params) as Iterable<RawRow>) {
      rowsExamined += 1;
      const row = toStoredRow(raw);
      if (query.test(row.doc)) matches.push(row);
    }
    // $near / $nearSphere: nearest first, unless an explicit order overrides it (as in MongoDB).
    const sorted =
      near && order.length === 0
        ? matches
            .map((row) => ({
              row,
              distance: distanceMetres(near.spec.point, asGeometry(pathValue(row.doc, near.path))!),
            }))
            .sort((a, b) => a.distance - b.distance)
            .map((entry) => entry.row)
        : sortRows(matches, order);
    return { rows: sorted.slice(skip, skip + limit), rowsExamined, indexName: plan.indexName };
  }
}

interface RawRow {
  seq: number;
  id: string;
  doc: string;
  version: number;
}

function toStoredRow(raw: RawRow): StoredRow {
  return { seq: raw.seq, idKey: raw.id, doc: decodeStored(raw.doc), version: raw.version };
}

function pathValue(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) current = isPlainObject(current) ? current[segment] : undefined;
  return current;
}

/** MongoDB sort (mingo's, stable: ties keep the given order). */
export function sortRows<T extends { doc: Doc }>(rows: T[], order: OrderSpec): T[] {
  if (order.length === 0) return rows;
  const byDoc = new Map<Doc, T>(rows.map((row) => [row.doc, row]));
  const sortSpec: Record<string, 1 | -1> = {};
  for (const [path, direction] of order) sortSpec[path] = direction;
  const sorted = cloudQuery({})
    .find<Doc>(rows.map((row) => row.doc))
    .sort(sortSpec)
    .all();
  return sorted.map((doc) => byDoc.get(doc)!);
}
