/**
 * Seeds the demo county 示例县 through the real wx-server-sdk.
 * Idempotent: deterministic _ids written with doc(id).set, so running it twice leaves the same data;
 * `reset` first empties every collection of src/shared/collections.ts (enrollments and all).
 */
import type { database } from 'wx-server-sdk';
import { COLLECTIONS } from '../../src/shared/collections';
import { buildSeedData, SEED_MARKER_ID, SEED_VERSION, type SeedDoc } from './data';
import { seedFiles } from './lessons';

export type Database = ReturnType<typeof database>;

export interface SeedOptions {
  now: Date;
  reset?: boolean;
  /** concurrent batch writes in flight */
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
  const counts: Record<string, number> = {};
  const chunks: { collection: string; docs: SeedDoc[] }[] = [];
  let marker: SeedDoc | undefined;
  for (const [collection, docs] of Object.entries(data)) {
    counts[collection] = docs.length;
    // The seed marker goes last: a seed interrupted midway is not taken as done.
    const rest = docs.filter((doc) => {
      if (collection !== 'settings' || doc._id !== SEED_MARKER_ID) return true;
      marker = doc;
      return false;
    });
    for (let from = 0; from < rest.length; from += CHUNK) chunks.push({ collection, docs: rest.slice(from, from + CHUNK) });
  }
  await runPool(chunks, options.concurrency ?? 8, ({ collection, docs }) => replaceAll(db, collection, docs));
  await uploadSeedFiles();
  if (marker) await replaceAll(db, 'settings', [marker]);
  return { counts, ms: Date.now() - started };
}

/** The demo files (a 云课堂 audio) into cloud storage, through the SDK the database came from (already initialised). */
async function uploadSeedFiles(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  for (const file of seedFiles()) await cloud.uploadFile({ cloudPath: file.cloudPath, fileContent: file.content });
}

/** Documents written per request: whatever was stored under these ids is replaced (so seeding twice is the same). */
const CHUNK = 200;

async function replaceAll(db: Database, collection: string, docs: SeedDoc[]): Promise<void> {
  await db.collection(collection).where({ _id: db.command.in(docs.map((doc) => doc._id)) }).remove();
  await db.collection(collection).add({ data: docs });
}
