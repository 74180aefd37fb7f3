/**
 * Seeds the catalogue (categories, products, skus) into a database and refreshes the generated
 * product images in static/products/.
 *
 *   npm run seed                         # into the local cloud's data dir .local-cloud/
 *   npm run seed -- --reset              # drop the catalogue collections first
 *   npm run seed -- --data-dir /tmp/x    # another data dir
 *   npm run seed -- --images-only        # only regenerate static/products/*.svg
 *
 * Without --reset an already seeded catalogue is left alone (the seed never duplicates documents).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { IndexSpec } from '@local-cloud/db';
import { clock } from '@domain/clock';
import { buildCatalogue } from './catalogue/build';
import { buildGiftHistory } from './catalogue/giftHistory';
import { IMAGES_DIR, writeCatalogueImages } from './catalogue/images';

/** What the seed needs from a database: the local cloud's Database has exactly this. */
export interface SeedTarget {
  insert(collection: string, docs: Record<string, unknown>[]): string[];
  count(collection: string): number;
  removeMany(collection: string, query: Record<string, unknown>): number;
}

export const CATALOGUE_COLLECTIONS = ['categories', 'products', 'skus'] as const;
type CatalogueCollection = (typeof CATALOGUE_COLLECTIONS)[number];

export interface SeedSummary {
  /** false when the catalogue was already there and `reset` was not asked for */
  seeded: boolean;
  removed: Record<CatalogueCollection, number>;
  /** documents in each collection afterwards */
  counts: Record<CatalogueCollection, number>;
}

const perCollection = (value: (collection: CatalogueCollection) => number): Record<CatalogueCollection, number> => ({
  categories: value('categories'),
  products: value('products'),
  skus: value('skus'),
});

/** The local cloud's shop owner (the H5 user switcher's 店主) may use the merchant function. */
export const DEV_MERCHANTS = [{ _id: 'dev-merchant', name: '店主' }] as const;

/** Adds the dev merchants when the `merchants` collection is empty; never duplicates. */
export function seedMerchants(db: SeedTarget): void {
  if (db.count('merchants') === 0)
    db.insert(
      'merchants',
      DEV_MERCHANTS.map((merchant) => ({ ...merchant })),
    );
}

export function seedCatalogue(db: SeedTarget, options: { reset?: boolean } = {}): SeedSummary {
  seedMerchants(db);
  const removed = perCollection((collection) => (options.reset ? db.removeMany(collection, {}) : 0));
  const alreadySeeded = CATALOGUE_COLLECTIONS.some((collection) => db.count(collection) > 0);
  if (alreadySeeded) {
    return { seeded: false, removed, counts: perCollection((collection) => db.count(collection)) };
  }
  const catalogue = buildCatalogue();
  // The SeedTarget takes plain records; the catalogue documents are exactly that.
  const asDocs = (docs: object[]) => docs as Record<string, unknown>[];
  db.insert('categories', asDocs(catalogue.categories));
  db.insert('products', asDocs(catalogue.products));
  db.insert('skus', asDocs(catalogue.skus));
  return { seeded: true, removed, counts: perCollection((collection) => db.count(collection)) };
}

/**
 * Seeds a settled gift history (scripts/catalogue/giftHistory.ts) for the gift rankings when there
 * are no gifts yet and the seed catalogue is there; never duplicates. Returns how many gifts it added.
 * Not part of seedCatalogue: tests start from no gifts.
 */
export function seedGiftHistory(db: SeedTarget, now: number): number {
  if (db.count('gifts') > 0 || db.count('products') === 0) return 0;
  const history = buildGiftHistory(buildCatalogue(), now);
  db.insert('orders', history.orders as unknown as Record<string, unknown>[]);
  db.insert('gifts', history.gifts);
  return history.gifts.length;
}

const PROJECT_ROOT = path.resolve(__dirname, '..');
/** The local cloud keeps its database in <dataDir>/cloud.sqlite (see local-cloud/index.ts). */
export const LOCAL_CLOUD_DB_FILE = 'cloud.sqlite';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: path.join(PROJECT_ROOT, '.local-cloud') },
      'images-only': { type: 'boolean', default: false },
    },
  });

  const images = writeCatalogueImages(IMAGES_DIR);
  console.log(
    `images: ${images.written} written, ${images.unchanged} unchanged, ${images.removed} removed (${path.relative(process.cwd(), IMAGES_DIR)})`,
  );
  if (values['images-only']) return;

  const dataDir = path.resolve(values['data-dir']);
  fs.mkdirSync(dataDir, { recursive: true });
  const indexesFile = path.join(PROJECT_ROOT, 'database', 'indexes.json');
  const indexes = (JSON.parse(fs.readFileSync(indexesFile, 'utf8')) as { indexes?: IndexSpec[] }).indexes ?? [];

  // Loaded lazily so --images-only works without the local cloud's native SQLite module.
  const { Database } = await import('@local-cloud/db');
  const db = new Database({ file: path.join(dataDir, LOCAL_CLOUD_DB_FILE), indexes, now: clock.now });
  try {
    const summary = seedCatalogue(db, { reset: values.reset });
    const gifts = seedGiftHistory(db, clock.now());
    if (gifts > 0) console.log(`seeded a gift history: ${gifts} settled gifts in the last 14 days`);
    const counts = Object.entries(summary.counts)
      .map(([collection, count]) => `${collection} ${count}`)
      .join(', ');
    console.log(
      summary.seeded
        ? `seeded ${path.join(dataDir, LOCAL_CLOUD_DB_FILE)}: ${counts}`
        : `catalogue already present (${counts}); use --reset to replace it`,
    );
  } finally {
    db.close();
  }
}

// run as a script (tsx scripts/seed.ts), not when imported by tests
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
