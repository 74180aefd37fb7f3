/**
 * Optimistic transactions.
 *
 * A transaction reads the committed state, remembers the version of every document it read (0 for
 * "absent") and the result signature of every non-`_id` query, and buffers its writes (its own
 * reads see them). Nothing is visible to others before commit. Commit re-checks all of that in
 * one SQLite transaction — any change by another transaction or by a plain write in between means
 * DATABASE_TRANSACTION_CONFLICT — and then applies the writes. A conflicted transaction is
 * finished and rolled back by the server itself: wx-server-sdk retries with a new transaction and
 * never aborts the old one.
 */
import { randomBytes } from 'node:crypto';
import { Query } from 'mingo';
import { cloneDoc, isPlainObject, type Doc } from './codec';
import { DbError, requestFailed, transactionConflict } from './errors';
import type { DocSource } from './ops';
import { MINGO_OPTIONS, idKeyOf, sortRows, type ScanOptions, type Storage, type StoredRow } from './storage';

type Outcome = 'committed' | 'aborted' | 'conflicted' | 'expired' | 'failed';

interface BufferedWrite {
  collection: string;
  idKey: string;
  /** null = removed */
  doc: Doc | null;
  /** Position in natural order: the stored row's seq, or after everything for new documents. */
  seq: number;
}

interface QueryRead {
  collection: string;
  filter: Doc;
  signature: string;
}

export class Transaction {
  readonly docReads = new Map<string, { collection: string; idKey: string; version: number }>();
  readonly queryReads: QueryRead[] = [];
  readonly writes = new Map<string, BufferedWrite>();
  private newSeq = Number.MAX_SAFE_INTEGER / 2;

  constructor(
    readonly id: string,
    public lastActiveMs: number,
  ) {}

  nextNewSeq(): number {
    this.newSeq += 1;
    return this.newSeq;
  }
}

const rowKey = (collection: string, idKey: string) => `${collection}\u0000${idKey}`;
const signatureOf = (rows: StoredRow[]) => rows.map((row) => `${row.idKey}@${row.version}`).join('\u0001');

/** A filter that is exactly `{ _id: <string|number> }` (doc(id) operations). */
function exactId(filter: Doc): string | number | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  let id = filter._id;
  if (isPlainObject(id) && Object.keys(id).length === 1 && '$eq' in id) id = id.$eq;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/** The database as one transaction sees it. */
export class TransactionSource implements DocSource {
  constructor(
    private readonly storage: Storage,
    private readonly tx: Transaction,
  ) {}

  private recordRead(collection: string, idKey: string, version: number): void {
    const key = rowKey(collection, idKey);
    if (!this.tx.docReads.has(key)) this.tx.docReads.set(key, { collection, idKey, version });
  }

  find(collection: string, filter: Doc, options: ScanOptions): Doc[] {
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Infinity;
    const id = exactId(filter);
    if (id !== undefined) {
      const idKey = idKeyOf(id);
      const buffered = this.tx.writes.get(rowKey(collection, idKey));
      let doc: Doc | null;
      if (buffered) {
        doc = buffered.doc;
      } else {
        const row = this.storage.getRow(collection, idKey);
        this.recordRead(collection, idKey, row?.version ?? 0);
        doc = row?.doc ?? null;
      }
      return doc && skip === 0 && limit > 0 ? [cloneDoc(doc)] : [];
    }

    const stored = this.storage.scan(collection, filter).rows;
    this.tx.queryReads.push({ collection, filter, signature: signatureOf(stored) });
    for (const row of stored) this.recordRead(collection, row.idKey, row.version);
    const query = new Query(filter, MINGO_OPTIONS);
    const visible: { seq: number; doc: Doc }[] = stored
      .filter((row) => !this.tx.writes.has(rowKey(collection, row.idKey)))
      .map((row) => ({ seq: row.seq, doc: row.doc }));
    for (const write of this.tx.writes.values()) {
      if (write.collection === collection && write.doc && query.test(write.doc))
        visible.push({ seq: write.seq, doc: cloneDoc(write.doc) });
    }
    visible.sort((a, b) => a.seq - b.seq);
    return sortRows(visible, options.order ?? [])
      .slice(skip, skip + limit)
      .map((entry) => entry.doc);
  }

  insert(collection: string, doc: Doc): void {
    const idKey = idKeyOf(doc._id);
    const key = rowKey(collection, idKey);
    const buffered = this.tx.writes.get(key);
    let exists: boolean;
    if (buffered) {
      exists = buffered.doc !== null;
    } else {
      const row = this.storage.getRow(collection, idKey);
      this.recordRead(collection, idKey, row?.version ?? 0);
      exists = row !== undefined;
    }
    if (exists) {
      throw requestFailed(
        `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`,
      );
    }
    this.tx.writes.set(key, { collection, idKey, doc: cloneDoc(doc), seq: buffered?.seq ?? this.tx.nextNewSeq() });
  }

  replace(collection: string, doc: Doc): void {
    this.buffer(collection, doc, cloneDoc(doc));
  }

  remove(collection: string, doc: Doc): void {
    this.buffer(collection, doc, null);
  }

  private buffer(collection: string, doc: Doc, next: Doc | null): void {
    const idKey = idKeyOf(doc._id);
    const key = rowKey(collection, idKey);
    const seq = this.tx.writes.get(key)?.seq ?? this.storage.getRow(collection, idKey)?.seq ?? this.tx.nextNewSeq();
    this.tx.writes.set(key, { collection, idKey, doc: next, seq });
  }
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  /** Recently finished transactions, to answer late requests clearly (bounded). */
  private readonly finished = new Map<string, Outcome>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number,
    private readonly ttlMs = 30_000,
  ) {}

  start(): string {
    const id = `tx-${randomBytes(12).toString('hex')}`;
    this.active.set(id, new Transaction(id, this.now()));
    return id;
  }

  /** Expires transactions idle for longer than the TTL (abandoned by a crashed function). */
  sweep(): void {
    const now = this.now();
    for (const tx of this.active.values()) {
      if (now - tx.lastActiveMs > this.ttlMs) this.finish(tx.id, 'expired');
    }
  }

  /** The live transaction with this id, or a clear error. */
  get(id: unknown): Transaction {
    if (typeof id !== 'string' || id.length === 0)
      throw new DbError('INVALID_PARAM', 'transactionId must be a non-empty string');
    const tx = this.active.get(id);
    if (tx) {
      tx.lastActiveMs = this.now();
      return tx;
    }
    const outcome = this.finished.get(id);
    if (outcome === 'expired')
      throw requestFailed(
        `transaction ${id} expired after ${this.ttlMs / 1000} s without activity and was rolled back`,
      );
    if (outcome) throw requestFailed(`transaction ${id} is already finished (${outcome})`);
    throw requestFailed(`transaction ${id} does not exist`);
  }

  source(tx: Transaction): TransactionSource {
    return new TransactionSource(this.storage, tx);
  }

  commit(id: unknown): void {
    const tx = this.get(id);
    const collections = new Set([...tx.writes.values()].filter((w) => w.doc !== null).map((w) => w.collection));
    try {
      for (const collection of collections) this.storage.ensureCollection(collection);
      this.storage.atomically(() => {
        for (const read of tx.docReads.values()) {
          const current = this.storage.getRow(read.collection, read.idKey)?.version ?? 0;
          if (current !== read.version) throw transactionConflict();
        }
        for (const read of tx.queryReads) {
          if (signatureOf(this.storage.scan(read.collection, read.filter).rows) !== read.signature)
            throw transactionConflict();
        }
        for (const write of tx.writes.values()) {
          const exists = this.storage.getRow(write.collection, write.idKey) !== undefined;
          if (write.doc === null) {
            if (exists) this.storage.deleteRow(write.collection, write.idKey);
          } else if (exists) {
            this.storage.updateRow(write.collection, write.doc);
          } else {
            this.storage.insertRow(write.collection, write.doc);
          }
        }
      });
    } catch (error) {
      this.finish(
        tx.id,
        error instanceof DbError && error.code === 'DATABASE_TRANSACTION_CONFLICT' ? 'conflicted' : 'failed',
      );
      throw error;
    }
    this.finish(tx.id, 'committed');
  }

  /** Abort is idempotent for transactions the server already rolled back (conflict, expiry). */
  abort(id: unknown): void {
    if (typeof id === 'string' && !this.active.has(id)) {
      const outcome = this.finished.get(id);
      if (outcome && outcome !== 'committed') return;
    }
    const tx = this.get(id);
    this.finish(tx.id, 'aborted');
  }

  clear(): void {
    this.active.clear();
    this.finished.clear();
  }

  private finish(id: string, outcome: Outcome): void {
    this.active.delete(id);
    this.finished.set(id, outcome);
    if (this.finished.size > 10_000) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }
}
