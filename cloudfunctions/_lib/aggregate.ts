/**
 * Aggregates that never lose rows. The cloud answers an aggregate without a $limit stage with 20 rows (and the
 * emulator does the same), so every pipeline here ends in an explicit limit: `aggregateRows` for results that are
 * small by construction (at most `max` rows, a few groups), `aggregateAll` for results that grow with the county
 * (one row per member or per group), read page by page in _id order.
 */
import type { CollectionName } from '../../src/shared/collections';
import { settle, type Db } from './db';

export type Aggregate = ReturnType<ReturnType<Db['raw']['collection']>['aggregate']>;
export type Row = Record<string, unknown> & { _id: unknown };

/** Rows per aggregate request when paging (well within what one answer may carry). */
export const AGGREGATE_PAGE = 1000;

/** The rows of a pipeline built to its end (the SDK types them any[]). */
export async function end<T>(pipeline: Aggregate): Promise<T[]> {
  const result = await settle(pipeline.end());
  return result.list as T[];
}

/** The rows of a pipeline known to answer at most `max` rows (a few groups); one request. */
export function aggregateRows<T extends { _id: unknown }>(
  db: Db,
  collection: CollectionName,
  build: (agg: Aggregate) => Aggregate,
  max = AGGREGATE_PAGE,
): Promise<T[]> {
  return end<T>(build(db.raw.collection(collection).aggregate()).limit(max));
}

/** Every row of a pipeline, however many: sorted by _id and read AGGREGATE_PAGE rows per request. */
export async function aggregateAll<T extends { _id: unknown }>(db: Db, collection: CollectionName, build: (agg: Aggregate) => Aggregate): Promise<T[]> {
  const rows: T[] = [];
  for (let skip = 0; ; skip += AGGREGATE_PAGE) {
    const page = await end<T>(build(db.raw.collection(collection).aggregate()).sort({ _id: 1 }).skip(skip).limit(AGGREGATE_PAGE));
    rows.push(...page);
    if (page.length < AGGREGATE_PAGE) return rows;
  }
}
