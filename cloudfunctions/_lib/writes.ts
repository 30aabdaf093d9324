/**
 * Typed writes over wx-server-sdk (db.ts covers reads, aggregate.ts aggregates, atomic.ts update-and-return):
 * insert one or many documents, conditional update and removal of the documents a query matches, and recognising
 * a unique-index violation. The duplicate-key text is what the emulator sends
 * and what CloudBase is inferred to send (cloudbase-wire.md): keep it here, in one place.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CollectionName } from '../../src/shared/collections';
import { settle, type Db, type Where } from './db';

/** Inserts one document (typed as its collection's document, _id optional) and answers its _id. */
export async function insertOne<T extends object>(db: Db, collection: CollectionName, data: T): Promise<string> {
  const result = await settle(db.raw.collection(collection).add({ data }));
  return String(result._id);
}

/** Inserts documents in one request (all or none: a duplicate key fails the request). */
export async function insertMany<T extends object>(db: Db, collection: CollectionName, docs: readonly T[]): Promise<void> {
  if (docs.length === 0) return;
  await settle(db.raw.collection(collection).add({ data: docs as T[] }));
}

/** Removes every document matching `where`; answers how many. */
export async function removeWhere(db: Db, collection: CollectionName, where: Where): Promise<number> {
  const result = await settle(db.raw.collection(collection).where(where).remove());
  return result.stats.removed;
}

/** Updates every document matching `where` with `data` (operators or a partial document); answers how many. */
export async function updateWhere(
  db: Db,
  collection: CollectionName,
  where: Where,
  data: Record<string, unknown>,
): Promise<number> {
  const result = await settle(db.raw.collection(collection).where(where).update({ data }));
  return result.stats.updated;
}

/** Writes the document with this _id whole (replacing it, or creating it when missing). */
export async function setDoc<T extends object>(db: Db, collection: CollectionName, id: string, data: T): Promise<void> {
  await settle(db.raw.collection(collection).doc(id).set({ data }));
}

/** True for the error a write gets when it would break a unique index (E11000). */
export function isDuplicateKey(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { errMsg?: string }).errMsg ?? ''}` : String(error);
  return /E11000 duplicate key/.test(text);
}

/** Inserts a document unless one with its _id (or unique key) is there: answers whether it inserted. */
export async function insertOnce<T extends object>(db: Db, collection: CollectionName, data: T): Promise<boolean> {
  try {
    await insertOne(db, collection, data);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * The id of a document a create action makes. With the page's request key (one per form opened) a repeated or
 * retried request names the same document, so insertOnce creates it once and the repeat answers it as it is.
 */
export function newDocId(prefix: string, requestKey?: string): string {
  if (!requestKey) return `${prefix}-${randomBytes(6).toString('hex')}`;
  return `${prefix}-k${createHash('sha256').update(`${prefix}:${requestKey}`).digest('hex').slice(0, 20)}`;
}
