/**
 * Typed writes over wx-server-sdk (db.ts covers reads): insert one document, conditional update of the documents
 * a query matches, and recognising a unique-index violation. The duplicate-key text is what the emulator sends
 * and what CloudBase is inferred to send (cloudbase-wire.md): keep it here, in one place.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CollectionName } from '../../src/shared/collections';
import type { Db } from './db';

async function settle<T>(pending: Promise<T> | void | string): Promise<T> {
  if (pending === undefined || typeof pending === 'string') throw new Error('wx-server-sdk returned no promise');
  return pending;
}

/** Inserts one document and answers its _id. */
export async function insertOne(db: Db, collection: CollectionName, data: Record<string, unknown>): Promise<string> {
  const result = await settle(db.raw.collection(collection).add({ data }));
  return String((result as { _id: string | number })._id);
}

/** Updates every document matching `where` with `data` (operators or a partial document); answers how many. */
export async function updateWhere(
  db: Db,
  collection: CollectionName,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<number> {
  const result = await settle(db.raw.collection(collection).where(where).update({ data }));
  return result.stats.updated;
}

/** True for the error a write gets when it would break a unique index (E11000). */
export function isDuplicateKey(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { errMsg?: string }).errMsg ?? ''}` : String(error);
  return /E11000 duplicate key/.test(text);
}

/** Inserts a document unless one with its _id (or unique key) is there: answers whether it inserted. */
export async function insertOnce(db: Db, collection: CollectionName, data: Record<string, unknown>): Promise<boolean> {
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
