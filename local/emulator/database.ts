/**
 * The database actions of the wire protocol. Query, update, projection, sort and aggregation semantics are mingo's
 * (MongoDB's language); this module only picks candidate documents, enforces CloudBase's limits and routes writes
 * either straight to the store or into a transaction.
 */
import { Aggregator, Query, find, update as applyUpdate } from './mingo';
import { type Doc, parseWire, parseWireObject, toWire } from './ejson';
import { duplicateKey, invalidParam, requestFailed } from './errors';
import { newId } from './ids';
import { type Change, type Store } from './store';
import { type Transactions } from './transactions';
import { localClock } from '../clock';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const MINGO_OPTIONS = { scriptEnabled: false } as const;
const BLOCKED_STAGES = new Set(['$out', '$merge']);

type Body = Record<string, unknown>;

/** Where documents are read from and written to: the committed store, or one open transaction. */
interface View {
  candidates(collection: string, query: Doc): Doc[];
  get(collection: string, id: string): Doc | null;
  write(changes: Change[]): void;
}

const idOf = (query: Doc): string | undefined => {
  const id = query._id;
  if (typeof id === 'string') return id;
  if (id && typeof id === 'object' && typeof (id as Doc).$eq === 'string') return (id as Doc).$eq as string;
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

function match(view: View, body: Body): { collection: string; query: Doc; docs: Doc[] } {
  const collection = String(body.collectionName);
  const query = body.query === undefined ? {} : parseWireObject(body.query, 'query');
  const filter = new Query(query, MINGO_OPTIONS);
  const docs = view.candidates(collection, query).filter((doc) => filter.test(doc));
  return { collection, query, docs };
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
  const changed = applyUpdate(next, modifier as never, undefined, undefined, { queryOptions: MINGO_OPTIONS });
  return changed.length > 0 ? next : null;
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

export function createDatabase(store: Store, transactions: Transactions) {
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
        if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('_id must be a string');
        const key = String(id);
        if (seen.has(key) || view.get(collection, key)) throw duplicateKey(collection, '_id_', { _id: key });
        seen.add(key);
        return { collection, id: key, after: { ...doc, _id: key } };
      });
      view.write(changes);
      return { insertedIds: changes.map((c) => c.id) };
    },

    getDocument(body) {
      const { docs } = match(viewFor(body), body);
      let cursor = find(docs, {}, body.projection ? parseWireObject(body.projection, 'projection') : undefined, MINGO_OPTIONS);
      if (body.order) {
        const order = parseWireObject(body.order, 'order');
        if (Object.keys(order).length > 0) cursor = cursor.sort(order as Record<string, 1 | -1>);
      }
      const list = cursor.skip(offsetOf(body.offset)).limit(limitOf(body.limit)).all();
      return { list: list.map(toWire), offset: offsetOf(body.offset), limit: limitOf(body.limit) };
    },

    calculateDocument(body) {
      if (body.transactionId) throw invalidParam('count() is not supported in a transaction');
      return { total: match(plain, body).docs.length };
    },

    modifyDocument(body) {
      const view = viewFor(body);
      const { collection, query, docs } = match(view, body);
      const data = parseWireObject(body.data, 'data');
      const merge = body.merge !== false;
      const targets = body.multi === true ? docs : docs.slice(0, 1);
      const changes: Change[] = [];
      for (const doc of targets) {
        const after = updated(doc, data, merge);
        if (after) changes.push({ collection, id: String(doc._id), after });
      }
      if (targets.length === 0 && body.upsert === true) {
        const base = upsertBase(query);
        const id = typeof base._id === 'string' ? base._id : newId();
        const after = updated({ ...base, _id: id }, data, merge) ?? { ...base, _id: id };
        view.write([{ collection, id, after }]);
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
      const { collection, docs } = match(view, body);
      const target = docs[0];
      if (!target) return { updated: 0, doc: null };
      const after = updated(target, parseWireObject(body.data, 'data'), true);
      if (after) view.write([{ collection, id: String(target._id), after }]);
      return { updated: after ? 1 : 0, doc: toWire(after ?? target) };
    },

    removeDocument(body) {
      const view = viewFor(body);
      const { collection, docs } = match(view, body);
      const targets = body.multi === true ? docs : docs.slice(0, 1);
      view.write(targets.map((doc) => ({ collection, id: String(doc._id), after: null })));
      return { deleted: targets.length };
    },

    aggregateDocuments(body) {
      if (body.transactionId) throw invalidParam('aggregate() is not supported in a transaction');
      const source = store.collection(body.collectionName);
      if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array');
      const now = localClock.nowMs();
      const pipeline = body.stages.map((stage: { stageKey?: unknown; stageValue?: unknown }) => {
        const key = String(stage?.stageKey);
        if (!key.startsWith('$') || BLOCKED_STAGES.has(key)) throw requestFailed(`unsupported aggregate stage ${key}`);
        return { [key]: parseWire(stage.stageValue, key, now) };
      });
      const aggregator = new Aggregator(pipeline, {
        ...MINGO_OPTIONS,
        processingMode: 1, // ProcessingMode.CLONE_INPUT: stages never touch stored documents
        collectionResolver: (name) => store.collections.get(name)?.docs() ?? [],
      });
      return { list: aggregator.run(source.docs()).map(toWire) };
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
