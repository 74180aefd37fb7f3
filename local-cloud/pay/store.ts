/**
 * Write-through cache of one system collection (`_local_pay_payments`, `_local_delayed_tasks`, ...).
 * The simulators read from memory (so `ledger()` and `sentMessages()` can be synchronous) and write
 * every change to the local cloud's Database so it survives a restart; `load()` refills the cache.
 */
import type { CloudServices } from '@local-cloud/services';

export interface StoredDocument {
  _id: string;
}

type Db = CloudServices['db'];

/** Strips undefined values: they have no JSON/EJSON form and the SDK-facing db rejects nothing else. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class SystemCollection<T extends StoredDocument> {
  private readonly cache = new Map<string, T>();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    readonly name: string,
  ) {}

  /** Loads the collection once (idempotent); every async entry point awaits it first. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const docs = (await this.db.find(this.name, {})) as T[];
      for (const doc of docs) this.cache.set(doc._id, doc);
    })();
    return this.loading;
  }

  get(id: string): T | undefined {
    return this.cache.get(id);
  }

  all(): T[] {
    return [...this.cache.values()];
  }

  async insert(doc: T): Promise<void> {
    const stored = plain(doc);
    this.cache.set(doc._id, stored);
    await this.db.insert(this.name, [stored]);
  }

  /**
   * Sets some fields of an existing document, in the cache and on disk, leaving the others as they
   * are now (a concurrent change to another field is kept).
   */
  async patch(id: string, fields: Partial<Omit<T, '_id'>>): Promise<void> {
    const current = this.cache.get(id);
    if (!current) throw new Error(`${this.name}: no document ${id} to patch`);
    const stored = plain(fields);
    this.cache.set(id, { ...current, ...stored });
    await this.db.updateMany(this.name, { _id: id }, { $set: stored });
  }

  /** Replaces the stored fields of an existing document (whole-document `$set`). */
  async save(doc: T): Promise<void> {
    const stored = plain(doc);
    this.cache.set(doc._id, stored);
    const { _id, ...fields } = stored;
    await this.db.updateMany(this.name, { _id }, { $set: fields });
  }
}
