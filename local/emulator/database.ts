/**
 * The database actions of the wire protocol. Query, update, projection, sort and aggregation semantics are mingo's
 * (MongoDB's language); this module only picks candidate documents, enforces CloudBase's limits and routes writes
 * either straight to the store or into a transaction.
 */
import { Aggregator, Query, find, update as applyUpdate } from './mingo';
import { type Doc, parseWire, parseWireObject, toWire } from './ejson';
import { distanceM, geoFieldsOf, nearOf, nearOfQuery, pointOf } from './geo';
import { duplicateKey, invalidParam, requestFailed } from './errors';
import { docKey, newId } from './ids';
import { type Change, type Store } from './store';
import { type Transactions } from './transactions';
import { localClock } from '../clock';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/**
 * An aggregate without a $limit stage answers 20 documents on the real service (not in the official docs; measured
 * and reported by developers: developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13
 * and .../community/develop/doc/0006ee7caecd8020df7b559b451800). Code that needs more must add .limit(n).
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;
const MINGO_OPTIONS = { scriptEnabled: false } as const;
const BLOCKED_STAGES = new Set(['$out', '$merge']);

type Body = Record<string, unknown>;

/** Where documents are read from and written to: the committed store, or one open transaction. */
interface View {
  candidates(collection: string, query: Doc): Doc[];
  get(collection: string, id: string): Doc | null;
  write(changes: Change[]): void;
}

const isId = (id: unknown): id is string | number => typeof id === 'string' || typeof id === 'number';

/** The store key of the one document a query names by _id, if it does. */
const idOf = (query: Doc): string | undefined => {
  const id = query._id;
  if (isId(id)) return docKey(id);
  if (id && typeof id === 'object' && isId((id as Doc).$eq)) return docKey((id as Doc).$eq);
  return undefined;
};

function storeView(store: Store): View {
  return {
    candidates(collection, query) {
      const coll = store.collection(collection);
      const id = idOf(query);
      if (id === undefined) return coll.docs();
      const doc = coll.get(id);
      return doc ? [doc] : [];
    },
    get: (collection, id) => store.collection(collection).get(id) ?? null,
    write: (changes) => store.apply(changes),
  };
}

function transactionView(transactions: Transactions, txId: unknown): View {
  return {
    candidates(collection, query) {
      const id = idOf(query);
      if (id === undefined) throw invalidParam('transactions support only single-document operations by doc id');
      const doc = transactions.read(txId, collection, id);
      return doc ? [doc] : [];
    },
    get: (collection, id) => transactions.read(txId, collection, id),
    write: (changes) => changes.forEach((change) => transactions.write(txId, change)),
  };
}

/** Declared geo indexes per collection; a declared collection without one refuses geoNear like the cloud. */
export type GeoIndexes = ReadonlyMap<string, readonly string[]>;

/** Sees each query's collection, filter and sort (query-shapes.ts). */
export type QueryObserver = (collection: string, query: Doc, order?: Doc) => void;

function requireGeoIndex(geo: GeoIndexes, collection: string, field: string): void {
  const fields = geo.get(collection);
  if (fields && !fields.includes(field)) throw requestFailed(`unable to find index for $geoNear query: no 2dsphere index on ${collection}.${field}`);
}

function match(view: View, body: Body, geo: GeoIndexes = new Map(), observe?: QueryObserver): { collection: string; query: Doc; docs: Doc[] } {
  const collection = String(body.collectionName);
  const query = body.query === undefined ? {} : parseWireObject(body.query, 'query');
  for (const field of geoFieldsOf(query)) requireGeoIndex(geo, collection, field);
  observe?.(collection, query, body.order ? parseWireObject(body.order, 'order') : undefined);
  const filter = new Query(query, MINGO_OPTIONS);
  let docs = view.candidates(collection, query).filter((doc) => filter.test(doc));
  // $nearSphere answers nearest first.
  const near = nearOfQuery(query);
  if (near) {
    const at = (doc: Doc) => distanceM(near.near.point, pointOf(near.field.split('.').reduce<unknown>((v, k) => (v as Doc | undefined)?.[k], doc)) ?? near.near.point);
    docs = docs.map((doc) => ({ doc, d: at(doc) })).sort((a, b) => a.d - b.d).map(({ doc }) => doc);
  }
  return { collection, query, docs };
}

/**
 * The $geoNear stage (first in a pipeline): documents with a Point in `key` (or the collection's one geo index),
 * matching `query`, within min..maxDistance metres of `near`, nearest first, with the distance in distanceField.
 */
function geoNearStage(source: Doc[], spec: Doc, collection: string, geo: GeoIndexes): Doc[] {
  if (typeof spec.distanceField !== 'string' || spec.distanceField === '') throw requestFailed('$geoNear requires a distanceField');
  const declared = geo.get(collection);
  const key = typeof spec.key === 'string' ? spec.key : declared?.length === 1 ? declared[0] : undefined;
  if (!key) throw requestFailed('$geoNear requires a 2d or 2dsphere index, but none were found (or give key)');
  requireGeoIndex(geo, collection, key);
  const { point, min, max } = nearOf({ $geometry: spec.near, $minDistance: spec.minDistance, $maxDistance: spec.maxDistance });
  const filter = spec.query ? new Query(spec.query as Doc, MINGO_OPTIONS) : null;
  const multiplier = spec.distanceMultiplier === undefined ? 1 : Number(spec.distanceMultiplier);
  const rows: Array<{ doc: Doc; d: number; loc: unknown }> = [];
  for (const doc of source) {
    const loc = key.split('.').reduce<unknown>((v, k) => (v as Doc | undefined)?.[k], doc);
    const p = pointOf(loc);
    if (!p || (filter && !filter.test(doc))) continue;
    const d = distanceM(point, p);
    if (d >= min && d <= max) rows.push({ doc, d, loc });
  }
  rows.sort((a, b) => a.d - b.d);
  return rows.map(({ doc, d, loc }) => {
    const out = cloneDoc(doc);
    out[spec.distanceField as string] = d * multiplier;
    if (typeof spec.includeLocs === 'string') out[spec.includeLocs] = cloneDoc(loc);
    return out;
  });
}

function limitOf(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) throw invalidParam(`invalid limit ${String(value)}`);
  return Math.min(limit === 0 ? DEFAULT_LIMIT : limit, MAX_LIMIT);
}

function offsetOf(value: unknown): number {
  if (value === undefined || value === null) return 0;
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0) throw invalidParam(`invalid offset ${String(value)}`);
  return offset;
}

/**
 * The SDK sends `field({tags: _.elemMatch(q)})` / `_.slice(n)` as the command object itself
 * ({operator, operands, fieldName}); the service reads it as the MongoDB projection operator.
 */
function projectionOf(projection: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(projection)) {
    const command = value as { operator?: unknown; operands?: unknown } | null;
    if (command && typeof command === 'object' && typeof command.operator === 'string' && Array.isArray(command.operands)) {
      out[key] = { [`$${command.operator}`]: command.operands.length === 1 ? command.operands[0] : command.operands };
    } else out[key] = value;
  }
  return out;
}

/** A projected field with nothing to show (an $elemMatch projection that matched nothing) is left out, not null. */
function withoutUndefined(doc: Doc): Doc {
  for (const key of Object.keys(doc)) if (doc[key] === undefined) return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));
  return doc;
}

const hasOperators = (data: Doc) => Object.keys(data).some((key) => key.startsWith('$'));

/**
 * A deep copy made in this module's realm. structuredClone answers arrays of Node's main realm, which mingo's
 * array checks do not recognise when the emulator runs inside a jest sandbox (an array $eq then never matched).
 */
function cloneDoc<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDoc) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value !== null && typeof value === 'object' && (value as object).constructor?.name === 'Object') {
    const copy: Doc = {};
    for (const [key, entry] of Object.entries(value as Doc)) copy[key] = cloneDoc(entry);
    return copy as T;
  }
  return value;
}

const hasPath = (doc: Doc, path: string) => {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return false;
    value = (value as Doc)[part];
  }
  return true;
};
const valueAt = (doc: Doc, path: string) => path.split('.').reduce<unknown>((value, part) => (value as Doc)[part], doc);

/**
 * $rename, applied here: mingo 7.1.1's $rename calls its own $set with an uncompiled expression and crashes
 * ("Cannot destructure property 'node' of 'params[key]'"); upstream: kofrasa/mingo, issue to file.
 * MongoDB: a missing source field is a no-op; the target is overwritten; renaming _id is refused.
 */
function renameFields(doc: Doc, spec: unknown): boolean {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw requestFailed('$rename takes an object of field: newName');
  let changed = false;
  for (const [from, to] of Object.entries(spec as Doc)) {
    if (typeof to !== 'string' || to.length === 0) throw requestFailed(`$rename target for ${from} must be a non-empty string`);
    if (from === to) throw requestFailed(`The source and target field for $rename must differ: ${from}`);
    if (from === '_id' || to === '_id') throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
    if (!hasPath(doc, from)) continue;
    const value = valueAt(doc, from);
    applyUpdate(doc, { $unset: { [from]: '' } } as never, { queryOptions: MINGO_OPTIONS });
    applyUpdate(doc, { $set: { [to]: value } } as never, { queryOptions: MINGO_OPTIONS });
    changed = true;
  }
  return changed;
}

/** The new version of doc under an update (merge) or a replacement (set); null when nothing changes. */
function updated(doc: Doc, data: Doc, merge: boolean): Doc | null {
  if (!merge) {
    if (hasOperators(data)) throw invalidParam('set() takes a plain document, not update operators');
    return { ...data, _id: doc._id };
  }
  const modifier = hasOperators(data) ? data : { $set: data };
  if (Object.keys(modifier).some((key) => !key.startsWith('$'))) {
    throw invalidParam('update data mixes operators and plain fields');
  }
  const next = cloneDoc(doc);
  const { $rename: rename, ...rest } = modifier as Doc;
  const renamed = rename === undefined ? false : renameFields(next, rename);
  const changed = Object.keys(rest).length > 0 ? applyUpdate(next, rest as never, { queryOptions: MINGO_OPTIONS }).length > 0 : false;
  return renamed || changed ? next : null;
}

/** Equality fields of a query, the base of an upserted document. */
function upsertBase(query: Doc): Doc {
  const base: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    const isOperator = value !== null && typeof value === 'object' && !(value instanceof Date) &&
      !(value instanceof RegExp) && Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOperator) base[key] = value;
  }
  return base;
}

/**
 * The query shapes of a pipeline: its leading $match (with a $sort right after it), or a leading $sort, or a
 * leading $group (read in the order of its key), or a leading $geoNear (its query with a near query on its key),
 * and every $lookup as a query on the joined collection by its foreignField.
 */
function observeStages(collection: string, pipeline: Doc[], observe?: QueryObserver, geo: GeoIndexes = new Map()): void {
  if (!observe) return;
  const [first, second] = pipeline;
  const near = first?.$geoNear as Doc | undefined;
  if (near) {
    const declared = geo.get(collection);
    const key = typeof near.key === 'string' ? near.key : declared?.length === 1 ? declared[0] : '$geo';
    observe(collection, { ...((near.query as Doc | undefined) ?? {}), [key]: { $nearSphere: {} } });
  } else if (first && '$match' in first) observe(collection, first.$match as Doc, second && '$sort' in second ? (second.$sort as Doc) : undefined);
  else if (first && '$sort' in first) observe(collection, {}, first.$sort as Doc);
  else if (first && '$group' in first && typeof (first.$group as Doc)._id === 'string' && String((first.$group as Doc)._id).startsWith('$')) {
    observe(collection, {}, { [String((first.$group as Doc)._id).slice(1)]: 1 });
  } else observe(collection, {});
  for (const stage of pipeline) {
    const lookup = stage.$lookup as Doc | undefined;
    if (lookup && typeof lookup.from === 'string' && typeof lookup.foreignField === 'string') {
      observe(lookup.from, { [lookup.foreignField]: { $in: [] } });
    }
  }
}

export function createDatabase(store: Store, transactions: Transactions, geo: GeoIndexes = new Map(), observe?: QueryObserver) {
  const plain = storeView(store);
  const viewFor = (body: Body): View =>
    body.transactionId ? transactionView(transactions, body.transactionId) : plain;

  const actions: Record<string, (body: Body) => Body> = {
    addCollection(body) {
      const name = body.collectionName;
      if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw invalidParam(`invalid collection name ${String(name)}`);
      store.createCollection(name);
      return {};
    },

    insertDocument(body) {
      const view = viewFor(body);
      const collection = String(body.collectionName);
      store.collection(collection);
      if (!Array.isArray(body.data) || body.data.length === 0) throw invalidParam('data must be a non-empty array');
      const now = localClock.nowMs();
      const seen = new Set<string>();
      const changes = body.data.map((text): Change => {
        const doc = parseWireObject(text, 'data', now);
        const id = doc._id === undefined ? newId() : doc._id;
        if (!isId(id)) throw invalidParam('_id must be a string or a number');
        const key = docKey(id);
        if (seen.has(key) || view.get(collection, key)) throw duplicateKey(collection, '_id_', { _id: id });
        seen.add(key);
        return { collection, id: key, after: { ...doc, _id: id } };
      });
      view.write(changes);
      return { insertedIds: changes.map((c) => c.after?._id) };
    },

    getDocument(body) {
      const { docs } = match(viewFor(body), body, geo, observe);
      let cursor = find(docs, {}, body.projection ? projectionOf(parseWireObject(body.projection, 'projection')) : undefined, MINGO_OPTIONS);
      if (body.order) {
        const order = parseWireObject(body.order, 'order');
        if (Object.keys(order).length > 0) cursor = cursor.sort(order as Record<string, 1 | -1>);
      }
      const list = cursor.skip(offsetOf(body.offset)).limit(limitOf(body.limit)).all();
      return { list: list.map((doc) => toWire(withoutUndefined(doc as Doc))), offset: offsetOf(body.offset), limit: limitOf(body.limit) };
    },

    calculateDocument(body) {
      if (body.transactionId) throw invalidParam('count() is not supported in a transaction');
      // a count of the whole collection reads its size, not its documents: no query shape
      const whole = body.query === undefined || Object.keys(parseWireObject(body.query, 'query')).length === 0;
      return { total: match(plain, body, geo, whole ? undefined : observe).docs.length };
    },

    modifyDocument(body) {
      const view = viewFor(body);
      const { collection, query, docs } = match(view, body, geo, observe);
      const data = parseWireObject(body.data, 'data');
      const merge = body.merge !== false;
      const targets = body.multi === true ? docs : docs.slice(0, 1);
      const changes: Change[] = [];
      for (const doc of targets) {
        const after = updated(doc, data, merge);
        if (after) changes.push({ collection, id: docKey(doc._id), after });
      }
      if (targets.length === 0 && body.upsert === true) {
        const base = upsertBase(query);
        const id = isId(base._id) ? base._id : newId();
        const after = updated({ ...base, _id: id }, data, merge) ?? { ...base, _id: id };
        view.write([{ collection, id: docKey(id), after }]);
        return { updated: 0, upsert_id: id };
      }
      view.write(changes);
      return { updated: changes.length };
    },

    /**
     * where(q).updateAndReturn(data) (node-sdk; findOneAndUpdate): updates the first matching document and answers it
     * as it is after the update, or doc null when nothing matches. Inferred from @cloudbase/database 1.4.3 query.js.
     */
    modifyAndReturnDoc(body) {
      const view = viewFor(body);
      const { collection, docs } = match(view, body, geo, observe);
      const target = docs[0];
      if (!target) return { updated: 0, doc: null };
      const after = updated(target, parseWireObject(body.data, 'data'), true);
      if (after) view.write([{ collection, id: docKey(target._id), after }]);
      return { updated: after ? 1 : 0, doc: toWire(after ?? target) };
    },

    removeDocument(body) {
      const view = viewFor(body);
      const { collection, docs } = match(view, body, geo, observe);
      const targets = body.multi === true ? docs : docs.slice(0, 1);
      view.write(targets.map((doc) => ({ collection, id: docKey(doc._id), after: null })));
      return { deleted: targets.length };
    },

    aggregateDocuments(body) {
      if (body.transactionId) throw invalidParam('aggregate() is not supported in a transaction');
      const source = store.collection(body.collectionName);
      if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array');
      const now = localClock.nowMs();
      const stages = body.stages.map((stage: { stageKey?: unknown; stageValue?: unknown }) => {
        const key = String(stage?.stageKey);
        if (!key.startsWith('$') || BLOCKED_STAGES.has(key)) throw requestFailed(`unsupported aggregate stage ${key}`);
        return { [key]: parseWire(stage.stageValue, key, now) } as Doc;
      });
      observeStages(String(body.collectionName), stages, observe, geo);
      if (stages.slice(1).some((stage) => '$geoNear' in stage)) throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
      const first = stages[0] as Doc | undefined;
      let input: Doc[] | null = null;
      if (first && '$geoNear' in first) input = geoNearStage(source.docs(), first.$geoNear as Doc, String(body.collectionName), geo);
      else if (first && '$match' in first) {
        // A leading $match filters the stored documents before the pipeline clones its input (speed only).
        const filter = new Query(first.$match as Doc, MINGO_OPTIONS);
        input = source.docs().filter((doc) => filter.test(doc));
      }
      const pipeline = input ? stages.slice(1) : stages;
      const aggregator = new Aggregator(pipeline, {
        ...MINGO_OPTIONS,
        processingMode: 1, // ProcessingMode.CLONE_INPUT: stages never touch stored documents
        collectionResolver: (name: string) => store.collections.get(name)?.docs() ?? [],
      });
      const hasLimit = pipeline.some((stage) => '$limit' in stage);
      const list = aggregator.run(input ?? source.docs());
      return { list: (hasLimit ? list : list.slice(0, AGGREGATE_DEFAULT_LIMIT)).map(toWire) };
    },

    startTransaction() {
      return { transactionId: transactions.start() };
    },

    commitTransaction(body) {
      transactions.commit(body.transactionId);
      return {};
    },

    abortTransaction(body) {
      transactions.abort(body.transactionId);
      return {};
    },
  };

  return {
    /** Runs one database action; returns the fields of the success answer. */
    run(action: string, body: Body): Body {
      const name = action.startsWith('database.') ? action.slice('database.'.length) : '';
      const handler = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
      if (!handler) throw invalidParam(`unsupported action ${action}`);
      return handler(body);
    },
  };
}

export const TOP_LEVEL_ACTIONS = new Set(['database.startTransaction']);
