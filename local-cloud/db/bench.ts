/**
 * Benchmark of the indexed product queries over 100,000 documents (timings are printed, never
 * asserted). Run: `npx tsx local-cloud/db/bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { Database, type IndexSpec } from './index';

export interface QueryTiming {
  p50Ms: number;
  p99Ms: number;
  rowsExamined: number;
  index: string | null;
}

export interface BenchResult {
  documents: number;
  fillMs: number;
  categorySalesTop20: QueryTiming;
  indexedEquality: QueryTiming;
}

const CATEGORIES = 40;

function productIndexes(): IndexSpec[] {
  const file = join(__dirname, '..', '..', 'database', 'indexes.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { indexes: IndexSpec[] }).indexes;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function time(run: () => void, rounds: number): { p50Ms: number; p99Ms: number } {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}

/** Fills `documents` products in one in-memory database and times the two queries through handle(). */
export async function benchIndexedQuery(documents = 100_000, rounds = 200): Promise<BenchResult> {
  const db = new Database({ file: ':memory:', indexes: productIndexes(), now: () => Date.now() });
  try {
    const fillStarted = Date.now();
    const batch: object[] = [];
    for (let i = 0; i < documents; i++) {
      batch.push({
        _id: `p${i}`,
        name: `商品 ${i}`,
        categoryId: `cat-${i % CATEGORIES}`,
        sales: (i * 7919) % 100_000,
        priceMin: 100 + ((i * 104729) % 50_000),
        onShelf: i % 10 !== 0,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
      });
      if (batch.length === 5_000) db.insert('products', batch.splice(0));
    }
    if (batch.length > 0) db.insert('products', batch);
    const fillMs = Date.now() - fillStarted;

    const ej = (value: object) => EJSON.stringify(value, { relaxed: false });
    let category = 0;
    const categorySales = () => {
      category = (category + 1) % CATEGORIES;
      const reply = db.handleSync({
        action: 'database.getDocument',
        collectionName: 'products',
        queryType: 'WHERE',
        query: ej({ categoryId: `cat-${category}` }),
        order: ej({ sales: -1 }),
        limit: 20,
      });
      if (!('data' in reply)) throw new Error(JSON.stringify(reply));
    };
    let price = 0;
    const equality = () => {
      price = (price + 7) % 50_000;
      const reply = db.handleSync({
        action: 'database.getDocument',
        collectionName: 'products',
        queryType: 'WHERE',
        query: ej({ priceMin: 100 + price }),
        limit: 100,
      });
      if (!('data' in reply)) throw new Error(JSON.stringify(reply));
    };
    const categoryPlan = db.explain('products', { categoryId: 'cat-1' }, [['sales', -1]], { limit: 20 });
    const equalityPlan = db.explain('products', { priceMin: 100 }, [], { limit: 100 });
    return {
      documents,
      fillMs,
      categorySalesTop20: {
        ...time(categorySales, rounds),
        rowsExamined: categoryPlan.rowsExamined,
        index: categoryPlan.index,
      },
      indexedEquality: {
        ...time(equality, rounds),
        rowsExamined: equalityPlan.rowsExamined,
        index: equalityPlan.index,
      },
    };
  } finally {
    db.close();
  }
}

// Run directly (`npx tsx local-cloud/db/bench.ts`), not when imported.
if (/local-cloud[\\/]db[\\/]bench\.ts$/.test(process.argv[1] ?? '')) {
  benchIndexedQuery().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
