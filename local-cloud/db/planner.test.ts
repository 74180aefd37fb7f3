/**
 * The planner pushes indexable conditions (and, when exact, ORDER BY + LIMIT) down to SQLite.
 * Asserted through rows examined (never timings), and results always equal mingo's over all docs.
 */
import { Query } from 'mingo';
import { Database, type IndexSpec } from './index';
import { sortRows } from './storage';

const INDEXES: IndexSpec[] = [
  { collection: 'products', fields: { categoryId: 1, sales: -1 } },
  { collection: 'products', fields: { categoryId: 1, priceMin: 1 } },
  { collection: 'products', fields: { sales: -1 } },
  { collection: 'products', fields: { priceMin: 1 } },
  { collection: 'orders', fields: { openid: 1, createdAt: -1 } },
  { collection: 'orders', fields: { outTradeNo: 1 }, unique: true },
  { collection: 'mixed', fields: { v: 1 } },
  { collection: 'mixed', fields: { tag: 1 } },
];

describe('planner over 100,000 products', () => {
  const db = new Database({ file: ':memory:', indexes: INDEXES, now: () => 0 });
  beforeAll(() => {
    const docs = Array.from({ length: 100_000 }, (_, i) => ({
      _id: `p${i}`,
      categoryId: `cat-${i % 50}`,
      sales: (i * 7919) % 100_000,
      priceMin: 100 + (i % 1000),
      onShelf: i % 10 !== 0,
      name: `n${i}`,
    }));
    db.insert('products', docs);
  }, 60_000);
  afterAll(() => db.close());

  it('serves category + sales desc + limit 20 from the compound index, reading 20 rows', () => {
    const plan = db.explain('products', { categoryId: 'cat-7' }, [['sales', -1]], { limit: 20 });
    expect(plan).toEqual({ index: 'categoryId_1_sales_-1', rowsExamined: 20 });
    const page = db.find('products', { categoryId: 'cat-7' }, { orderBy: [['sales', -1]], limit: 20 });
    expect(page).toHaveLength(20);
    expect(page.every((doc) => doc.categoryId === 'cat-7')).toBe(true);
    const sales = page.map((doc) => doc.sales as number);
    expect(sales).toEqual([...sales].sort((a, b) => b - a));
  });

  it('pages with skip through the same index (skip + limit rows)', () => {
    expect(db.explain('products', { categoryId: 'cat-7' }, [['sales', -1]], { skip: 40, limit: 20 }).rowsExamined).toBe(
      60,
    );
    const all = db.find('products', { categoryId: 'cat-7' }, { orderBy: [['sales', -1]] });
    expect(db.find('products', { categoryId: 'cat-7' }, { orderBy: [['sales', -1]], skip: 40, limit: 20 })).toEqual(
      all.slice(40, 60),
    );
  });

  it('reads only the matching rows for an indexed equality', () => {
    expect(db.explain('products', { priceMin: 150 })).toEqual({ index: 'priceMin_1', rowsExamined: 100 });
    expect(db.explain('products', { categoryId: { $in: ['cat-1', 'cat-2'] } }).rowsExamined).toBe(4000);
  });

  it('uses index ranges and keeps re-checking other conditions with mingo', () => {
    const plan = db.explain('products', { priceMin: { $gte: 100, $lt: 103 }, onShelf: true });
    expect(plan.index).toBe('priceMin_1');
    expect(plan.rowsExamined).toBe(300);
    expect(db.count('products', { priceMin: { $gte: 100, $lt: 103 }, onShelf: true })).toBe(200);
  });

  it('streams an ordered scan with a filter on a field that has no index', () => {
    const plan = db.explain('products', { onShelf: false }, [['sales', -1]], { limit: 5 });
    expect(plan.index).toBe('sales_-1');
    expect(plan.rowsExamined).toBeLessThan(200);
  });

  it('looks documents up by _id through the primary key', () => {
    expect(db.explain('products', { _id: 'p123' })).toEqual({ index: '_id_', rowsExamined: 1 });
    expect(db.explain('products', { _id: { $in: ['p1', 'p2', 'nope'] } })).toEqual({ index: '_id_', rowsExamined: 2 });
  });

  it('falls back to a full scan when nothing is indexable', () => {
    expect(db.explain('products', { name: 'n5' })).toEqual({ index: null, rowsExamined: 100_000 });
    // $or is not a necessary condition per field: not pushed.
    expect(db.explain('products', { $or: [{ categoryId: 'cat-1' }, { priceMin: 100 }] }).rowsExamined).toBe(100_000);
  });
});

describe('planner safety: results always equal MongoDB semantics (mingo over every document)', () => {
  const db = new Database({ file: ':memory:', indexes: INDEXES, now: () => 0 });
  const docs: Record<string, unknown>[] = [
    { _id: 'm1', v: 1, tag: 'a' },
    { _id: 'm2', v: 2, tag: ['a', 'b'] },
    { _id: 'm3', v: '1', tag: 'b' },
    { _id: 'm4', v: true, tag: null },
    { _id: 'm5', v: new Date(1), tag: 'c' },
    { _id: 'm6', tag: 'a' },
    { _id: 'm7', v: null, tag: { x: 1 } },
    { _id: 'm8', v: 2.5, tag: 'b' },
    { _id: 'm9', v: 5, tag: 'a' },
  ];
  beforeAll(() => db.insert('mixed', docs));
  afterAll(() => db.close());

  it.each([
    [{ v: 1 }],
    [{ v: { $gt: 0 } }],
    [{ v: { $lte: 2 } }],
    [{ v: { $in: [1, '1', 2.5] } }],
    [{ v: new Date(1) }],
    [{ v: { $lt: new Date(5) } }],
    [{ v: null }],
    [{ tag: 'a' }],
    [{ tag: 'b', v: { $gte: 2 } }],
    [{ $and: [{ v: { $gt: 1 } }, { v: { $lt: 5 } }] }],
  ])('%j', (query) => {
    // Pushed down despite mixed types (null equality stays in mingo: it also matches missing fields).
    if ('v' in query && query.v !== null) expect(db.explain('mixed', query).index).toBe('v_1');
    const expected = docs.filter((doc) => new Query(query).test(doc)).map((doc) => doc._id);
    expect(db.find('mixed', query).map((doc) => doc._id)).toEqual(expected);
  });

  it('sorts mixed types like MongoDB (order not pushed to SQL)', () => {
    const rows = docs.map((doc) => ({ doc }));
    const expected = sortRows(rows, [['v', 1]]).map((row) => row.doc._id);
    expect(db.find('mixed', {}, { orderBy: [['v', 1]] }).map((doc) => doc._id)).toEqual(expected);
    expect(db.find('mixed', {}, { orderBy: [['v', 1]], limit: 3 }).map((doc) => doc._id)).toEqual(expected.slice(0, 3));
  });

  it('stops pushing a field down once it held an array (multikey), and keeps results right', () => {
    expect(db.explain('mixed', { tag: 'a' }).index).toBeNull();
    expect(db.find('mixed', { tag: 'a' }).map((doc) => doc._id)).toEqual(['m1', 'm2', 'm6', 'm9']);
  });
});

describe('indexes on orders', () => {
  it('orders by a Date field through the index and enforces unique keys', () => {
    const db = new Database({ file: ':memory:', indexes: INDEXES, now: () => 0 });
    const base = Date.UTC(2026, 10, 1);
    db.insert(
      'orders',
      Array.from({ length: 1000 }, (_, i) => ({
        _id: `o${i}`,
        openid: `u${i % 10}`,
        createdAt: new Date(base + i * 60_000),
        outTradeNo: `T${i}`,
      })),
    );
    const plan = db.explain('orders', { openid: 'u3' }, [['createdAt', -1]], { limit: 10 });
    expect(plan).toEqual({ index: 'openid_1_createdAt_-1', rowsExamined: 10 });
    const newest = db.find('orders', { openid: 'u3' }, { orderBy: [['createdAt', -1]], limit: 2 });
    expect(newest.map((doc) => doc._id)).toEqual(['o993', 'o983']);
    expect(newest[0].createdAt).toEqual(new Date(base + 993 * 60_000));

    const since = db.find('orders', { openid: 'u3', createdAt: { $gte: new Date(base + 990 * 60_000) } });
    expect(since.map((doc) => doc._id)).toEqual(['o993']);

    expect(() => db.insert('orders', [{ openid: 'u1', outTradeNo: 'T5' }])).toThrow(/E11000 .*outTradeNo_1/);
    expect(db.count('orders')).toBe(1000);
    db.close();
  });
});
