/**
 * Single-document atomic writes beyond writes.ts: update-and-return (findOneAndUpdate) and naming the unique index
 * a duplicate key broke.
 *
 * wx-server-sdk 4.0.2 wraps @cloudbase/database's Query but does not re-export its updateAndReturn (wire action
 * database.modifyAndReturnDoc: updates the first matching document and answers it as it is after the update).
 * It is reached through the wrapper's `_query` here, in one place, and fails loudly if an SDK upgrade moves it
 * (the SDK is pinned exactly; the emulator's contract tests replay its requests).
 */
import type { CollectionName } from '../../src/shared/collections';
import type { Db } from './db';

interface InnerQuery {
  updateAndReturn(data: Record<string, unknown>): Promise<{ updated?: number; doc?: unknown; code?: string; message?: string }>;
}

/** Updates the first document matching `where` and answers it after the update; null when none matches. */
export async function updateOneAndReturn<T>(
  db: Db,
  collection: CollectionName,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<T | null> {
  const inner: Partial<InnerQuery> | undefined = Reflect.get(db.raw.collection(collection).where(where), '_query');
  if (!inner || typeof inner.updateAndReturn !== 'function') {
    throw new Error('wx-server-sdk no longer exposes updateAndReturn: re-check cloudfunctions/_lib/atomic.ts');
  }
  const result = await inner.updateAndReturn(data);
  if (result.code) throw new Error(`${result.code}: ${result.message ?? ''}`);
  return (result.doc ?? null) as T | null;
}

/** The unique index a duplicate-key error names ('_id_' for the _id), or null for any other error. */
export function duplicateIndexOf(error: unknown): string | null {
  const text = error instanceof Error ? `${error.message} ${(error as { errMsg?: string }).errMsg ?? ''}` : String(error);
  const match = /E11000 duplicate key error[^]*?index: (\S+)/.exec(text);
  return match ? (match[1] as string) : null;
}
