/**
 * Kept counts (tallies) of what waits for the bureau, read by the 工作台 in one request instead of one count per
 * kind. A tally is one document in `tallies` ({ _id: name, n, rev }). It moves only in the same transaction as the
 * record whose state it counts (a request submitted, decided, withdrawn), so a retry, a concurrent change of the
 * same record or a process dying half-way can never count it twice or not at all: either both are written or
 * neither. `rev` goes up by one with every move, so a repair (integrity/tallies.ts) can tell whether the tally
 * moved while it counted. A tally that does not exist yet is not moved; the 工作台 counts its records instead and
 * 数据核对 lists it until repaired.
 */
import type { CollectionName } from '../../../src/shared/collections';
import { movesOf, TALLIES, TALLY_NAMES, type Moves, type TallyDoc, type TallyName } from '../../../src/shared/tally-rules';
import { CodedError } from '../../../src/shared/errors';
import { settle, type Db, type Where } from '../../_lib/db';
import { isDuplicateKey } from '../../_lib/writes';

/** A transaction as the SDK gives it (typed any there): single documents by id. */
interface TxDoc {
  get(): Promise<{ data: Record<string, unknown> }>;
  update(options: { data: Record<string, unknown> }): Promise<{ updated: number }>;
}
interface Tx {
  collection(name: string): { doc(id: string): TxDoc; add(options: { data: Record<string, unknown> }): Promise<unknown> };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

const MAX_ATTEMPTS = 25;

const isConflict = (error: unknown): boolean => {
  const e = error as { errCode?: number; errMsg?: string; message?: string };
  return e?.errCode === -501001 || /TransactionConflict|Transaction is conflict|TRANSACTION_CONFLICT/.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`);
};

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * (attempt + 1))));

async function readIn(tx: Tx, collection: CollectionName, id: string): Promise<Record<string, unknown> | null> {
  try {
    return (await tx.collection(collection).doc(id).get()).data ?? null;
  } catch (error) {
    if (isConflict(error)) throw error;
    return null; // the SDK throws for a document that does not exist
  }
}

/**
 * Runs `work` in a transaction together with the tally moves it answers; retried from the start on a conflict
 * (the SDK does not retry). `work` answers its result and moves; it must only read and write through `tx`.
 */
async function transact<T>(db: Db, work: (tx: Tx) => Promise<{ result: T; moves: Moves }>): Promise<T> {
  const _ = db.command;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const tx = (await settle<unknown>(db.raw.startTransaction())) as Tx;
    try {
      const { result, moves } = await work(tx);
      for (const [name, by] of Object.entries(moves)) {
        if (by) await tx.collection('tallies').doc(name).update({ data: { n: _.inc(by), rev: _.inc(1) } });
      }
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      if (!isConflict(error)) throw error;
      await pause(attempt);
    }
  }
  throw new CodedError('SYSTEM.BUSY');
}

/**
 * Inserts a record and moves the tally it counts in, at once. Answers false, moving nothing, when a document
 * with its _id or unique key is there already.
 */
export async function insertCounted(db: Db, collection: CollectionName, data: Record<string, unknown>): Promise<boolean> {
  try {
    return await transact(db, async (tx) => {
      await tx.collection(collection).add({ data });
      return { result: true, moves: movesOf(collection, null, data) };
    });
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * The conditional update of one tallied record: `where` names it by _id and plain field values (e.g. `status:
 * 'pending'`); when it matches, `data` is written (plain fields or operators) and the tallies its state leaves and
 * enters move, at once. Answers whether it matched and changed, as updateWhere's 1 or 0.
 */
export async function updateCounted(db: Db, collection: CollectionName, where: { _id: string } & Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
  return transact(db, async (tx) => {
    const before = await readIn(tx, collection, where._id);
    if (!before || !Object.entries(where).every(([key, value]) => before[key] === value)) return { result: false, moves: {} };
    await tx.collection(collection).doc(where._id).update({ data });
    // the fields a tally looks at (status, kind) are written as plain values
    return { result: true, moves: movesOf(collection, before, { ...before, ...data }) };
  });
}

/** The tallies as kept; a missing one is counted from its records (one request more, until it is repaired). */
export async function readTallies(db: Db): Promise<Record<TallyName, number>> {
  const docs = await db.find<TallyDoc>('tallies', { where: { _id: db.command.in(TALLY_NAMES) }, limit: TALLY_NAMES.length });
  const kept = new Map(docs.map((doc) => [doc._id, doc.n]));
  const values = await Promise.all(TALLY_NAMES.map(async (name) => kept.get(name) ?? (await countOf(db, name))));
  return Object.fromEntries(TALLY_NAMES.map((name, i) => [name, values[i]])) as Record<TallyName, number>;
}

/** What a tally's records add up to now. */
export function countOf(db: Db, name: TallyName): Promise<number> {
  const spec = TALLIES[name];
  return db.count(spec.collection, spec.where as Where);
}
