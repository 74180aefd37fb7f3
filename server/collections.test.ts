/**
 * One owner per collection: every `.collection(...)` in server/ and cloudfunctions/<name>/src names a
 * collection through a constant declared in the same file, and each collection is touched by exactly
 * its owner module below. Anything else calls the owner's functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

const OWNERS: Record<string, string> = {
  categories: 'server/catalogue.ts',
  products: 'server/catalogue.ts',
  skus: 'server/stock.ts',
  orders: 'server/orders.ts',
  gifts: 'server/gifts/store.ts',
  users: 'server/users.ts',
  merchants: 'server/merchants.ts',
  afterSales: 'server/afterSales.ts',
  giftStats: 'server/giftStats.ts',
  wishlists: 'server/wishlists.ts',
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

const scanned = [
  ...sourceFiles(path.join(ROOT, 'server')),
  ...readdirSync(path.join(ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const src = path.join(ROOT, 'cloudfunctions', entry.name, 'src');
      try {
        return sourceFiles(src);
      } catch {
        return [];
      }
    }),
].map((file) => path.relative(ROOT, file).split(path.sep).join('/'));

interface Use {
  file: string;
  argument: string;
  /** the collection name, or null when the argument is not a string or a same-file string constant */
  collection: string | null;
}

/** `.collection(ARG)` uses of a file, ARG resolved through `const NAME = '<collection>'` in the same file. */
function collectionUses(file: string): Use[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const constants = new Map<string, string>();
  for (const match of text.matchAll(/\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*['"]([^'"]+)['"]/g)) {
    constants.set(match[1] as string, match[2] as string);
  }
  return [...text.matchAll(/\.collection\(\s*([^)]*?)\s*\)/g)].map((match) => {
    const argument = match[1] ?? '';
    const literal = /^['"]([^'"]+)['"]$/.exec(argument);
    return { file, argument, collection: literal ? (literal[1] ?? null) : (constants.get(argument) ?? null) };
  });
}

const uses = scanned.flatMap(collectionUses);

describe('one owner per collection', () => {
  it('finds the owners themselves (the scan works)', () => {
    for (const [collection, owner] of Object.entries(OWNERS)) {
      expect(uses.filter((use) => use.collection === collection).map((use) => use.file)).toContain(owner);
    }
  });

  it('names every collection by a literal or a constant of the same file', () => {
    expect(uses.filter((use) => use.collection === null)).toEqual([]);
  });

  it('touches each collection only in its owner module', () => {
    const strays = uses
      .filter((use) => use.collection !== null && OWNERS[use.collection] !== use.file)
      .map((use) => `${use.file}: .collection(${use.argument}) → ${use.collection ?? '?'}`);
    expect(strays).toEqual([]);
  });
});
