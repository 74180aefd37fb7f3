/**
 * The `giftStats` collection's ONE owner: what the giftStats timer computed from the gifts collection
 * (rankings, co-gifting), read by the shop function. Each run writes a new generation of documents
 * (`_id` `<generation>:<kind>:<key>`), then moves the `current` pointer to it, then removes the
 * generations before the previous one — so a reader that fetched the pointer just before a switch
 * still finds its documents.
 */
import { command as _, db, fetchDocs } from '@server/cloud';

const GIFT_STATS = 'giftStats';
const POINTER_ID = 'current';
/** documents per insert request */
const INSERT_BATCH = 500;

export type StatsKind = 'ranking' | 'related';

interface Pointer {
  _id: typeof POINTER_ID;
  generation: number;
  previousGeneration: number | null;
  computedAt: number;
}

interface StatsDoc<T> {
  _id: string;
  generation: number;
  kind: StatsKind;
  key: string;
  items: T[];
}

export interface StatsEntry<T> {
  kind: StatsKind;
  key: string;
  items: T[];
}

const docId = (generation: number, kind: StatsKind, key: string): string => `${generation}:${kind}:${key}`;

async function readPointer(): Promise<Pointer | null> {
  const [found] = await fetchDocs<Pointer>(db.collection(GIFT_STATS).where({ _id: POINTER_ID }).limit(1));
  return found ?? null;
}

/** The items the last run stored under kind/key (empty when it stored none), and when it ran; null before any run. */
export async function readStats<T>(kind: StatsKind, key: string): Promise<{ items: T[]; computedAt: number } | null> {
  const pointer = await readPointer();
  if (!pointer) return null;
  const [found] = await fetchDocs<StatsDoc<T>>(
    db
      .collection(GIFT_STATS)
      .where({ _id: docId(pointer.generation, kind, key) })
      .limit(1),
  );
  return { items: found?.items ?? [], computedAt: pointer.computedAt };
}

/** Stores a run's results as a new generation and makes it the current one. */
export async function publishStats(generation: number, entries: readonly StatsEntry<unknown>[]): Promise<void> {
  const docs: StatsDoc<unknown>[] = entries.map((entry) => ({
    _id: docId(generation, entry.kind, entry.key),
    generation,
    kind: entry.kind,
    key: entry.key,
    items: entry.items,
  }));
  for (let start = 0; start < docs.length; start += INSERT_BATCH) {
    await db.collection(GIFT_STATS).add({ data: docs.slice(start, start + INSERT_BATCH) });
  }
  const previous = await readPointer();
  const pointer: Omit<Pointer, '_id'> = {
    generation,
    previousGeneration: previous?.generation ?? null,
    computedAt: generation,
  };
  await db.collection(GIFT_STATS).doc(POINTER_ID).set({ data: pointer });
  // keep the previous generation for readers that fetched the old pointer a moment ago
  const keepFrom = previous?.generation ?? generation;
  await db
    .collection(GIFT_STATS)
    .where({ generation: _.lt(keepFrom) })
    .remove();
}
