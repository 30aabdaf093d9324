/**
 * Query shapes: for each query the functions make, the collection, the fields it filters on (equality vs range)
 * and the fields it sorts by — what decides whether an index serves it. The emulator records every shape it sees
 * (GET /_local/query-shapes); with YLT_QUERY_SHAPES_FILE set, each new shape is also appended to that file as a
 * JSON line, so a whole test run can be checked against the declared indexes (scripts/index-coverage.ts).
 *
 * Coverage (`coveredBy`): a query is served by an index when the index's leading field is one the query filters
 * on with equality, or a range, and every further equality field the query pins that the index also holds comes
 * before any range or sort field in it — or, for a query without a filter, when the index leads with its first
 * sort field. A query that pins _id is served by the _id index. A query that neither filters nor sorts reads the
 * whole collection: allowed (sorted or not) only where the collection is declared `wholeReads` (small, bounded ones
 * like settings or campuses).
 */
import fs from 'node:fs';
import { type Doc } from './ejson';

export interface QueryShape {
  collection: string;
  /** fields compared for equality ($eq, plain values, $in), sorted */
  equality: string[];
  /** fields with range or other operators ($gt, $lt, $ne, $exists, $regex...), sorted */
  range: string[];
  /** sort fields in order, '-' prefix = descending */
  sort: string[];
}

const EQUALITY_OPS = new Set(['$eq', '$in']);

function collect(query: Doc, equality: Set<string>, range: Set<string>): void {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$nor') {
      if (Array.isArray(value)) for (const part of value) collect(part as Doc, equality, range);
      continue;
    }
    if (key.startsWith('$')) continue;
    const isOps = value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp) &&
      Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOps) {
      equality.add(key);
      continue;
    }
    const ops = Object.keys(value as Doc);
    if (ops.every((op) => EQUALITY_OPS.has(op))) equality.add(key);
    else range.add(key);
  }
}

/**
 * A query with $or (at the top or inside a top-level $and) is one query per branch, each branch with the rest of
 * the conditions: every branch needs its own index.
 */
export function branchesOf(query: Doc): Doc[] {
  const { $or, $and, ...rest } = query;
  const parts = Array.isArray($and) ? ($and as Doc[]) : [];
  if (Array.isArray($or)) return ($or as Doc[]).flatMap((branch) => branchesOf({ ...rest, $and: [...parts, branch] }));
  const i = parts.findIndex((part) => Array.isArray(part.$or));
  if (i >= 0) {
    const others = parts.filter((_, j) => j !== i);
    return (parts[i].$or as Doc[]).flatMap((branch) => branchesOf({ ...rest, $and: [...others, branch] }));
  }
  return [query];
}

export function shapeOf(collection: string, query: Doc, order?: Doc): QueryShape {
  const equality = new Set<string>();
  const range = new Set<string>();
  collect(query, equality, range);
  for (const field of equality) range.delete(field);
  const sort = order ? Object.entries(order).map(([field, dir]) => (Number(dir) < 0 ? `-${field}` : field)) : [];
  return { collection, equality: [...equality].sort(), range: [...range].sort(), sort };
}

export const shapeKey = (shape: QueryShape) =>
  `${shape.collection} eq[${shape.equality.join(',')}] range[${shape.range.join(',')}] sort[${shape.sort.join(',')}]`;

export interface IndexLike {
  name: string;
  /** fields in order ('-' prefix = descending; direction does not matter for coverage) */
  fields: readonly string[];
}

/** The name of the index that serves the shape, '_id_' for id lookups, 'whole' for an allowed full read; null if none. */
export function coveredBy(shape: QueryShape, indexes: readonly IndexLike[], wholeReads = false): string | null {
  if (shape.equality.includes('_id')) return '_id_';
  // a scan in _id order (paging a whole collection by _id) is served by the default _id index
  if (shape.equality.length + shape.range.length === 0 && shape.sort.length === 1 && shape.sort[0]?.replace(/^-/, '') === '_id') return '_id_';
  const filtered = shape.equality.length + shape.range.length > 0;
  if (!filtered && (wholeReads || shape.sort.length === 0)) return wholeReads ? 'whole' : null;
  const eq = new Set(shape.equality);
  const rest = new Set([...shape.range, ...shape.sort.map((s) => s.replace(/^-/, ''))]);
  for (const index of indexes) {
    const fields = index.fields.map((f) => f.replace(/^-/, ''));
    const lead = fields[0];
    if (filtered ? !(eq.has(lead) || shape.range.includes(lead)) : lead !== shape.sort[0]?.replace(/^-/, '')) continue;
    // equality fields the index holds must come before the range/sort fields it holds
    let seenRest = false;
    let ok = true;
    for (const field of fields) {
      if (rest.has(field) && !eq.has(field)) seenRest = true;
      else if (eq.has(field) && seenRest) ok = false;
    }
    if (ok) return index.name;
  }
  return null;
}

/** Records shapes seen by one emulator. */
export function createShapeRecorder(file = process.env.YLT_QUERY_SHAPES_FILE) {
  const seen = new Map<string, { shape: QueryShape; count: number }>();
  const recordOne = (collection: string, query: Doc, order?: Doc): void => {
    const shape = shapeOf(collection, query, order);
    const key = shapeKey(shape);
    const entry = seen.get(key);
    if (entry) {
      entry.count++;
      return;
    }
    seen.set(key, { shape, count: 1 });
    if (file) fs.appendFileSync(file, `${JSON.stringify(shape)}\n`);
  };
  return {
    record(collection: string, query: Doc, order?: Doc): void {
      for (const branch of branchesOf(query)) recordOne(collection, branch, order);
    },
    shapes(): Array<QueryShape & { count: number }> {
      return [...seen.values()].map(({ shape, count }) => ({ ...shape, count }));
    },
    clear(): void {
      seen.clear();
    },
  };
}
