/**
 * CloudBase-style transactions: single-document reads and writes by _id (plus inserts), buffered until commit.
 * Reads see the committed state as of start plus the transaction's own writes. A write to a document that another
 * open transaction has written, or that was committed after this transaction started, fails at once with
 * DATABASE_TRANSACTION_CONFLICT (nobody waits on a lock); commit re-checks, then applies everything as one
 * journal record. Abandoned transactions expire.
 */
import { type Doc } from './ejson';
import { transactionConflict, transactionNotExist } from './errors';
import { newId } from './ids';
import { type Change, type Store } from './store';

const EXPIRE_MS = 30_000;

interface Transaction {
  id: string;
  startSeq: number;
  lastUsed: number;
  writes: Map<string, Change>;
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class Transactions {
  private open = new Map<string, Transaction>();
  /** document key -> id of the open transaction that has written it */
  private locks = new Map<string, string>();
  private sweeper: NodeJS.Timeout;

  constructor(private readonly store: Store) {
    this.sweeper = setInterval(() => this.expire(), 5_000);
    this.sweeper.unref();
  }

  start(): string {
    const id = newId();
    this.open.set(id, { id, startSeq: this.store.seq, lastUsed: Date.now(), writes: new Map() });
    this.store.openReader();
    return id;
  }

  private get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) throw transactionNotExist();
    tx.lastUsed = Date.now();
    return tx;
  }

  read(txId: unknown, collection: string, id: string): Doc | null {
    const tx = this.get(txId);
    this.store.collection(collection);
    const own = tx.writes.get(keyOf(collection, id));
    if (own) return own.after;
    return this.store.readAt(collection, id, tx.startSeq);
  }

  write(txId: unknown, change: Change): void {
    const tx = this.get(txId);
    const key = keyOf(change.collection, change.id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== tx.id) {
      this.end(tx);
      throw transactionConflict();
    }
    this.checkNotChangedSince(tx, change);
    this.locks.set(key, tx.id);
    tx.writes.set(key, change);
  }

  commit(txId: unknown): void {
    const tx = this.get(txId);
    try {
      for (const change of tx.writes.values()) this.checkNotChangedSince(tx, change);
      this.store.apply(Array.from(tx.writes.values()));
    } finally {
      this.end(tx);
    }
  }

  abort(txId: unknown): void {
    this.end(this.get(txId));
  }

  private checkNotChangedSince(tx: Transaction, change: Change): void {
    if (this.store.lastWriteSeq(change.collection, change.id) > tx.startSeq) {
      this.end(tx);
      throw transactionConflict();
    }
  }

  private end(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return;
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    this.store.closeReader();
  }

  private expire(): void {
    const cutoff = Date.now() - EXPIRE_MS;
    for (const tx of this.open.values()) if (tx.lastUsed < cutoff) this.end(tx);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
