/** CloudBase transaction semantics (snapshot isolation, write locks) at the request level. */
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

  const start = () => db.handleSync({ action: 'database.startTransaction' }).transactionId as string;
  const commit = (tx: string) => db.handleSync({ action: 'database.commitTransaction', transactionId: tx });
  const abort = (tx: string) => db.handleSync({ action: 'database.abortTransaction', transactionId: tx });
  const getRequest = (tx: string | undefined, id: string) => ({
    action: 'database.getDocument',
    collectionName: 'acc',
    queryType: 'DOC',
    multi: false,
    query: ej({ _id: id }),
    ...(tx ? { transactionId: tx } : {}),
  });
  const read = (tx: string | undefined, id: string) => {
    const reply = db.handleSync(getRequest(tx, id));
    const list = (reply.data as { list: string[] } | undefined)?.list;
    if (!list) throw new Error(JSON.stringify(reply));
    return list.map((s) => EJSON.parse(s) as { _id: string; balance: number })[0];
  };
  const incRequest = (tx: string | undefined, id: string, by: number) => ({
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
  const inc = (tx: string | undefined, id: string, by: number) => db.handleSync(incRequest(tx, id, by));
  const balances = () => db.find('acc').map((doc: { balance: number }) => doc.balance);
  const CONFLICT = {
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: 'Transaction is conflict, maybe resource operated by others.',
  };
  const FINISHED = { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/TransactionNotExist/) };

  it('reads inside a transaction return its snapshot, taken at its first operation', () => {
    const tx = start();
    inc(undefined, 'a', 1); // before the first operation: part of the snapshot
    expect(read(tx, 'a')!.balance).toBe(101);
    inc(undefined, 'a', 1);
    db.removeMany('acc', { _id: 'b' });
    db.insert('acc', [{ _id: 'c', balance: 7 }]);
    expect(read(tx, 'a')!.balance).toBe(101);
    expect(read(tx, 'b')!.balance).toBe(0);
    expect(read(tx, 'c')).toBeUndefined();
    expect(read(undefined, 'a')!.balance).toBe(102);
  });

  it('a write changes the snapshot (later reads in the transaction see it); others see it only after commit', () => {
    const tx = start();
    expect(inc(tx, 'a', -30)).toEqual({ data: { updated: 1 } });
    expect(inc(tx, 'b', 30)).toEqual({ data: { updated: 1 } });
    expect(read(tx, 'a')!.balance).toBe(70);
    expect(read(undefined, 'a')!.balance).toBe(100);
    const added = db.handleSync({
      action: 'database.insertDocument',
      collectionName: 'log',
      data: [ej({ _id: 'l1', what: 'transfer' })],
      transactionId: tx,
    });
    expect(added).toEqual({ data: { insertedIds: ['l1'] } });
    expect(db.count('log')).toBe(0);
    expect(commit(tx)).toEqual({});
    expect(balances()).toEqual([70, 30]);
    expect(db.find('log')).toEqual([{ _id: 'l1', what: 'transfer' }]);
  });

  it("another transaction's write to a locked document fails at once with DATABASE_TRANSACTION_CONFLICT", () => {
    const t1 = start();
    const t2 = start();
    expect(read(t2, 'a')!.balance).toBe(100);
    inc(t1, 'a', -10);
    expect(inc(t2, 'a', -20)).toEqual(CONFLICT);
    // The server rolled t2 back: a commit answers the conflict again (runTransaction retries on it),
    // the SDK's abort is accepted, any other use is the finished-transaction error.
    expect(commit(t2)).toEqual(CONFLICT);
    expect(abort(t2)).toEqual({});
    expect(db.handleSync(getRequest(t2, 'a'))).toMatchObject(FINISHED);
    expect(commit(t1)).toEqual({});
    expect(balances()).toEqual([90, 0]);
  });

  it('a write to a document changed since the snapshot conflicts (no lost update)', () => {
    const t1 = start();
    const t2 = start();
    read(t1, 'a');
    read(t2, 'a');
    inc(t1, 'a', -10);
    expect(commit(t1)).toEqual({});
    expect(inc(t2, 'a', -20)).toEqual(CONFLICT);

    const t3 = start();
    read(t3, 'b');
    inc(undefined, 'b', 5);
    expect(inc(t3, 'b', 1)).toEqual(CONFLICT);
    expect(balances()).toEqual([90, 5]);
  });

  it('commit does not validate what was only read: write skew is possible, as in the cloud', () => {
    // Rule: a + b must stay >= 0. Each transaction reads both and takes 100 from a different one.
    const t1 = start();
    const t2 = start();
    expect(read(t1, 'a')!.balance + read(t1, 'b')!.balance).toBe(100);
    expect(read(t2, 'a')!.balance + read(t2, 'b')!.balance).toBe(100);
    inc(t1, 'a', -100);
    inc(t2, 'b', -100);
    expect(commit(t1)).toEqual({});
    expect(commit(t2)).toEqual({});
    expect(balances()).toEqual([0, -100]);
  });

  it('an ordinary update of a locked document waits until the transaction commits, then applies', async () => {
    const tx = start();
    inc(tx, 'a', -30);
    const waiting = db.handle(incRequest(undefined, 'a', 5));
    expect(waiting).toBeInstanceOf(Promise);
    // Reads do not wait; unlocked documents are not held up.
    expect(read(undefined, 'a')!.balance).toBe(100);
    expect(inc(undefined, 'b', 1)).toEqual({ data: { updated: 1 } });
    expect(balances()).toEqual([100, 1]);
    expect(commit(tx)).toEqual({});
    expect(await waiting).toEqual({ data: { updated: 1 } });
    expect(balances()).toEqual([75, 1]);
  });

  it('an ordinary where().update() or add() touching a locked document waits until rollback', async () => {
    const tx = start();
    inc(tx, 'b', 50);
    db.handleSync({
      action: 'database.insertDocument',
      collectionName: 'acc',
      data: [ej({ _id: 'new', balance: 1 })],
      transactionId: tx,
    });
    const update = db.handle({
      action: 'database.modifyDocument',
      collectionName: 'acc',
      queryType: 'WHERE',
      multi: true,
      query: ej({ balance: { $gte: 0 } }),
      data: ej({ $inc: { balance: 1 } }),
    });
    const add = db.handle({
      action: 'database.insertDocument',
      collectionName: 'acc',
      data: [ej({ _id: 'new', balance: 2 })],
    });
    expect(update).toBeInstanceOf(Promise);
    expect(add).toBeInstanceOf(Promise);
    expect(balances()).toEqual([100, 0]); // all or nothing: 'a' was not updated either
    expect(abort(tx)).toEqual({});
    expect(await update).toEqual({ data: { updated: 2 } });
    expect(await add).toEqual({ data: { insertedIds: ['new'] } });
    expect(balances()).toEqual([101, 1, 2]);
  });

  it('a waiting ordinary update goes through when the transaction expires (30 s), so nothing deadlocks', async () => {
    const tx = start();
    inc(tx, 'a', -30);
    // e.g. a plain update inside the runTransaction callback of the very transaction holding the lock
    const waiting = db.handle(incRequest(undefined, 'a', 5));
    clock += 30_001;
    expect(await waiting).toEqual({ data: { updated: 1 } });
    expect(balances()).toEqual([105, 0]);
    expect(commit(tx)).toMatchObject(FINISHED);
    expect(balances()).toEqual([105, 0]);
  });

  it('only single-document operations run in a transaction: where() with a transactionId is refused', () => {
    const tx = start();
    const refused = {
      code: 'DATABASE_TRANSACTION_FAIL',
      message: expect.stringMatching(/only single-document operations/),
    };
    expect(
      db.handleSync({
        action: 'database.getDocument',
        collectionName: 'acc',
        queryType: 'WHERE',
        query: ej({ balance: { $gte: 0 } }),
        limit: 100,
        transactionId: tx,
      }),
    ).toMatchObject(refused);
    expect(
      db.handleSync({
        action: 'database.modifyDocument',
        collectionName: 'acc',
        queryType: 'WHERE',
        multi: true,
        query: ej({ balance: 0 }),
        data: ej({ $set: { x: 1 } }),
        transactionId: tx,
      }),
    ).toMatchObject(refused);
    expect(balances()).toEqual([100, 0]);
    expect(commit(tx)).toEqual({});
  });

  it('operations that carry no transactionId run outside the transaction (count, where-update)', () => {
    const tx = start();
    inc(tx, 'a', -100);
    expect(
      db.handleSync({
        action: 'database.calculateDocument',
        collectionName: 'acc',
        queryType: 'WHERE',
        query: ej({ balance: 100 }),
      }),
    ).toEqual({ data: { total: 1 } });
    commit(tx);
    expect(db.count('acc', { balance: 100 })).toBe(0);
  });

  it('a finished transaction (committed, rolled back, expired, unknown) answers DATABASE_TRANSACTION_FAIL', () => {
    const committed = start();
    inc(committed, 'a', -1);
    commit(committed);
    const rolledBack = start();
    inc(rolledBack, 'a', -1);
    abort(rolledBack);
    const expired = start();
    inc(expired, 'b', 1);
    clock += 30_001;
    for (const tx of [committed, rolledBack, expired, 'tx-nope']) {
      expect(db.handleSync(getRequest(tx, 'a'))).toMatchObject(FINISHED);
      expect(inc(tx, 'a', 1)).toMatchObject(FINISHED);
      expect(commit(tx)).toMatchObject(FINISHED);
    }
    expect(balances()).toEqual([99, 0]);
  });

  it('abort discards every buffered write and releases the locks', () => {
    const tx = start();
    inc(tx, 'a', -50);
    db.handleSync({
      action: 'database.removeDocument',
      collectionName: 'acc',
      queryType: 'DOC',
      multi: false,
      query: ej({ _id: 'b' }),
      transactionId: tx,
    });
    expect(abort(tx)).toEqual({});
    expect(balances()).toEqual([100, 0]);
    expect(inc(undefined, 'a', 1)).toEqual({ data: { updated: 1 } });
  });

  it('a duplicate _id inside a transaction is refused at once; its other writes still commit', () => {
    const tx = start();
    inc(tx, 'a', -1);
    expect(
      db.handleSync({
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
