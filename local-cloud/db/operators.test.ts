/**
 * The MongoDB language through `handle()`, with request bodies shaped exactly as wx-server-sdk
 * builds them (EJSON strings, queryType, multi/merge/upsert).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { Database } from './index';

const NOW = Date.UTC(2026, 10, 25);
const ej = (value: unknown) => EJSON.stringify(value as Record<string, unknown>, { relaxed: false });

function open(file = ':memory:') {
  return new Database({ file, indexes: [{ collection: 'c', fields: { n: 1 } }], now: () => NOW });
}

function get(db: Database, query?: object, extra: Record<string, unknown> = {}) {
  const reply = db.handleSync({
    action: 'database.getDocument',
    collectionName: 'c',
    queryType: 'WHERE',
    ...(query ? { query: ej(query) } : {}),
    limit: 100,
    ...extra,
  });
  if (!('data' in reply)) throw new Error(JSON.stringify(reply));
  return (reply.data as { list: string[] }).list.map((item) => EJSON.parse(item) as Record<string, any>);
}
const ids = (docs: Record<string, any>[]) => docs.map((doc) => doc._id);

function modify(db: Database, query: object, data: object, options: Record<string, unknown> = {}) {
  return db.handleSync({
    action: 'database.modifyDocument',
    collectionName: 'c',
    queryType: 'WHERE',
    multi: true,
    merge: true,
    upsert: false,
    query: ej(query),
    data: ej(data),
    ...options,
  });
}

const seed = [
  {
    _id: 'a',
    n: 1,
    s: 'apple',
    tags: ['x', 'y'],
    o: { p: 1, q: 'k' },
    d: new Date(1000),
    items: [{ sku: 's1', qty: 2 }],
  },
  {
    _id: 'b',
    n: 2,
    s: 'banana',
    tags: ['y'],
    o: { p: 2 },
    d: new Date(2000),
    items: [
      { sku: 's2', qty: 1 },
      { sku: 's1', qty: 5 },
    ],
  },
  { _id: 'c', n: 3, s: 'Cherry', tags: [], d: new Date(3000) },
  { _id: 'd', s: 'date', n: null },
  { _id: 'e', n: 'five' },
];

describe('query operators', () => {
  let db: Database;
  beforeEach(() => {
    db = open();
    db.insert('c', seed);
  });
  afterEach(() => db.close());

  it.each([
    ['equality', { s: 'apple' }, ['a']],
    ['$eq', { n: { $eq: 2 } }, ['b']],
    ['$ne (includes missing and other types)', { n: { $ne: 2 } }, ['a', 'c', 'd', 'e']],
    ['$gt only compares numbers with numbers', { n: { $gt: 1 } }, ['b', 'c']],
    ['$gte', { n: { $gte: 2 } }, ['b', 'c']],
    ['$lt', { n: { $lt: 3 } }, ['a', 'b']],
    ['$lte', { n: { $lte: 1 } }, ['a']],
    ['$in', { n: { $in: [1, 3, 'five'] } }, ['a', 'c', 'e']],
    ['$nin', { n: { $nin: [1, 3] } }, ['b', 'd', 'e']],
    ['null matches null and missing', { o: null }, ['c', 'd', 'e']],
    ['$exists true', { o: { $exists: true } }, ['a', 'b']],
    ['$exists false', { d: { $exists: false } }, ['d', 'e']],
    ['$and (as _.gt().and(_.lt()) sends it)', { $and: [{ n: { $gt: 1 } }, { n: { $lt: 3 } }] }, ['b']],
    ['$or', { $or: [{ n: 1 }, { s: 'date' }] }, ['a', 'd']],
    ['$nor', { $nor: [{ n: 1 }, { n: 2 }] }, ['c', 'd', 'e']],
    ['$not', { n: { $not: { $gt: 1 } } }, ['a', 'd', 'e']],
    ['array contains', { tags: 'y' }, ['a', 'b']],
    ['$size', { tags: { $size: 0 } }, ['c']],
    ['$elemMatch', { items: { $elemMatch: { sku: 's1', qty: { $gt: 3 } } } }, ['b']],
    ['dot path into objects', { 'o.p': 2 }, ['b']],
    ['dot path through arrays', { 'items.sku': 's1' }, ['a', 'b']],
    ['dates', { d: { $gte: new Date(2000), $lt: new Date(3000) } }, ['b']],
    ['regex (db.RegExp)', { s: /^c/i }, ['c']],
  ])('%s', (_name, query, expected) => {
    expect(ids(get(db, query))).toEqual(expected);
  });

  it('matches db.RegExp and JS regexes with flags bson rejects, as sent on the wire', () => {
    const query = '{"s":{"$regularExpression":{"pattern":"AN","options":"gi"}}}';
    const reply = db.handleSync({
      action: 'database.getDocument',
      collectionName: 'c',
      queryType: 'WHERE',
      query,
      limit: 100,
    });
    expect((reply.data as { list: string[] }).list.map((s) => (EJSON.parse(s) as { _id: string })._id)).toEqual(['b']);
  });

  it('resolves db.serverDate() inside queries against the clock', () => {
    db.insert('c', [{ _id: 'late', d: new Date(NOW + 60_000) }]);
    const query = '{"d":{"$gt":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}}}}';
    const reply = db.handleSync({
      action: 'database.getDocument',
      collectionName: 'c',
      queryType: 'WHERE',
      query,
      limit: 100,
    });
    expect((reply.data as { list: string[] }).list).toHaveLength(1);
  });

  it('orders by several keys (priority = key order), then skips and limits', () => {
    db.insert('c', [
      { _id: 'f', n: 2, s: 'aaa' },
      { _id: 'g', n: 2, s: 'zzz' },
    ]);
    const order = ej({ n: -1, s: 1 });
    expect(ids(get(db, { n: { $gte: 1 } }, { order }))).toEqual(['c', 'f', 'b', 'g', 'a']);
    expect(ids(get(db, { n: { $gte: 1 } }, { order, offset: 1, limit: 2 }))).toEqual(['f', 'b']);
  });

  it('sorts mixed types the MongoDB way (null/missing < numbers < strings)', () => {
    expect(ids(get(db, {}, { order: ej({ n: 1 }) }))).toEqual(['d', 'a', 'b', 'c', 'e']);
  });

  it('applies limit 100 by default and clamps larger limits to 1000', () => {
    db.insert(
      'c',
      Array.from({ length: 1100 }, (_, i) => ({ k: i })),
    );
    expect(get(db, { k: { $exists: true } }, { limit: undefined })).toHaveLength(100);
    expect(get(db, { k: { $exists: true } }, { limit: 5000 })).toHaveLength(1000);
  });

  it('projects with include, exclude, _id exclusion and $slice', () => {
    expect(get(db, { _id: 'a' }, { projection: ej({ s: 1 }) })).toEqual([{ _id: 'a', s: 'apple' }]);
    expect(get(db, { _id: 'a' }, { projection: ej({ s: 1, _id: 0 }) })).toEqual([{ s: 'apple' }]);
    const [excluded] = get(db, { _id: 'a' }, { projection: ej({ tags: 0, items: 0, o: 0 }) });
    expect(excluded).toEqual({ _id: 'a', n: 1, s: 'apple', d: new Date(1000) });
    expect(get(db, { _id: 'a' }, { projection: ej({ tags: { $slice: [0, 1] }, n: 1 }) })).toEqual([
      { _id: 'a', n: 1, tags: ['x'] },
    ]);
  });

  it('reads one document by id (doc().get())', () => {
    const reply = db.handleSync({
      action: 'database.getDocument',
      collectionName: 'c',
      queryType: 'DOC',
      multi: false,
      query: ej({ _id: 'b' }),
    });
    expect((reply.data as { list: string[] }).list).toHaveLength(1);
    const missing = db.handleSync({
      action: 'database.getDocument',
      collectionName: 'c',
      queryType: 'DOC',
      multi: false,
      query: ej({ _id: 'zz' }),
    });
    expect(missing).toEqual({ data: { list: [] } });
  });

  it('counts (calculateDocument)', () => {
    expect(
      db.handleSync({
        action: 'database.calculateDocument',
        collectionName: 'c',
        queryType: 'WHERE',
        query: ej({ n: { $gt: 1 } }),
      }),
    ).toEqual({ data: { total: 2 } });
    expect(db.handleSync({ action: 'database.calculateDocument', collectionName: 'c', queryType: 'WHERE' })).toEqual({
      data: { total: 5 },
    });
  });

  it('aggregates with EJSON stage values', () => {
    const reply = db.handleSync({
      action: 'database.aggregateDocuments',
      collectionName: 'c',
      stages: [
        { stageKey: '$match', stageValue: ej({ n: { $gt: 0 } }) },
        { stageKey: '$group', stageValue: ej({ _id: null, total: { $sum: '$n' } }) },
        { stageKey: '$limit', stageValue: '10' },
      ],
    });
    expect((reply.data as { list: string[] }).list.map((s) => EJSON.parse(s))).toEqual([{ _id: null, total: 6 }]);
  });

  it('answers DATABASE_COLLECTION_NOT_EXIST for reads of a missing collection, like the cloud', () => {
    expect(
      db.handleSync({ action: 'database.getDocument', collectionName: 'nope', queryType: 'WHERE', limit: 10 }),
    ).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    expect(db.handleSync({ action: 'database.addCollection', collectionName: 'nope' })).toEqual({});
    expect(
      db.handleSync({ action: 'database.getDocument', collectionName: 'nope', queryType: 'WHERE', limit: 10 }),
    ).toEqual({ data: { list: [] } });
    expect(db.handleSync({ action: 'database.addCollection', collectionName: 'nope' })).toMatchObject({
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
    });
  });

  it('never throws for bad input', () => {
    expect(db.handleSync({ action: 'database.getDocument', collectionName: 'c', query: '{oops' })).toMatchObject({
      code: 'INVALID_PARAM',
    });
    expect(db.handleSync({ action: 'database.getDocument', query: '{}' })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(
      db.handleSync({ action: 'database.getDocument', collectionName: 'c', query: ej({ n: { $bogus: 1 } }) }),
    ).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
    expect(db.handleSync({ action: 'database.nope' })).toMatchObject({ code: 'INVALID_ACTION' });
    expect(
      db.handleSync({ action: 'database.insertDocument', collectionName: 'c', data: 'not-an-array' }),
    ).toMatchObject({
      code: 'INVALID_PARAM',
    });
  });
});

describe('update operators', () => {
  let db: Database;
  beforeEach(() => {
    db = open();
    db.insert('c', [{ _id: 'u', n: 5, s: 'x', arr: [3, 1, 2], tags: ['a'], o: { p: 1, q: 2 }, old: 'v', gone: 1 }]);
  });
  afterEach(() => db.close());
  const doc = () => db.find('c', { _id: 'u' })[0];
  const update = (data: object) => modify(db, { _id: 'u' }, data, { queryType: 'DOC', multi: false });

  it.each([
    [
      '$set (flattened dot paths, as the SDK sends nested objects)',
      { $set: { s: 'y', 'o.p': 9, 'new.deep': true } },
      { s: 'y', o: { p: 9, q: 2 }, new: { deep: true } },
    ],
    ['$set of a whole sub-object (_.set)', { $set: { o: { only: 1 } } }, { o: { only: 1 } }],
    ['$unset (_.remove)', { $unset: { gone: '', 'o.q': '' } }, { o: { p: 1 } }],
    ['$inc', { $inc: { n: -2, fresh: 1 } }, { n: 3, fresh: 1 }],
    ['$mul', { $mul: { n: 3 } }, { n: 15 }],
    ['$min', { $min: { n: 2 } }, { n: 2 }],
    ['$max', { $max: { n: 10 } }, { n: 10 }],
    ['$rename', { $rename: { old: 'renamed' } }, { renamed: 'v' }],
    ['$push $each', { $push: { arr: { $each: [4, 5] } } }, { arr: [3, 1, 2, 4, 5] }],
    ['$push $position (unshift)', { $push: { arr: { $each: [0], $position: 0 } } }, { arr: [0, 3, 1, 2] }],
    ['$push $sort $slice', { $push: { arr: { $each: [9], $sort: 1, $slice: 3 } } }, { arr: [1, 2, 3] }],
    ['$pop last', { $pop: { arr: 1 } }, { arr: [3, 1] }],
    ['$pop first (shift)', { $pop: { arr: -1 } }, { arr: [1, 2] }],
    ['$pull', { $pull: { arr: { $gte: 2 } } }, { arr: [1] }],
    ['$pullAll', { $pullAll: { arr: [1, 3] } }, { arr: [2] }],
    ['$addToSet $each', { $addToSet: { tags: { $each: ['a', 'b'] } } }, { tags: ['a', 'b'] }],
  ])('%s', (_name, data, expected) => {
    expect(update(data)).toEqual({ data: { updated: 1 } });
    expect(doc()).toMatchObject(expected);
    if ('$unset' in data) expect(doc()).not.toHaveProperty('gone');
    if ('$rename' in data) expect(doc()).not.toHaveProperty('old');
  });

  it('stamps db.serverDate() from the clock in updates', () => {
    const reply = db.handleSync({
      action: 'database.modifyDocument',
      collectionName: 'c',
      queryType: 'DOC',
      multi: false,
      merge: true,
      upsert: false,
      query: ej({ _id: 'u' }),
      data: '{"$set":{"at":{"$tcb_server_date":{"offset":{"$numberInt":"5000"}}}}}',
    });
    expect(reply).toEqual({ data: { updated: 1 } });
    expect(doc().at).toEqual(new Date(NOW + 5000));
  });

  it('answers the matched count, as the cloud: 1 for an update to the stored values, 0 when nothing matched', () => {
    expect(update({ $set: { s: 'x' } })).toEqual({ data: { updated: 1 } });
    expect(update({ $set: { s: 'x' } })).toEqual({ data: { updated: 1 } });
    expect(modify(db, { _id: 'missing' }, { $set: { s: 'y' } }, { queryType: 'DOC', multi: false })).toEqual({
      data: { updated: 0 },
    });
  });

  it('rejects what MongoDB rejects', () => {
    expect(update({ $inc: { s: 1 } })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(update({ $push: { s: 1 } })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(update({ $set: { _id: 'other' } })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    expect(doc()).toMatchObject({ n: 5, s: 'x' });
  });
});

describe('writes', () => {
  let db: Database;
  beforeEach(() => {
    db = open();
  });
  afterEach(() => db.close());

  it('generates 32-hex ids and keeps given ones', () => {
    const reply = db.handleSync({
      action: 'database.insertDocument',
      collectionName: 'c',
      data: [ej({ a: 1 }), ej({ _id: 'mine', a: 2 })],
    });
    const inserted = (reply.data as { insertedIds: string[] }).insertedIds;
    expect(inserted[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(inserted[1]).toBe('mine');
  });

  it('refuses a duplicate _id with E11000 and inserts nothing of that request', () => {
    db.insert('c', [{ _id: 'dup', v: 1 }]);
    const reply = db.handleSync({
      action: 'database.insertDocument',
      collectionName: 'c',
      data: [ej({ _id: 'fresh' }), ej({ _id: 'dup', v: 2 })],
    });
    expect(reply.code).toBe('DATABASE_REQUEST_FAILED');
    expect(String(reply.message)).toMatch(/^E11000 duplicate key error/);
    expect(db.count('c')).toBe(1);
    expect(db.find('c')[0]).toEqual({ _id: 'dup', v: 1 });
    // Duplicates inside one request too.
    expect(
      db.handleSync({
        action: 'database.insertDocument',
        collectionName: 'c',
        data: [ej({ _id: 'x' }), ej({ _id: 'x' })],
      }).code,
    ).toBe('DATABASE_REQUEST_FAILED');
    expect(db.count('c')).toBe(1);
  });

  it('doc(id).set(): upserts, then replaces', () => {
    const set = (data: object) =>
      db.handleSync({
        action: 'database.modifyDocument',
        collectionName: 'c',
        queryType: 'DOC',
        data: ej(data),
        multi: false,
        merge: false,
        upsert: true,
        query: ej({ _id: 'k' }),
      });
    expect(set({ name: 'first', extra: true })).toEqual({ data: { updated: 0, upsert_id: 'k' } });
    expect(set({ name: 'second' })).toEqual({ data: { updated: 1 } });
    expect(set({ name: 'second' })).toEqual({ data: { updated: 1 } }); // same data: still 1
    expect(db.find('c', { _id: 'k' })).toEqual([{ _id: 'k', name: 'second' }]);
  });

  it('where().update(): multi counts every matched document; multi:false only the first', () => {
    db.insert('c', [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 10 }]);
    expect(modify(db, { n: { $lt: 5 } }, { $set: { flag: true } })).toEqual({ data: { updated: 3 } });
    expect(modify(db, { n: { $lt: 5 } }, { $set: { flag: true } })).toEqual({ data: { updated: 3 } });
    expect(modify(db, { n: { $lt: 5 } }, { $set: { one: true } }, { multi: false })).toEqual({ data: { updated: 1 } });
    expect(db.count('c', { one: true })).toBe(1);
    expect(db.find('c', { one: true })[0].n).toBe(1);
  });

  it('where().remove() and doc().remove() answer deleted counts', () => {
    db.insert('c', [
      { _id: 'r1', n: 1 },
      { _id: 'r2', n: 2 },
      { _id: 'r3', n: 3 },
    ]);
    expect(
      db.handleSync({
        action: 'database.removeDocument',
        collectionName: 'c',
        queryType: 'WHERE',
        multi: true,
        query: ej({ n: { $gte: 2 } }),
      }),
    ).toEqual({ data: { deleted: 2 } });
    expect(
      db.handleSync({
        action: 'database.removeDocument',
        collectionName: 'c',
        queryType: 'DOC',
        multi: false,
        query: ej({ _id: 'r1' }),
      }),
    ).toEqual({ data: { deleted: 1 } });
    expect(db.count('c')).toBe(0);
  });

  it('direct helpers work with plain JS values', () => {
    db.insert('ledger', [
      { _id: 'l1', amount: 100, at: new Date(7) },
      { _id: 'l2', amount: 50 },
    ]);
    expect(db.find('ledger', { amount: { $gt: 60 } })).toEqual([{ _id: 'l1', amount: 100, at: new Date(7) }]);
    expect(db.find('ledger', {}, { orderBy: [['amount', 1]], limit: 1 })[0]._id).toBe('l2');
    expect(db.updateMany('ledger', {}, { $inc: { amount: 1 } })).toBe(2);
    expect(db.count('ledger', { amount: 101 })).toBe(1);
    expect(db.removeMany('ledger', { amount: 51 })).toBe(1);
    expect(db.find('missing')).toEqual([]);
  });

  it('keeps documents across close and reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-'));
    try {
      const file = join(dir, 'cloud.sqlite');
      const first = open(file);
      first.insert('c', [{ _id: 'p', n: 1, d: new Date(42), r: /x/i }]);
      first.handle({ action: 'database.addCollection', collectionName: 'empty' });
      first.close();
      const second = open(file);
      expect(second.find('c')).toEqual([{ _id: 'p', n: 1, d: new Date(42), r: /x/i }]);
      expect(
        second.handle({ action: 'database.getDocument', collectionName: 'empty', queryType: 'WHERE', limit: 10 }),
      ).toEqual({ data: { list: [] } });
      expect(second.explain('c', { n: 1 }).index).toBe('n_1');
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
