/**
 * Named sequences (counters collection): the next number is one atomic increment-and-return on the database, so
 * concurrent callers never get the same number. A number taken by a call that then fails is skipped (a gap), never
 * given twice.
 */
import type { CounterDoc } from '../../src/shared/documents';
import { updateOneAndReturn } from './atomic';
import type { Db } from './db';
import { insertOne, isDuplicateKey } from './writes';

export async function nextInSequence(db: Db, name: string): Promise<number> {
  const bump = () => updateOneAndReturn<CounterDoc>(db, 'counters', { _id: name }, { seq: db.command.inc(1) });
  let counter = await bump();
  if (!counter) {
    try {
      await insertOne(db, 'counters', { _id: name, seq: 0 });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // another call created it first
    }
    counter = await bump();
  }
  if (!counter) throw new Error(`counter ${name} could not be advanced`);
  return counter.seq;
}
