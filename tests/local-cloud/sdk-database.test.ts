/**
 * The unmodified wx-server-sdk's database calls, made from a cloud function, round-trip through the
 * local cloud: queries, update operators, serverDate, upsert, count, and CloudBase transaction semantics
 * (snapshot reads, write locks, conflicts at the write, waiting plain writes, finished transactions).
 */
import path from 'node:path';
import type { LocalCloud } from '../../local-cloud';
import { startTestCloud } from './helpers';

type Crud = {
  created: string[];
  cheapFirst: Array<Record<string, unknown>>;
  one: Record<string, unknown>;
  oneCreatedAtIsDate: boolean;
  oneCreatedAtMs: number;
  updated: { updated: number };
  afterUpdate: Record<string, unknown>;
  removedField: { updated: number };
  afterRemove: Record<string, unknown>;
  upserted: { _id: string; stats: { updated: number; created: number } };
  replaced: { updated: number; created: number };
  replacedDoc: Record<string, unknown>;
  total: number;
  cheapCount: number;
  multi: { updated: number };
  removed: { removed: number };
  after: Array<{ name: string; price: number; cheap?: boolean }>;
  missing: { errCode: number; errMsg: string };
  clockNow: number;
};

jest.setTimeout(30_000);

describe('wx-server-sdk database calls through the local cloud', () => {
  let cloud: LocalCloud;
  const run = (event: Record<string, unknown>) => cloud.call('dbscenarios', event, 'dev-giver');

  beforeAll(async () => {
    // A 2dsphere index on `places` for the geo queries.
    cloud = await startTestCloud({ workers: 8, indexesFile: path.join(__dirname, 'fixtures', 'indexes.json') });
  });
  afterAll(() => cloud.stop());

  it('add / where / orderBy / limit / field / doc get / update operators / set upsert / count / remove', async () => {
    await cloud.clock.advance(7 * 86_400_000); // serverDate must follow the cloud clock
    const result = (await run({ scenario: 'crud', collection: 'items' })) as Crud;

    expect(result.created).toHaveLength(3);
    expect(result.cheapFirst).toEqual([
      { _id: result.created[2], name: 'card', price: 500 },
      { _id: result.created[1], name: 'cake', price: 1500 },
    ]);
    expect(result.one).toMatchObject({ name: 'tea', price: 3000, tags: ['gift'], stock: { left: 10 } });
    expect(result.oneCreatedAtIsDate).toBe(true);
    expect(Math.abs(result.oneCreatedAtMs - result.clockNow)).toBeLessThan(10_000);
    expect(result.oneCreatedAtMs).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    expect(result.updated).toEqual({ updated: 1 });
    expect(result.afterUpdate).toMatchObject({
      price: 3500,
      tags: ['gift', 'tea'],
      stock: { left: 9 },
      note: 'updated',
    });
    expect(result.removedField).toEqual({ updated: 1 });
    expect(result.afterRemove).not.toHaveProperty('note');

    expect(result.upserted).toEqual({ _id: 'fixed-id', stats: { updated: 0, created: 1 } });
    expect(result.replaced).toEqual({ updated: 1, created: 0 });
    expect(result.replacedDoc).toEqual({ _id: 'fixed-id', name: 'set-replaced', price: 2 });

    expect(result.total).toBe(4);
    expect(result.cheapCount).toBe(3);
    expect(result.multi).toEqual({ updated: 3 });
    expect(result.removed).toEqual({ removed: 1 });
    expect(result.after).toEqual([
      { name: 'tea', price: 3500 },
      { name: 'cake', price: 1500, cheap: true },
      { name: 'set-replaced', price: 2, cheap: true },
    ]);
    expect(result.missing.errMsg).toMatch(/document\.get:fail .*does not exist/);
  });

  it('concurrent read-modify-write transactions lose no update: a conflicting write fails (errCode -501001, wx-server-sdk does not retry it)', async () => {
    await run({ scenario: 'seedCounter', collection: 'counters', id: 'c1', value: 0 });
    const results = (await Promise.all(
      Array.from({ length: 20 }, () => run({ scenario: 'increment', collection: 'counters', id: 'c1' })),
    )) as Array<{ value?: number; error?: { errCode: number; errMsg: string } }>;
    const succeeded = results.flatMap((result) => (result.value === undefined ? [] : [result.value]));
    for (const { error } of results.filter((result) => result.error)) {
      expect(error).toMatchObject({
        errCode: -501001,
        errMsg: expect.stringMatching(/document\.update:fail -501001 .*Transaction is conflict/),
      });
    }
    expect(succeeded.length).toBeGreaterThan(0);
    expect(succeeded.sort((a, b) => a - b)).toEqual(Array.from({ length: succeeded.length }, (_, index) => index + 1));
    const { docs } = (await run({ scenario: 'list', collection: 'counters' })) as { docs: Array<{ value: number }> };
    expect(docs[0]?.value).toBe(succeeded.length);
  });

  it('rolls back on tx.rollback() and commits several writes together', async () => {
    await run({ scenario: 'seedCounter', collection: 'balances', id: 'b1', value: 10 });
    expect(await run({ scenario: 'rollback', collection: 'balances', id: 'b1' })).toEqual({
      outcome: { value: 'insufficient' },
      value: 10,
    });

    const committed = (await run({ scenario: 'commitMany', collection: 'txdocs' })) as {
      result: number;
      docs: unknown[];
    };
    expect(committed.result).toBe(1);
    expect(committed.docs).toEqual([
      { _id: 'tx-a', value: 1 },
      { _id: 'tx-b', value: 2 },
    ]);
  });

  it('a transaction write to a document changed since its snapshot fails at once; the outside write survives', async () => {
    await run({ scenario: 'seedCounter', collection: 'contested', id: 'k', value: 1 });
    const result = (await run({ scenario: 'conflict', collection: 'contested', id: 'k' })) as {
      commit: { code?: string; errCode?: number; errMsg?: string };
      value: number;
    };
    expect(result.commit).toMatchObject({
      errCode: -501001,
      errMsg: expect.stringMatching(/document\.update:fail -501001 .*Transaction is conflict/),
    });
    expect(result.value).toBe(1001);
  });

  it('a plain where().update() inside a runTransaction callback is applied once, at once, outside the transaction', async () => {
    const result = (await run({ scenario: 'plainUpdateInTransaction', collection: 'plainInTx' })) as {
      attempts: number;
      result: { taken: number; stockSeenInside: number };
      docs: Array<Record<string, unknown>>;
    };
    expect(result.attempts).toBe(1);
    // The transaction's snapshot was taken at its first operation (the add), before the plain update.
    expect(result.result).toEqual({ taken: 1, stockSeenInside: 10 });
    expect(result.docs).toEqual([
      { _id: 'sku', stock: 9 },
      { _id: 'order-1', sku: 'sku' },
    ]);
  });

  it('a plain update of a document its own transaction locked waits until the transaction expires (30 s): no deadlock', async () => {
    const outcome = run({ scenario: 'selfBlockingTransaction', collection: 'selfBlocking' });
    let settled = false;
    void outcome.finally(() => {
      settled = true;
    });
    // The cloud clock is ours to move: jump past the 30 s lifetime until the waiting write goes through.
    while (!settled) {
      await cloud.clock.advance(31_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await outcome).toEqual({
      outcome: {
        code: 'DATABASE_TRANSACTION_FAIL',
        message: expect.stringMatching(/TransactionNotExist.*not finished within 30 s/),
      },
      stock: 5,
    });
  });

  it('only single-document operations run in a transaction: where().get() is refused', async () => {
    expect(await run({ scenario: 'whereInTransaction', collection: 'whereInTx' })).toMatchObject({
      outcome: {
        errCode: -501001,
        errMsg: expect.stringMatching(/collection\.get:fail -501001 .*only single-document operations/),
      },
    });
  });

  it('a finished transaction answers DATABASE_TRANSACTION_FAIL (reads: errCode -501001; commit: the raw code)', async () => {
    expect(await run({ scenario: 'finishedTransaction', collection: 'finishedTx' })).toMatchObject({
      read: { errCode: -501001, errMsg: expect.stringMatching(/document\.get:fail -501001 .*TransactionNotExist/) },
      commit: { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/already finished \(committed\)/) },
    });
  });

  describe('query language as CloudBase answers it', () => {
    it('set() / update() with the data already stored answer updated: 1 (the matched count)', async () => {
      expect(await run({ scenario: 'sameData', collection: 'sameData' })).toEqual({
        docUpdate: { updated: 1 },
        docSet: { updated: 1, created: 0 },
        whereUpdate: { updated: 1 },
        noMatch: { updated: 0 },
      });
    });

    it('_.elemMatch with field conditions matches only documents in the array, with operators plain values', async () => {
      expect(await run({ scenario: 'elemMatch', collection: 'elemMatch' })).toEqual({
        fieldCondition: ['docs'],
        operatorCondition: ['values'],
        fieldOperator: ['docs'],
      });
    });

    it('$substr / $substrBytes with length -1 (rest of the string), $week from Sunday, $indexOfCP and $indexOfBytes', async () => {
      expect(await run({ scenario: 'expressions', collection: 'expressions' })).toEqual([
        { substr: 'éllo wörld', substrBytes: 'héllo wörld', week: 0, indexOfCP: 2, indexOfBytes: 3 },
        { substr: 'bc', substrBytes: 'abc', week: 1, indexOfCP: -1, indexOfBytes: -1 },
        { substr: '', substrBytes: '', week: 52, indexOfCP: -1, indexOfBytes: -1 },
      ]);
    });

    it('refuses field names starting with $, at any depth, and stores nothing', async () => {
      const refused = (api: string, field: string, at: string) => ({
        error: {
          errCode: -502001,
          errMsg: `${api}:fail -502001 database request fail. The dollar ($) prefixed field '${field}' in '${at}' is not valid for storage.`,
        },
      });
      expect(await run({ scenario: 'dollarFields', collection: 'dollarFields' })).toMatchObject({
        add: refused('collection.add', '$bad', '$bad'),
        nestedAdd: refused('collection.add', '$inner', 'ok.$inner'),
        set: refused('document.set', '$b', 'a.$b'),
        stored: 0,
      });
    });

    it('ObjectId values come back with their value: hex in get() results, ObjectId from aggregation', async () => {
      expect(await run({ scenario: 'objectId', collection: 'objectIds' })).toEqual({
        aggregated: { json: '5f8d0d55b54764421b7156c3', string: '5f8d0d55b54764421b7156c3', type: 'ObjectId' },
        stored: { json: '5f8d0d55b54764421b7156c3', string: '5f8d0d55b54764421b7156c3', found: 1 },
      });
    });

    it('_.jsonSchema matches documents valid against the schema (with bsonType)', async () => {
      expect(await run({ scenario: 'jsonSchema', collection: 'jsonSchema' })).toEqual(['valid']);
    });

    it('geo on real coordinates: $geoWithin polygon/circle, $nearSphere by distance with $min/$maxDistance in metres, $geoNear, 2dsphere index', async () => {
      expect(await run({ scenario: 'geo', collection: 'places' })).toMatchObject({
        // Huangpu box 121.46–121.50 E: People's Square and the Bund inside, Lujiazui (121.5055 E) outside
        withinPolygon: ['bund', 'peoplesSquare'],
        withinCircle: ['bund', 'peoplesSquare'],
        // inserted far-to-near; answered nearest first, Hongqiao (13 km) and Beijing beyond 5 km
        near: ['peoplesSquare', 'bund', 'lujiazui'],
        nearFrom2km: ['lujiazui'],
        geoNearStage: [
          { _id: 'peoplesSquare', metres: 0 },
          { _id: 'bund', metres: 1907 },
          { _id: 'lujiazui', metres: 3199 },
        ],
        locationReadBack: { type: 'Point', coordinates: [121.4903, 31.24] },
        notGeo: { error: { errCode: -502001, errMsg: expect.stringMatching(/Can't extract geo keys/) } },
        nearWithoutIndex: {
          error: { errCode: -502001, errMsg: expect.stringMatching(/unable to find index for \$geoNear query/) },
        },
      });
    });
  });
});
