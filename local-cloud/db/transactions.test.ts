/** Optimistic transactions as wx-server-sdk drives them (transactionId on doc ops, commit answers conflicts). */
import { EJSON } from 'bson';
import { Database } from './index';

const ej = (value: unknown) => EJSON.stringify(value as Record<string, unknown>, { relaxed: false });

describe('transactions', () => {
  let clock: number;
  let db: Database;
  beforeEach(() => {
    clock = Date.UTC(2026, 10, 25);
    db = new Database({ file: ':memory:', indexes: [], now: () => clock });
    db.insert('acc', [
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ]);
  });
  afterEach(() => db.close());

  const start = () => db.handle({ action: 'database.startTransaction' }).transactionId as string;
  const commit = (tx: string) => db.handle({ action: 'database.commitTransaction', transactionId: tx });
  const abort = (tx: string) => db.handle({ action: 'database.abortTransaction', transactionId: tx });
  const read = (tx: string | undefined, id: string) => {
    const reply = db.handle({
      action: 'database.getDocument',
      collectionName: 'acc',
      queryType: 'DOC',
      multi: false,
      query: ej({ _id: id }),
      ...(tx ? { transactionId: tx } : {}),
    });
    const list = (reply.data as { list: string[] } | undefined)?.list;
    if (!list) throw new Error(JSON.stringify(reply));
    return list.map((s) => EJSON.parse(s) as { _id: string; balance: number })[0];
  };
  const inc = (tx: string | undefined, id: string, by: number) =>
    db.handle({
      action: 'database.modifyDocument',
      collectionName: 'acc',
      queryType: 'DOC',
      multi: false,
      merge: true,
      upsert: false,
      query: ej({ _id: id }),
      data: ej({ $inc: { balance: by } }),
      ...(tx ? { transactionId: tx } : {}),
    });
  const CONFLICT = {
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: 'Transaction is conflict, maybe resource operated by others.',
  };

  it('commits atomically; reads inside see own writes, others do not', () => {
    const tx = start();
    expect(read(tx, 'a')!.balance).toBe(100);
    expect(inc(tx, 'a', -30)).toEqual({ data: { updated: 1 } });
    expect(inc(tx, 'b', 30)).toEqual({ data: { updated: 1 } });
    expect(read(tx, 'a')!.balance).toBe(70);
    expect(read(undefined, 'a')!.balance).toBe(100);
    const added = db.handle({
      action: 'database.insertDocument',
      collectionName: 'log',
      data: [ej({ _id: 'l1', what: 'transfer' })],
      transactionId: tx,
    });
    expect(added).toEqual({ data: { insertedIds: ['l1'] } });
    expect(db.count('log')).toBe(0);
    expect(commit(tx)).toEqual({});
    expect(db.find('acc').map((doc) => doc.balance)).toEqual([70, 30]);
    expect(db.find('log')).toEqual([{ _id: 'l1', what: 'transfer' }]);
  });

  it('abort discards every buffered write', () => {
    const tx = start();
    inc(tx, 'a', -50);
    db.handle({
      action: 'database.removeDocument',
      collectionName: 'acc',
      queryType: 'DOC',
      multi: false,
      query: ej({ _id: 'b' }),
      transactionId: tx,
    });
    expect(abort(tx)).toEqual({});
    expect(db.find('acc').map((doc) => doc.balance)).toEqual([100, 0]);
  });

  it('two interleaved transactions on one document: the second commit conflicts (no lost update)', () => {
    const t1 = start();
    const t2 = start();
    read(t1, 'a');
    read(t2, 'a');
    inc(t1, 'a', -10);
    inc(t2, 'a', -20);
    expect(commit(t1)).toEqual({});
    expect(commit(t2)).toEqual(CONFLICT);
    expect(read(undefined, 'a')!.balance).toBe(90);
    // The server finished the conflicted transaction itself: the SDK's later abort is harmless,
    // any other use is a clear error.
    expect(abort(t2)).toEqual({});
    expect(inc(t2, 'a', 1)).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(/already finished/),
    });
    expect(commit(t2)).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  it('a plain write between the transaction read and its commit makes the commit conflict', () => {
    const tx = start();
    expect(read(tx, 'a')!.balance).toBe(100);
    inc(tx, 'a', -100);
    expect(inc(undefined, 'a', 5)).toEqual({ data: { updated: 1 } });
    expect(commit(tx)).toEqual(CONFLICT);
    expect(read(undefined, 'a')!.balance).toBe(105);
  });

  it('a document deleted and re-created in between still conflicts (versions never repeat)', () => {
    const tx = start();
    read(tx, 'b');
    inc(tx, 'b', 1);
    db.removeMany('acc', { _id: 'b' });
    db.insert('acc', [{ _id: 'b', balance: 0 }]);
    expect(commit(tx)).toEqual(CONFLICT);
  });

  it('a read of a missing document conflicts with a concurrent insert of it', () => {
    const tx = start();
    expect(read(tx, 'c')).toBeUndefined();
    db.handle({
      action: 'database.insertDocument',
      collectionName: 'acc',
      data: [ej({ _id: 'c', balance: 1 })],
      transactionId: tx,
    });
    db.insert('acc', [{ _id: 'c', balance: 2 }]);
    expect(commit(tx)).toEqual(CONFLICT);
    expect(read(undefined, 'c')!.balance).toBe(2);
  });

  it('where().get() inside a transaction conflicts when its result changes before commit', () => {
    const tx = start();
    const reply = db.handle({
      action: 'database.getDocument',
      collectionName: 'acc',
      queryType: 'WHERE',
      query: ej({ balance: { $gte: 0 } }),
      limit: 100,
      transactionId: tx,
    });
    expect((reply.data as { list: string[] }).list).toHaveLength(2);
    db.insert('acc', [{ _id: 'new', balance: 5 }]);
    expect(commit(tx)).toEqual(CONFLICT);
  });

  it('operations that carry no transactionId run outside (count, where-update)', () => {
    const tx = start();
    inc(tx, 'a', -100);
    expect(
      db.handle({
        action: 'database.calculateDocument',
        collectionName: 'acc',
        queryType: 'WHERE',
        query: ej({ balance: 100 }),
      }),
    ).toEqual({ data: { total: 1 } });
    commit(tx);
    expect(db.count('acc', { balance: 100 })).toBe(0);
  });

  it('expires abandoned transactions after 30 s of clock time', () => {
    const tx = start();
    inc(tx, 'a', -1);
    clock += 31_000;
    expect(commit(tx)).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/expired/) });
    expect(read(undefined, 'a')!.balance).toBe(100);
  });

  it('rejects unknown transaction ids clearly', () => {
    expect(commit('tx-nope')).toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringMatching(/does not exist/),
    });
    expect(
      db.handle({
        action: 'database.getDocument',
        collectionName: 'acc',
        queryType: 'DOC',
        query: ej({ _id: 'a' }),
        transactionId: 'tx-nope',
      }),
    ).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });

  it('a duplicate _id inside a transaction is refused at once; its other writes still commit', () => {
    const tx = start();
    inc(tx, 'a', -1);
    expect(
      db.handle({
        action: 'database.insertDocument',
        collectionName: 'acc',
        data: [ej({ _id: 'b' })],
        transactionId: tx,
      }),
    ).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/^E11000/) });
    expect(commit(tx)).toEqual({});
    expect(read(undefined, 'a')!.balance).toBe(99);
  });
});
