/**
 * The in-memory database: one Map per collection keyed by _id, unique indexes, a commit sequence and, while any
 * transaction is open, the old versions it may still need to read. Stored documents are never mutated in place.
 */
import { type Doc } from './ejson';
import { collectionExists, collectionNotExist, duplicateKey } from './errors';
import { type Journal } from './journal';

export interface UniqueSpec {
  name: string;
  fields: readonly string[];
}

interface Entry {
  doc: Doc;
  seq: number;
}

/** One document write: after = null deletes. */
export interface Change {
  collection: string;
  id: string;
  after: Doc | null;
}

function fieldValue(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Doc)[part];
  }
  return value === undefined ? null : value;
}

function keyOf(doc: Doc, spec: UniqueSpec): string {
  return JSON.stringify(spec.fields.map((field) => {
    const value = fieldValue(doc, field);
    return value instanceof Date ? { $date: value.getTime() } : value instanceof RegExp ? { $re: String(value) } : value;
  }));
}

class UniqueIndex {
  readonly owners = new Map<string, string>();
  constructor(readonly spec: UniqueSpec) {}
}

export class Collection {
  readonly entries = new Map<string, Entry>();
  readonly indexes: UniqueIndex[];
  constructor(
    readonly name: string,
    unique: readonly UniqueSpec[],
  ) {
    this.indexes = unique.map((spec) => new UniqueIndex(spec));
  }

  get(id: string): Doc | undefined {
    return this.entries.get(id)?.doc;
  }

  docs(): Doc[] {
    const out: Doc[] = new Array(this.entries.size);
    let i = 0;
    for (const entry of this.entries.values()) out[i++] = entry.doc;
    return out;
  }
}

export class Store {
  readonly collections = new Map<string, Collection>();
  /** sequence number of the last committed write */
  seq = 0;
  /** while > 0, overwritten versions are kept for snapshot reads */
  private readers = 0;
  /** per key: versions that were overwritten while a reader was open; seq = written at, replacedAt = overwritten at */
  private history = new Map<string, Array<{ seq: number; doc: Doc | null; replacedAt: number }>>();

  constructor(
    private readonly journal: Journal,
    private readonly uniqueByCollection: ReadonlyMap<string, readonly UniqueSpec[]>,
  ) {
    journal.snapshotSource = () => Array.from(this.collections.values(), (c) => [c.name, c.docs()] as [string, Doc[]]);
  }

  /** Fills the store from what the journal loaded (no journaling). */
  load(collections: Map<string, Map<string, Doc>>): void {
    for (const [name, docs] of collections) {
      const collection = this.ensure(name);
      for (const [id, doc] of docs) collection.entries.set(id, { doc, seq: 0 });
      for (const index of collection.indexes) {
        for (const [id, doc] of docs) index.owners.set(keyOf(doc, index.spec), id);
      }
    }
  }

  private ensure(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection(name, this.uniqueByCollection.get(name) ?? []);
      this.collections.set(name, collection);
    }
    return collection;
  }

  /** Creates the declared collections that do not exist yet. */
  declare(names: Iterable<string>): void {
    for (const name of names) if (!this.collections.has(name)) this.createCollection(name);
  }

  createCollection(name: string): void {
    if (this.collections.has(name)) throw collectionExists(name);
    this.ensure(name);
    this.journal.append({ c: name });
  }

  collection(name: unknown): Collection {
    const collection = typeof name === 'string' ? this.collections.get(name) : undefined;
    if (!collection) throw collectionNotExist(String(name));
    return collection;
  }

  /** Committed version of a document as of a sequence number (for transactions). */
  readAt(collection: string, id: string, seq: number): Doc | null {
    const entry = this.collection(collection).entries.get(id);
    if (entry && entry.seq <= seq) return entry.doc;
    const versions = this.history.get(`${collection}\u0000${id}`);
    if (versions) {
      for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= seq) return versions[i].doc;
    }
    return null;
  }

  /** Sequence number of the last committed write (insert, update or delete) of a document. */
  lastWriteSeq(collection: string, id: string): number {
    const entry = this.collection(collection).entries.get(id);
    if (entry) return entry.seq;
    return this.history.get(`${collection}\u0000${id}`)?.at(-1)?.replacedAt ?? 0;
  }

  openReader(): void {
    this.readers++;
  }

  closeReader(): void {
    this.readers--;
    if (this.readers === 0) this.history.clear();
  }

  /** Checks unique indexes for a batch of changes as a whole, then applies and journals it as one record. */
  apply(changes: Change[]): void {
    if (changes.length === 0) return;
    this.checkUnique(changes);
    const seq = ++this.seq;
    for (const { collection: name, id, after } of changes) {
      const collection = this.collection(name);
      const before = collection.entries.get(id);
      if (this.readers > 0) {
        const key = `${name}\u0000${id}`;
        let versions = this.history.get(key);
        if (!versions) this.history.set(key, (versions = []));
        versions.push({ seq: before?.seq ?? 0, doc: before?.doc ?? null, replacedAt: seq });
      }
      for (const index of collection.indexes) {
        if (before) {
          const oldKey = keyOf(before.doc, index.spec);
          if (index.owners.get(oldKey) === id) index.owners.delete(oldKey);
        }
        if (after) index.owners.set(keyOf(after, index.spec), id);
      }
      if (after) collection.entries.set(id, { doc: after, seq });
      else if (before) collection.entries.delete(id);
    }
    this.journal.append({ o: changes.map(({ collection, id, after }) => [collection, id, after]) });
  }

  private checkUnique(changes: Change[]): void {
    const changed = new Set(changes.map((c) => `${c.collection}\u0000${c.id}`));
    const claimed = new Map<string, string>();
    for (const { collection: name, id, after } of changes) {
      const collection = this.collection(name);
      if (!after) continue;
      for (const index of collection.indexes) {
        const key = keyOf(after, index.spec);
        const owner = index.owners.get(key);
        const batchKey = `${name}\u0000${index.spec.name}\u0000${key}`;
        const clash = (owner !== undefined && owner !== id && !changed.has(`${name}\u0000${owner}`)) ||
          (claimed.has(batchKey) && claimed.get(batchKey) !== id);
        if (clash) {
          throw duplicateKey(name, index.spec.name, Object.fromEntries(index.spec.fields.map((f) => [f, fieldValue(after, f)])));
        }
        claimed.set(batchKey, id);
      }
    }
  }
}
