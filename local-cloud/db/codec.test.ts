import { readFileSync } from 'node:fs';
import { CAPTURE_FILE } from '@local-cloud/wire/fixtures';
import { EJSON } from 'bson';
import { decodeWire, decodeStored, encodeReply, encodeStored } from './codec';
import { Database } from './index';

const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);

interface Captured {
  url: string;
  body: Record<string, unknown> | string;
}
const captured = JSON.parse(readFileSync(CAPTURE_FILE, 'utf8')) as Captured[];
const databaseBodies = captured
  .map((request) => request.body)
  .filter(
    (body): body is Record<string, unknown> => typeof body === 'object' && String(body.action).startsWith('database.'),
  );

describe('decoding what wx-server-sdk sends', () => {
  it('decodes the mixed-type document of the wire doc (§1.3)', () => {
    const wire =
      '{"n":{"$numberInt":"1"},"d":{"$date":{"$numberLong":"1704067200000"}},"t":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}},"t2":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"r":{"$regularExpression":{"pattern":"^a","options":"i"}},"jr":{"$regularExpression":{"pattern":"x.y","options":"gi"}},"big":{"$numberLong":"1099511627776"},"f":{"$numberDouble":"1.5"},"nul":null,"arr":[{"$numberInt":"1"},"a"],"g":{"type":"Point","coordinates":[{"$numberInt":"113"},{"$numberInt":"23"}]}}';
    const doc = decodeWire(wire, NOW) as Record<string, unknown>;
    expect(doc).toEqual({
      n: 1,
      d: new Date(1704067200000),
      t: new Date(NOW),
      t2: new Date(NOW + 1000),
      r: /^a/i,
      jr: /x.y/i,
      big: 1099511627776,
      f: 1.5,
      nul: null,
      arr: [1, 'a'],
      g: { type: 'Point', coordinates: [113, 23] },
    });
    expect(doc.r).toBeInstanceOf(RegExp);
    expect((doc.jr as RegExp).flags).toBe('i');
  });

  it('replaces server dates inside queries too', () => {
    const query = decodeWire('{"t":{"$lt":{"$tcb_server_date":{"offset":{"$numberInt":"-60000"}}}}}', NOW);
    expect(query).toEqual({ t: { $lt: new Date(NOW - 60000) } });
  });

  it('rejects text that is not EJSON', () => {
    expect(() => decodeWire('{nope', NOW)).toThrow(/invalid EJSON/);
  });

  it('round-trips documents through storage and the reply encoding', () => {
    const doc = {
      _id: 'x',
      d: new Date(5),
      r: /a+/m,
      n: 1,
      f: 2.5,
      s: 'é',
      nested: { list: [new Date(0), null, true] },
    };
    expect(decodeStored(encodeStored(doc))).toEqual(doc);
    // The SDK parses each list item with EJSON.parse (relaxed): Dates and numbers come back.
    const parsed = EJSON.parse(encodeReply(doc)) as Record<string, unknown>;
    expect(parsed.d).toEqual(new Date(5));
    expect(parsed.n).toBe(1);
    expect(parsed.f).toBe(2.5);
  });

  it('stores numbers and strings as plain JSON so SQLite can index them', () => {
    expect(JSON.parse(encodeStored({ a: 1, b: 'x', c: new Date(7) }))).toEqual({ a: 1, b: 'x', c: { $date: 7 } });
  });
});

describe('the captured wx-server-sdk requests', () => {
  it('covers the database actions of the fixture file', () => {
    expect(databaseBodies.map((body) => body.action)).toEqual([
      'database.getDocument',
      'database.modifyDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.commitTransaction',
    ]);
  });

  it('answers each one with the reply shape the SDK reads', () => {
    const db = new Database({ file: ':memory:', indexes: [], now: () => NOW });
    db.insert('orders', [
      { _id: 'o1', status: 'pending', amount: 100, sku: 'a', stock: 5, createdAt: new Date(-1000) },
      { _id: 'o2', status: 'pending', amount: 900, sku: 'a', stock: 5, createdAt: new Date(-2000) },
    ]);
    const [query, docUpdate, conditional, add, start, txGet, txUpdate, commit] = databaseBodies;

    const found = db.handleSync(query!) as { data: { list: string[] } };
    expect(found.data.list.map((item) => (EJSON.parse(item) as { _id: string })._id)).toEqual(['o1']);

    expect(db.handleSync(docUpdate!)).toEqual({ data: { updated: 1 } });
    expect(db.find('orders', { _id: 'o1' })[0]).toMatchObject({ status: 'paid', stock: 4, paidAt: new Date(NOW) });

    // status is no longer 'pending': the conditional update matches nothing.
    expect(db.handleSync(conditional!)).toEqual({ data: { updated: 0 } });

    const added = db.handleSync(add!) as { data: { insertedIds: string[] } };
    expect(added.data.insertedIds).toHaveLength(1);
    expect(added.data.insertedIds[0]).toMatch(/^[0-9a-f]{32}$/);

    const started = db.handleSync(start!) as { transactionId: string };
    expect(typeof started.transactionId).toBe('string');
    const withTx = (body: Record<string, unknown>) => ({ ...body, transactionId: started.transactionId });
    const read = db.handleSync(withTx(txGet!)) as { data: { list: string[] } };
    expect(EJSON.parse(read.data.list[0]!)).toMatchObject({ _id: 'o1', status: 'paid' });
    expect(db.handleSync(withTx(txUpdate!))).toEqual({ data: { updated: 1 } });
    expect(db.find('orders', { _id: 'o1' })[0].status).toBe('paid'); // not visible before commit
    expect(db.handleSync(withTx(commit!))).toEqual({});
    expect(db.find('orders', { _id: 'o1' })[0].status).toBe('x');
    db.close();
  });
});
