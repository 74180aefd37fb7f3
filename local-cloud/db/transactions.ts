/**
 * CloudBase transactions (WeChat docs "事务", snapshot isolation over MongoDB):
 *
 * - Snapshot: taken at the transaction's FIRST operation (read or write), as MongoDB does for a
 *   transaction started on the driver. Reads return the snapshot plus the transaction's own writes,
 *   never later writes by others. Implemented copy-on-write: when anyone changes a document after
 *   a live transaction's snapshot, the transaction keeps the document's pre-image.
 * - A write locks the document for the transaction and goes into its snapshot. The write fails at
 *   once with DATABASE_TRANSACTION_CONFLICT when another live transaction holds the lock, or when
 *   the document changed since the snapshot (MongoDB's write conflict: no lost updates). The
 *   conflicted transaction is rolled back by the server: a later commit answers the conflict again
 *   (so runTransaction retries), other operations answer DATABASE_TRANSACTION_FAIL.
 * - Ordinary (non-transaction) writes to a locked document wait until the transaction commits,
 *   rolls back or expires (see Database.handle).
 * - Commit writes the buffered changes atomically. Nothing that was only read is re-checked: write
 *   skew is possible, as in the cloud.
 * - A transaction lives 30 s of cloud-clock time from its start (the cloud's limit); then it is
 *   rolled back and every request on it, like on any finished or unknown transaction, answers
 *   DATABASE_TRANSACTION_FAIL.
 *
 * Which SDK call retries: node-sdk's runTransaction retries when the error it sees has
 * `code === 'DATABASE_TRANSACTION_CONFLICT'`. wx-server-sdk rewrites errors of operations inside
 * the callback into `{errCode: -501001}` without `code` (no retry; it aborts and rethrows), but a
 * conflict answered to commitTransaction reaches runTransaction raw, and is retried.
 */
import { randomBytes } from 'node:crypto';
import { cloneDoc, type Doc } from './codec';
import { DbError, requestFailed, transactionConflict } from './errors';
import type { DocSource } from './ops';
import { cloudQuery } from './compiled';
import { idKeyOf, sortRows, type ScanOptions, type Storage, type StoredRow } from './storage';

/** The cloud's limit: a transaction must be committed or aborted within 30 s. */
export const TRANSACTION_LIFETIME_MS = 30_000;

type Outcome = 'committed' | 'aborted' | 'conflicted' | 'expired' | 'failed';

interface BufferedWrite {
  collection: string;
  idKey: string;
  /** null = removed */
  doc: Doc | null;
  /** Position in natural order: the stored row's seq, or after everything for new documents. */
  seq: number;
}

interface PreImage {
  collection: string;
  idKey: string;
  /** The document as the snapshot saw it; null = absent. */
  row: StoredRow | null;
}

export class Transaction {
  /** Set at the first operation; until then others' writes need no pre-images. */
  snapshotTaken = false;
  readonly writes = new Map<string, BufferedWrite>();
  /** Documents others changed after the snapshot, as they were in it. */
  readonly preImages = new Map<string, PreImage>();
  private newSeq = Number.MAX_SAFE_INTEGER / 2;

  constructor(
    readonly id: string,
    readonly startedAtMs: number,
  ) {}

  nextNewSeq(): number {
    this.newSeq += 1;
    return this.newSeq;
  }
}

/** Thrown by an ordinary write that meets a transaction lock: the request waits and runs again. */
export class LockWait extends Error {
  constructor(readonly holder: string) {
    super(`document locked by transaction ${holder}`);
  }
}

const rowKey = (collection: string, idKey: string) => `${collection}\u0000${idKey}`;

export const transactionFail = (message: string) => new DbError('DATABASE_TRANSACTION_FAIL', message);

/** A filter that is exactly `{ _id: <string|number> }` (doc(id) operations). */
function exactId(filter: Doc): unknown {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const id = filter._id;
  if (id !== null && typeof id === 'object' && !(id instanceof Date)) {
    const inner = id as Doc;
    const innerKeys = Object.keys(inner);
    return innerKeys.length === 1 && innerKeys[0] === '$eq' ? inner.$eq : undefined;
  }
  return id;
}

/** The database as one transaction sees it: its snapshot plus its own writes. */
export class TransactionSource implements DocSource {
  constructor(
    private readonly manager: TransactionManager,
    private readonly storage: Storage,
    private readonly tx: Transaction,
  ) {
    tx.snapshotTaken = true;
  }

  private snapshotRow(collection: string, idKey: string): StoredRow | undefined {
    const pre = this.tx.preImages.get(rowKey(collection, idKey));
    if (pre) return pre.row ?? undefined;
    return this.storage.getRow(collection, idKey);
  }

  find(collection: string, filter: Doc, options: ScanOptions): Doc[] {
    const skip = options.skip ?? 0;
    const limit = options.limit ?? Infinity;
    const id = exactId(filter);
    if (id !== undefined) {
      const idKey = idKeyOf(id);
      const buffered = this.tx.writes.get(rowKey(collection, idKey));
      const doc = buffered ? buffered.doc : (this.snapshotRow(collection, idKey)?.doc ?? null);
      return doc && skip === 0 && limit > 0 ? [cloneDoc(doc)] : [];
    }
    // Current rows, with every document changed since the snapshot or by this transaction
    // replaced by the version this transaction sees.
    const query = cloudQuery(filter);
    const changed = (idKey: string) =>
      this.tx.writes.has(rowKey(collection, idKey)) || this.tx.preImages.has(rowKey(collection, idKey));
    const visible: { seq: number; doc: Doc }[] = this.storage
      .scan(collection, filter)
      .rows.filter((row) => !changed(row.idKey))
      .map((row) => ({ seq: row.seq, doc: row.doc }));
    for (const pre of this.tx.preImages.values()) {
      if (pre.collection !== collection || !pre.row || this.tx.writes.has(rowKey(collection, pre.idKey))) continue;
      if (query.test(pre.row.doc)) visible.push({ seq: pre.row.seq, doc: cloneDoc(pre.row.doc) });
    }
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
    const exists = buffered ? buffered.doc !== null : this.snapshotRow(collection, idKey) !== undefined;
    if (exists) {
      throw requestFailed(
        `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`,
      );
    }
    this.manager.lockFor(this.tx, collection, idKey);
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
    this.manager.lockFor(this.tx, collection, idKey);
    const seq = this.tx.writes.get(key)?.seq ?? this.snapshotRow(collection, idKey)?.seq ?? this.tx.nextNewSeq();
    this.tx.writes.set(key, { collection, idKey, doc: next, seq });
  }
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  /** rowKey → the live transaction that wrote the document. */
  private readonly locks = new Map<string, Transaction>();
  /** Recently finished transactions, to answer late requests with the right code (bounded). */
  private readonly finished = new Map<string, Outcome>();
  private waiters: (() => void)[] = [];
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {
    storage.beforeChange = (collection, idKey) => this.keepPreImages(collection, idKey);
  }

  start(): string {
    const id = `tx-${randomBytes(12).toString('hex')}`;
    this.active.set(id, new Transaction(id, this.now()));
    return id;
  }

  /** Rolls back transactions older than the lifetime (abandoned, or stuck waiting). */
  sweep(): void {
    const now = this.now();
    for (const tx of this.active.values()) {
      if (now - tx.startedAtMs > this.lifetimeMs) this.finish(tx, 'expired');
    }
  }

  /** The live transaction with this id, or the cloud's error for a finished or unknown one. */
  get(id: unknown): Transaction {
    if (typeof id !== 'string' || id.length === 0)
      throw new DbError('INVALID_PARAM', 'transactionId must be a non-empty string');
    const tx = this.active.get(id);
    if (tx) return tx;
    throw this.notLive(id);
  }

  private notLive(id: string): DbError {
    const outcome = this.finished.get(id);
    const why =
      outcome === 'expired'
        ? `was rolled back: not finished within ${this.lifetimeMs / 1000} s`
        : outcome
          ? `is already finished (${outcome})`
          : 'does not exist';
    return transactionFail(`[ResourceUnavailable.TransactionNotExist] transaction ${id} ${why}`);
  }

  source(tx: Transaction): TransactionSource {
    return new TransactionSource(this, this.storage, tx);
  }

  /** The live transaction holding a lock on the document, if any. */
  lockHolder(collection: string, idKey: string): Transaction | undefined {
    return this.locks.get(rowKey(collection, idKey));
  }

  /** Takes the document's lock for `tx`, or rolls `tx` back and throws the conflict. */
  lockFor(tx: Transaction, collection: string, idKey: string): void {
    const key = rowKey(collection, idKey);
    const holder = this.locks.get(key);
    if ((holder && holder !== tx) || tx.preImages.has(key)) {
      this.finish(tx, 'conflicted');
      throw transactionConflict();
    }
    this.locks.set(key, tx);
  }

  commit(id: unknown): void {
    if (typeof id === 'string' && this.finished.get(id) === 'conflicted') throw transactionConflict();
    const tx = this.get(id);
    // Leave `active` first: its own writes must not be kept as pre-images for itself.
    this.active.delete(tx.id);
    const collections = new Set([...tx.writes.values()].filter((w) => w.doc !== null).map((w) => w.collection));
    try {
      for (const collection of collections) this.storage.ensureCollection(collection);
      this.storage.atomically(() => {
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
      this.finish(tx, 'failed');
      throw error;
    }
    this.finish(tx, 'committed');
  }

  /** Abort of a transaction the server already rolled back (conflict) is accepted. */
  abort(id: unknown): void {
    if (typeof id === 'string' && !this.active.has(id)) {
      const outcome = this.finished.get(id);
      if (outcome === 'aborted' || outcome === 'conflicted') return;
    }
    this.finish(this.get(id), 'aborted');
  }

  /** Resolves when some transaction finishes (or expires by the clock): then retry the write. */
  released(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      // Expiry follows the cloud clock, which tests move by jumps: look at it regularly.
      this.poll ??= setInterval(() => this.sweep(), 50).unref();
    });
  }

  clear(): void {
    this.active.clear();
    this.locks.clear();
    this.finished.clear();
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    for (const wake of waiters) wake();
  }

  /** Storage hook: before a document changes, every live snapshot that lacks it keeps its pre-image. */
  private keepPreImages(collection: string, idKey: string): void {
    const key = rowKey(collection, idKey);
    let row: StoredRow | null | undefined;
    for (const tx of this.active.values()) {
      if (!tx.snapshotTaken || tx.preImages.has(key)) continue;
      if (row === undefined) row = this.storage.getRow(collection, idKey) ?? null;
      tx.preImages.set(key, { collection, idKey, row });
    }
  }

  private finish(tx: Transaction, outcome: Outcome): void {
    this.active.delete(tx.id);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx) this.locks.delete(key);
    this.finished.set(tx.id, outcome);
    if (this.finished.size > 10_000) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
    this.wakeWaiters();
  }
}
