/**
 * Kept counts (tallies, src/shared/tally-rules.ts) of what the 工作台 shows, read in one request instead of one
 * count or aggregate per kind. A tally is one document in `tallies` ({ _id: name, n, rev, since? }). It moves only
 * in the same transaction as the record whose state it counts (a request submitted, decided, withdrawn; a
 * suggestion moving on; a member added or erased), so a retry, a concurrent change of the same record or a
 * process dying half-way can never count it twice or not at all: both are written or neither. A conflict (another
 * transaction wrote either document) retries from the start; the SDK does not. `rev` goes up with every move, so
 * a repair (integrity/tallies.ts) can tell whether the tally moved while it counted. A tally that does not exist
 * yet is not moved: the 工作台 starts it from its records the first time it opens (readTallies).
 */
import { randomBytes } from 'node:crypto';
import type { CollectionName } from '../../../src/shared/collections';
import { CodedError } from '../../../src/shared/errors';
import { movesOf, specOf, TALLY_NAMES, touchesTally, type Move, type TallyDoc, type TallyName } from '../../../src/shared/tally-rules';
import { settle, type Db, type Where } from '../../_lib/db';
import { isDuplicateKey, updateWhere } from '../../_lib/writes';

/** A transaction as the SDK gives it (typed any there): single documents by id. */
interface TxDoc {
  get(): Promise<{ data: Record<string, unknown> }>;
  update(options: { data: Record<string, unknown> }): Promise<{ updated: number }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
}
interface Tx {
  collection(name: string): { doc(id: string): TxDoc; add(options: { data: Record<string, unknown> }): Promise<unknown> };
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

const MAX_ATTEMPTS = 30;

function isConflict(error: unknown): boolean {
  const e = error as { errCode?: number; errMsg?: string; message?: string } | null;
  return e?.errCode === -501001 || /TransactionConflict|Transaction is conflict|TRANSACTION_CONFLICT/.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`);
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(300, 10 * (attempt + 1))));

async function readIn(tx: Tx, collection: CollectionName, id: string): Promise<Record<string, unknown> | null> {
  try {
    return (await tx.collection(collection).doc(id).get()).data ?? null;
  } catch (error) {
    if (isConflict(error)) throw error;
    return null; // the SDK throws for a document that does not exist
  }
}

/** Field equality as a query means it: dates by their time, null also for a missing field. */
function same(stored: unknown, wanted: unknown): boolean {
  if (stored instanceof Date && wanted instanceof Date) return stored.getTime() === wanted.getTime();
  return (stored ?? null) === (wanted ?? null);
}

/**
 * Runs `work` in a transaction, then the tally moves it answers in the same one; retried from the start on a
 * conflict. `work` must read and write only through `tx`.
 */
async function transact<T>(db: Db, work: (tx: Tx) => Promise<{ result: T; moves: Move[] }>): Promise<T> {
  const _ = db.command;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const tx = (await settle<unknown>(db.raw.startTransaction())) as Tx;
    try {
      const { result, moves } = await work(tx);
      for (const name of new Set(moves.map((move) => move.name))) {
        const mine = moves.filter((move) => move.name === name);
        const by = mine.reduce((sum, move) => sum + move.by, 0);
        const since = specOf(name).since ? Object.fromEntries(mine.map((move) => [`since.${move.id}`, move.by > 0 ? move.since : _.remove()])) : {};
        await tx.collection('tallies').doc(name).update({ data: { n: _.inc(by), rev: _.inc(1), ...since } });
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
 * Inserts records and moves the tallies they count in, all at once (without an _id a record gets a random one, as
 * the database gives). Answers false, inserting and moving nothing, when a document with one of their _ids or
 * unique keys is there already.
 */
export async function insertCounted(db: Db, collection: CollectionName, ...records: Array<Record<string, unknown> & { _id?: string }>): Promise<boolean> {
  const docs = records.map((data) => ({ ...data, _id: data._id ?? randomBytes(16).toString('hex') }));
  try {
    return await transact(db, async (tx) => {
      for (const doc of docs) await tx.collection(collection).add({ data: doc });
      return { result: true, moves: docs.flatMap((doc) => movesOf(collection, doc._id, null, doc)) };
    });
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * The conditional update of one tallied record, as updateWhere's: `where` names it by _id and plain field values
 * (e.g. `status: 'pending'`); when it matches, `data` (fields or operators; the fields a tally looks at as plain
 * values) is written and the tallies its state leaves and enters move, at once. Answers whether it changed. A
 * write that touches no field a tally looks at is the plain conditional update (one request). `replace` writes
 * `data` as the whole document.
 */
export async function updateCounted(
  db: Db,
  collection: CollectionName,
  where: { _id: string } & Record<string, unknown>,
  data: Record<string, unknown>,
  mode: 'update' | 'replace' = 'update',
): Promise<boolean> {
  // fields a tally looks at, written to what `where` pins them to already, move nothing (e.g. a reply step)
  const changing = Object.fromEntries(Object.entries(data).filter(([key, value]) => !(key in where && same(where[key], value))));
  if (mode === 'update' && !touchesTally(collection, changing)) return (await updateWhere(db, collection, where, data)) > 0;
  return transact(db, async (tx) => {
    const before = await readIn(tx, collection, where._id);
    if (!before || !Object.entries(where).every(([key, value]) => same(before[key], value))) return { result: false, moves: [] };
    const ref = tx.collection(collection).doc(where._id);
    await (mode === 'replace' ? ref.set({ data }) : ref.update({ data }));
    return { result: true, moves: movesOf(collection, where._id, before, mode === 'replace' ? data : { ...before, ...data }) };
  });
}

/**
 * The tallies as kept. One never kept (a new environment, or one from before tallies) is first started from its
 * records by `start` (数据核对's race-safe repair), once; should that fail it is read as its records' count.
 */
export async function readTallies(db: Db, start: (name: TallyName) => Promise<unknown>): Promise<Record<TallyName, Pick<TallyDoc, 'n' | 'since'>>> {
  const read = () => db.find<TallyDoc>('tallies', { where: { _id: db.command.in(TALLY_NAMES) }, limit: TALLY_NAMES.length });
  let docs = await read();
  const missing = TALLY_NAMES.filter((name) => !docs.some((doc) => doc._id === name));
  if (missing.length) {
    await Promise.all(missing.map((name) => start(name)));
    docs = await read();
  }
  const kept = new Map(docs.map((doc) => [doc._id, doc]));
  const values = await Promise.all(TALLY_NAMES.map(async (name) => kept.get(name) ?? { n: await countOf(db, name) }));
  return Object.fromEntries(TALLY_NAMES.map((name, i) => [name, values[i]])) as Record<TallyName, Pick<TallyDoc, 'n' | 'since'>>;
}

/** What a tally's records add up to now. */
export function countOf(db: Db, name: TallyName): Promise<number> {
  const spec = specOf(name);
  return db.count(spec.collection, spec.where as Where);
}
