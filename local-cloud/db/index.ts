/**
 * The local cloud's document database: answers the `database.*` requests wx-server-sdk 4.0.2
 * sends (see docs/cloudbase-wire.md §1, §2, §6) over SQLite + mingo.
 *
 * Behaviour worth knowing (chosen to match the real cloud):
 * - Reading, counting, updating, removing or aggregating a collection that does not exist answers
 *   DATABASE_COLLECTION_NOT_EXIST (caller: errCode -502005), as the cloud does. Collections named
 *   in the index declarations exist from the start (as if created in the console), `add()` and
 *   `doc().set()` create a missing collection, and `db.createCollection()` creates one explicitly.
 * - `limit` defaults to 100 and is clamped to 1000 (the SDK already clamps; the server never errors).
 * - `updated` counts the documents the update matched, as the cloud answers: a `$set` or `set()` to
 *   the values already stored answers 1 (nothing is written).
 * - Transactions: snapshot isolation with write locks (transactions.ts). An ordinary write to a
 *   document a live transaction has written waits until that transaction commits, rolls back or
 *   expires (30 s after its start), so `handle` answers with a Promise in that case.
 * - Unique indexes do not make two documents that both lack the field collide (SQLite NULLs are
 *   distinct); always set unique fields when creating the document.
 * - Aggregation has no implicit limit.
 */
import { Aggregator } from 'mingo/aggregator';
import {
  CodecError,
  decodeWire,
  decodeWireTree,
  encodeDocumentReply,
  encodeReply,
  isPlainObject,
  type Doc,
} from './codec';
import { cloudQuery } from './compiled';
import { DbError, collectionNotExist, invalidParam, requestFailed } from './errors';
import { applyUpdate, insertDocs, modifyDocs, removeDocs, type DocSource } from './ops';
import type { OrderSpec } from './planner';
import { MINGO_OPTIONS, Storage, idKeyOf, type IndexSpec, type ScanOptions } from './storage';
import { LockWait, TransactionManager, transactionFail } from './transactions';

export type { IndexSpec } from './storage';

export interface DatabaseOptions {
  /** SQLite file path, or ':memory:' */
  file: string;
  indexes: IndexSpec[];
  /** The local cloud's clock (ms): db.serverDate() and transaction expiry use it. */
  now: () => number;
  /** Lifetime of a transaction, after which it is rolled back (default 30 s of clock time, as the cloud). */
  transactionLifetimeMs?: number;
}

export interface FindOptions {
  orderBy?: [string, 1 | -1][];
  skip?: number;
  limit?: number;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

type Reply = Record<string, unknown>;

export class Database {
  private readonly storage: Storage;
  private readonly transactions: TransactionManager;
  private readonly now: () => number;

  constructor(options: DatabaseOptions) {
    this.now = options.now;
    this.storage = new Storage(options.file, options.indexes);
    this.transactions = new TransactionManager(this.storage, options.now, options.transactionLifetimeMs);
  }

  /**
   * Answers one CloudBase request body (`action: 'database.*'`) with the reply object the SDK
   * expects, or the `{ code, message }` error envelope. Never throws. Answers at once, except an
   * ordinary write that meets a transaction lock: that one answers (a Promise) once the lock is gone.
   */
  handle(body: Record<string, unknown>): Reply | Promise<Reply> {
    try {
      this.transactions.sweep();
      return this.dispatch(body);
    } catch (error) {
      if (error instanceof LockWait) return this.handleAfterLocks(body);
      return errorEnvelope(error);
    }
  }

  /** `handle` for callers that never meet a transaction lock (tests, the bench): throws if it would wait. */
  handleSync(body: Record<string, unknown>): Reply {
    const reply = this.handle(body);
    if (reply instanceof Promise) throw new Error(`${String(body.action)} waits for a transaction lock`);
    return reply;
  }

  private async handleAfterLocks(body: Record<string, unknown>): Promise<Reply> {
    for (;;) {
      await this.transactions.released();
      try {
        this.transactions.sweep();
        return this.dispatch(body);
      } catch (error) {
        if (!(error instanceof LockWait)) return errorEnvelope(error);
      }
    }
  }

  private dispatch(body: Record<string, unknown>): Reply {
    if (hasTransactionId(body)) this.checkTransactionOperation(body);
    switch (body.action) {
      case 'database.getDocument':
        return this.getDocument(body);
      case 'database.insertDocument':
        return this.insertDocument(body);
      case 'database.modifyDocument':
        return this.modifyDocument(body);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(body);
      case 'database.removeDocument':
        return this.removeDocument(body);
      case 'database.calculateDocument':
        return { data: { total: this.count(this.existingCollection(body), this.filterOf(body)) } };
      case 'database.aggregateDocuments':
        return this.aggregate(body);
      case 'database.addCollection': {
        const collection = collectionNameOf(body);
        if (this.storage.hasCollection(collection)) {
          throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceExist] Table exist: ${collection}`);
        }
        this.storage.ensureCollection(collection);
        return {};
      }
      case 'database.startTransaction':
        return { transactionId: this.transactions.start() };
      case 'database.commitTransaction':
        this.transactions.commit(body.transactionId);
        return {};
      case 'database.abortTransaction':
        this.transactions.abort(body.transactionId);
        return {};
      default:
        throw new DbError('INVALID_ACTION', `unsupported action ${JSON.stringify(body.action)}`);
    }
  }

  // ---- request helpers -------------------------------------------------------------------

  private decode(text: unknown, what: string): unknown {
    try {
      return decodeWire(text, this.now());
    } catch (error) {
      throw invalidParam(`${what}: ${(error as Error).message}`);
    }
  }

  private decodeObject(text: unknown, what: string): Doc {
    const value = this.decode(text, what);
    if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`);
    return value;
  }

  private filterOf(body: Record<string, unknown>): Doc {
    return body.query === undefined || body.query === '' ? {} : this.decodeObject(body.query, 'query');
  }

  private existingCollection(body: Record<string, unknown>): string {
    const collection = collectionNameOf(body);
    if (!this.storage.hasCollection(collection)) throw collectionNotExist(collection);
    return collection;
  }

  /**
   * Only single-document operations run in a transaction (doc().get/set/update/remove, add); the
   * transaction must be live.
   */
  private checkTransactionOperation(body: Record<string, unknown>): void {
    const action = String(body.action);
    if (action === 'database.commitTransaction' || action === 'database.abortTransaction') return;
    this.transactions.get(body.transactionId);
    const singleDocument =
      action === 'database.insertDocument' ||
      (['database.getDocument', 'database.modifyDocument', 'database.removeDocument'].includes(action) &&
        body.queryType === 'DOC' &&
        body.multi !== true);
    if (!singleDocument) {
      throw transactionFail(
        `${action} with queryType ${String(body.queryType)} cannot run in a transaction: only single-document operations (doc().get/set/update/remove, add) can`,
      );
    }
  }

  /** The transaction's view when the request carries a transactionId, else the store itself. */
  private sourceFor(body: Record<string, unknown>): { source: DocSource; inTransaction: boolean } {
    if (hasTransactionId(body)) {
      return { source: this.transactions.source(this.transactions.get(body.transactionId)), inTransaction: true };
    }
    return { source: this.lockingSource(), inTransaction: false };
  }

  /** The store for requests: writing a document a live transaction has locked means waiting (LockWait). */
  private lockingSource(): DocSource {
    const direct = this.directSource();
    const checkLock = (collection: string, id: unknown) => {
      const holder = this.transactions.lockHolder(collection, idKeyOf(id));
      if (holder) throw new LockWait(holder.id);
    };
    return {
      // Every document a write is about to touch is checked before the first one changes.
      find: (collection, filter, options) => {
        const docs = direct.find(collection, filter, options);
        for (const doc of docs) checkLock(collection, doc._id);
        return docs;
      },
      insert: (collection, doc) => {
        checkLock(collection, doc._id);
        direct.insert(collection, doc);
      },
      replace: direct.replace,
      remove: direct.remove,
    };
  }

  /** The store itself, ignoring transaction locks (seeds, tests and the simulators, like the console). */
  private directSource(): DocSource {
    const storage = this.storage;
    return {
      find: (collection, filter, options) => storage.scan(collection, filter, options).rows.map((row) => row.doc),
      insert: (collection, doc) => storage.insertRow(collection, doc),
      replace: (collection, doc) => storage.updateRow(collection, doc),
      remove: (collection, doc) => storage.deleteRow(collection, idKeyOf(doc._id)),
    };
  }

  private orderOf(body: Record<string, unknown>): OrderSpec {
    if (body.order === undefined || body.order === '') return [];
    const order = this.decodeObject(body.order, 'order');
    return Object.entries(order).map(([path, direction]): [string, 1 | -1] => {
      if (direction === 1 || direction === 'asc') return [path, 1];
      if (direction === -1 || direction === 'desc') return [path, -1];
      throw invalidParam(`order direction of ${path} must be 1/-1 or asc/desc`);
    });
  }

  // ---- actions ---------------------------------------------------------------------------

  private getDocument(body: Record<string, unknown>): Reply {
    const collection = this.existingCollection(body);
    const filter = this.filterOf(body);
    const options: ScanOptions = { order: this.orderOf(body) };
    if (body.queryType !== 'DOC') options.limit = clampLimit(body.limit);
    if (body.offset !== undefined && body.offset !== null) {
      if (!Number.isInteger(body.offset) || (body.offset as number) < 0)
        throw invalidParam('offset must be a non-negative integer');
      options.skip = body.offset as number;
    }
    // Reads never wait for locks: outside a transaction they see the committed documents.
    const source = hasTransactionId(body) ? this.sourceFor(body).source : this.directSource();
    let docs = source.find(collection, filter, options);
    if (body.projection !== undefined && body.projection !== '') {
      const projection = this.decodeObject(body.projection, 'projection');
      if (Object.keys(projection).length > 0) docs = cloudQuery({}).find<Doc>(docs, projection).all();
    }
    return { data: { list: docs.map(encodeDocumentReply) } };
  }

  private insertDocument(body: Record<string, unknown>): Reply {
    const collection = collectionNameOf(body);
    const raw = typeof body.data === 'string' ? [body.data] : body.data;
    if (!Array.isArray(raw) || raw.length === 0)
      throw invalidParam('data must be a non-empty array of EJSON documents');
    const docs = raw.map((item, i) => this.decodeObject(item, `data[${i}]`));
    this.storage.ensureCollection(collection);
    const { source, inTransaction } = this.sourceFor(body);
    // All or nothing: a duplicate anywhere rolls back the whole request.
    const ids = inTransaction
      ? insertDocs(source, collection, docs)
      : this.storage.atomically(() => insertDocs(source, collection, docs));
    return { data: { insertedIds: ids } };
  }

  private modifyArguments(body: Record<string, unknown>) {
    const data = this.decodeObject(body.data, 'data');
    const isDoc = body.queryType === 'DOC';
    return {
      filter: this.filterOf(body),
      spec: {
        data,
        multi: body.multi === undefined ? !isDoc : body.multi === true,
        merge: body.merge !== false,
        upsert: body.upsert === true,
      },
    };
  }

  private modifyDocument(body: Record<string, unknown>): Reply {
    const { filter, spec } = this.modifyArguments(body);
    const collection = spec.upsert ? collectionNameOf(body) : this.existingCollection(body);
    if (spec.upsert) this.storage.ensureCollection(collection);
    const { source, inTransaction } = this.sourceFor(body);
    const run = () => modifyDocs(source, collection, filter, spec);
    const result = inTransaction ? run() : this.storage.atomically(run);
    return {
      data:
        result.upsertId === undefined
          ? { updated: result.updated }
          : { updated: result.updated, upsert_id: result.upsertId },
    };
  }

  /** Only reachable through node-sdk internals; kept because its reply shape is known. */
  private modifyAndReturnDoc(body: Record<string, unknown>): Reply {
    const collection = this.existingCollection(body);
    const filter = this.filterOf(body);
    const update = this.decodeObject(body.data, 'data');
    const { source, inTransaction } = this.sourceFor(body);
    const run = () => {
      const [doc] = source.find(collection, filter, { limit: 1 });
      if (!doc) return { updated: 0, doc: null };
      const changed = applyUpdate(
        doc,
        Object.keys(update).some((key) => key.startsWith('$')) ? update : { $set: update },
      );
      if (changed) source.replace(collection, doc);
      return { updated: changed ? 1 : 0, doc: encodeReply(doc) };
    };
    return { data: inTransaction ? run() : this.storage.atomically(run) };
  }

  private removeDocument(body: Record<string, unknown>): Reply {
    const collection = this.existingCollection(body);
    const filter = this.filterOf(body);
    const multi = body.multi === undefined ? body.queryType !== 'DOC' : body.multi === true;
    const { source, inTransaction } = this.sourceFor(body);
    const run = () => removeDocs(source, collection, filter, multi);
    return { data: { deleted: inTransaction ? run() : this.storage.atomically(run) } };
  }

  private aggregate(body: Record<string, unknown>): Reply {
    const collection = this.existingCollection(body);
    if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array');
    const pipeline = body.stages.map((stage, i): Doc => {
      if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw invalidParam(`stages[${i}] must be { stageKey: '$...', stageValue }`);
      }
      let raw: unknown;
      try {
        raw = typeof stage.stageValue === 'string' ? JSON.parse(stage.stageValue) : stage.stageValue;
        return { [stage.stageKey]: decodeWireTree(raw, this.now()) };
      } catch (error) {
        throw invalidParam(`stages[${i}].stageValue: ${(error as Error).message}`);
      }
    });
    pipeline.forEach((stage, i) => {
      if (i > 0 && '$geoNear' in stage) throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
    });
    const geoNear = pipeline[0]?.$geoNear;
    if (isPlainObject(geoNear) && geoNear.key === undefined) {
      // MongoDB uses the collection's 2dsphere index; it must be unambiguous.
      const geoPaths = this.storage.geoPathsOf(collection);
      if (geoPaths.length !== 1) {
        throw requestFailed(
          `$geoNear needs exactly one 2dsphere index on ${collection} (found ${geoPaths.length}) or a key`,
        );
      }
      geoNear.key = geoPaths[0];
    }
    // A leading $match goes through the planner (indexes), the rest through mingo.
    const first = pipeline[0];
    const leadingMatch = first && isPlainObject(first.$match) ? first.$match : undefined;
    const input = this.storage.scan(collection, leadingMatch ?? {}).rows.map((row) => row.doc);
    const aggregator = new Aggregator(leadingMatch ? pipeline.slice(1) : pipeline, {
      ...MINGO_OPTIONS,
      collectionResolver: (name: string) => this.storage.scan(name, {}).rows.map((row) => row.doc),
    });
    return { data: { list: aggregator.run(input).map(encodeReply) } };
  }

  // ---- direct helpers (plain JS values) ------------------------------------------------------

  /** Inserts documents (all or nothing); returns their `_id`s (generated 32-hex when absent). */
  insert(collection: string, docs: object[]): string[] {
    this.storage.ensureCollection(collection);
    return this.storage.atomically(() => insertDocs(this.directSource(), collection, docs)) as string[];
  }

  // Schemaless documents for seeds, tests and the bench: each caller states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  find(collection: string, query: object = {}, options: FindOptions = {}): any[] {
    return this.storage
      .scan(collection, query as Doc, { order: options.orderBy ?? [], skip: options.skip, limit: options.limit })
      .rows.map((row) => row.doc);
  }

  /** Applies an update document (operators, or plain fields = $set) to every match; returns how many changed. */
  updateMany(collection: string, query: object, update: object): number {
    if (!this.storage.hasCollection(collection)) return 0;
    return this.storage.atomically(
      () =>
        modifyDocs(this.directSource(), collection, query as Doc, {
          data: update as Doc,
          multi: true,
          merge: true,
          upsert: false,
        }).updated,
    );
  }

  count(collection: string, query: object = {}): number {
    if (Object.keys(query).length === 0) return this.storage.countAll(collection);
    return this.storage.scan(collection, query as Doc).rows.length;
  }

  removeMany(collection: string, query: object): number {
    if (!this.storage.hasCollection(collection)) return 0;
    return this.storage.atomically(() => removeDocs(this.directSource(), collection, query as Doc, true));
  }

  /** How a query runs: the index used (`_id_`, an index name, or null = full scan) and rows read. */
  explain(
    collection: string,
    query: object,
    orderBy: [string, 1 | -1][] = [],
    options: { skip?: number; limit?: number } = {},
  ): { index: string | null; rowsExamined: number } {
    const result = this.storage.scan(collection, query as Doc, { order: orderBy, ...options });
    return { index: result.indexName, rowsExamined: result.rowsExamined };
  }

  close(): void {
    this.transactions.clear();
    this.storage.close();
  }
}

function hasTransactionId(body: Record<string, unknown>): boolean {
  return body.transactionId !== undefined && body.transactionId !== null && body.transactionId !== '';
}

function collectionNameOf(body: Record<string, unknown>): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name.length === 0) throw invalidParam('collectionName must be a non-empty string');
  return name;
}

function clampLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)
    throw invalidParam('limit must be a non-negative integer');
  if (limit === 0) return DEFAULT_LIMIT; // the SDK sends 100 for limit(0)
  return Math.min(limit, MAX_LIMIT);
}

function errorEnvelope(error: unknown): Reply {
  if (error instanceof DbError) return { code: error.code, message: error.message };
  if (error instanceof CodecError) return { code: 'INVALID_PARAM', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.constructor.name === 'MingoError' && /operator/i.test(message)) {
    return { code: 'DATABASE_INVALID_OPERRATOR', message };
  }
  return { code: requestFailed(message).code, message };
}
