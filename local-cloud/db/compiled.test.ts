import { update as mingoUpdate } from 'mingo/updater';
import { Query } from 'mingo/query';
import { cloudQuery, updateDocument } from './compiled';
import { MINGO_OPTIONS } from './language';

const base = () => ({
  _id: 'a',
  n: 1,
  tags: ['x', 'y'],
  items: [
    { sku: 's1', qty: 1 },
    { sku: 's2', qty: 2 },
  ],
  nested: { a: 1, b: { c: 2 } },
  when: new Date(1_700_000_000_000),
});

/** mingo's own update with the cloud's options: what updateDocument must reproduce. */
function reference(modifier: Record<string, unknown>) {
  const doc = base();
  try {
    const changed = mingoUpdate(doc, modifier, undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: MINGO_OPTIONS as never,
    });
    return { doc, changed: changed.length > 0 };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function ours(modifier: Record<string, unknown>) {
  const doc = base();
  try {
    return { doc, changed: updateDocument(doc, modifier) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('updateDocument answers as mingo/updater with the cloud options', () => {
  const cases: Record<string, Record<string, unknown>> = {
    'set new and nested fields': { $set: { m: 2, 'nested.b.d': 3 } },
    'set to the stored value (no change)': { $set: { n: 1 } },
    'inc and mul': { $inc: { n: 5 }, $mul: { 'nested.a': 3 } },
    'unset and rename': { $unset: { n: '' }, $rename: { tags: 'labels' } },
    'push each with slice': { $push: { tags: { $each: ['z', 'w'], $slice: -3 } } },
    'addToSet existing value (no change)': { $addToSet: { tags: 'x' } },
    'pull by condition': { $pull: { items: { qty: { $gte: 2 } } } },
    'pop last': { $pop: { tags: 1 } },
    'positional all': { $inc: { 'items.$[].qty': 10 } },
    'max / min with dates': { $max: { when: new Date(1_800_000_000_000) }, $min: { n: 0 } },
    'conflicting paths are refused': { $set: { n: 2 }, $inc: { n: 1 } },
    'unknown operator is refused': { $frobnicate: { n: 1 } },
    'the _id cannot be renamed onto': { $rename: { n: '_id' } },
  };
  for (const [name, modifier] of Object.entries(cases)) {
    it(name, () => {
      expect(ours(modifier)).toEqual(reference(modifier));
    });
  }
});

describe('cloudQuery', () => {
  it('matches as a Query built from the plain cloud options, custom operators included', () => {
    const docs = [
      { _id: 1, list: [1, 2, 3], name: 'abc' },
      { _id: 2, list: [{ a: 1 }], name: 'x' },
    ];
    const filters = [
      { list: { $elemMatch: { $gt: 2 } } },
      { list: { $elemMatch: { a: 1 } } },
      { name: /^a/ },
      { $expr: { $eq: [{ $indexOfCP: ['$name', 'b'] }, 1] } },
    ];
    for (const filter of filters) {
      const expected = new Query(filter, MINGO_OPTIONS as never).find(docs).all();
      expect(cloudQuery(filter).find(docs).all()).toEqual(expected);
    }
  });
});
