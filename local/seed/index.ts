/**
 * Seeds the demo county 示例县 through the real wx-server-sdk.
 * Idempotent: deterministic _ids written with doc(id).set, so running it twice leaves the same data;
 * `reset` first empties every collection of src/shared/collections.ts (enrollments and all).
 */
import type { database } from 'wx-server-sdk';
import { COLLECTIONS } from '../../src/shared/collections';
import { buildSeedData, SEED_MARKER_ID, SEED_VERSION, type SeedDoc } from './data';

export type Database = ReturnType<typeof database>;

export interface SeedOptions {
  now: Date;
  reset?: boolean;
  /** concurrent writes in flight; the SDK keeps about 100 sockets a process */
  concurrency?: number;
}

export interface SeedReport {
  counts: Record<string, number>;
  ms: number;
}

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function isAlreadyExists(error: unknown): boolean {
  const text = error instanceof Error ? error.message : JSON.stringify(error);
  return /exist/i.test(text) && !/not.?exist/i.test(text);
}

/** Creates each collection the app uses; one that already exists is fine. */
export async function ensureCollections(db: Database): Promise<void> {
  for (const { name } of COLLECTIONS) {
    try {
      await db.createCollection(name);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
}

export async function clearCollections(db: Database): Promise<void> {
  const _ = db.command;
  for (const { name } of COLLECTIONS) {
    await db.collection(name).where({ _id: _.exists(true) }).remove();
  }
}

/** True when the database holds this version of the demo data. */
export async function isSeeded(db: Database): Promise<boolean> {
  const result = (await db.collection('settings').where({ _id: SEED_MARKER_ID }).get()) as { data: { version?: number }[] };
  return result.data[0]?.version === SEED_VERSION;
}

export async function seed(db: Database, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  await ensureCollections(db);
  if (options.reset) await clearCollections(db);
  const data = buildSeedData(options.now);
  const writes: { collection: string; doc: SeedDoc }[] = [];
  const counts: Record<string, number> = {};
  for (const [collection, docs] of Object.entries(data)) {
    counts[collection] = docs.length;
    for (const doc of docs) writes.push({ collection, doc });
  }
  // The seed marker goes last: a seed interrupted midway is not taken as done.
  const marker = writes.findIndex((w) => w.collection === 'settings' && w.doc._id === SEED_MARKER_ID);
  const [markerWrite] = writes.splice(marker, 1);
  await runPool(writes, options.concurrency ?? 24, async ({ collection, doc }) => {
    const { _id, ...fields } = doc;
    await db.collection(collection).doc(_id).set({ data: fields });
  });
  if (markerWrite) {
    const { _id, ...fields } = markerWrite.doc;
    await db.collection(markerWrite.collection).doc(_id).set({ data: fields });
  }
  return { counts, ms: Date.now() - started };
}
