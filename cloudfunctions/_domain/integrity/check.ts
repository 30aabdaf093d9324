/**
 * 数据核对 on the database: every sign-up counter recounted from its records (recount.ts), and the repair of one
 * counter: its line and counter set to what the records give, by one conditional update that only applies if
 * neither moved meanwhile (a sign-up or cancel in between: read again and retry). The staff function audits it.
 */
import type { CounterDisagreement, IntegrityData } from '../../../src/shared/contracts-integrity';
import type { RepairCounterRequest } from '../../../src/shared/contracts-staff';
import type { RosterKind } from '../../../src/shared/primitives';
import type { EnrollmentDoc } from '../../../src/shared/documents';
import { CodedError } from '../../../src/shared/errors';
import type { CollectionName } from '../../../src/shared/collections';
import { findEvery, type Db } from '../../_lib/db';
import { updateWhere } from '../../_lib/writes';
import { COLLECTION_OF } from '../seats/targets';
import { countersOf, disagreementOf, disagreements, recount, type CountedDoc } from './recount';
import { checkTallies, repairTally } from './tallies';


type EnrollmentRow = Pick<EnrollmentDoc, 'kind' | 'targetId' | 'postId' | 'memberId' | 'status'>;
const ENROLLMENT_FIELDS = { kind: true, targetId: true, postId: true, memberId: true, status: true };

const everything = <T>(db: Db, collection: CollectionName, where: Record<string, unknown>, fields?: Record<string, boolean>) =>
  findEvery<T>(db, collection, { where, orderBy: [['_id', 'asc']], ...(fields ? { fields } : {}) });

async function countedDocs(db: Db): Promise<CountedDoc[]> {
  const kinds = Object.keys(COLLECTION_OF) as RosterKind[];
  const lists = await Promise.all(kinds.map((kind) => everything<never>(db, COLLECTION_OF[kind], {})));
  return kinds.flatMap((kind, i) => (lists[i] ?? []).map((doc) => ({ kind, doc }) as CountedDoc));
}

export async function checkCounters(db: Db, now: Date): Promise<IntegrityData> {
  const [docs, enrollments, tallies] = await Promise.all([
    countedDocs(db),
    everything<EnrollmentRow>(db, 'enrollments', { status: 'active' }, ENROLLMENT_FIELDS),
    checkTallies(db),
  ]);
  const seats = disagreements(docs, enrollments);
  return { checkedAt: now.toISOString(), checked: seats.checked + tallies.checked, disagreements: [...seats.disagreements, ...tallies.disagreements] };
}

/** The collection a repair writes (audited). */
export const repairedCollection = (kind: RepairCounterRequest['kind']): CollectionName => (kind === 'tally' ? 'tallies' : COLLECTION_OF[kind]);

/** Sets one counter (and its line) to what the records give; answers what it repaired (null when it agreed). */
export async function repairCounter(db: Db, input: RepairCounterRequest): Promise<CounterDisagreement | null> {
  if (input.kind === 'tally') return repairTally(db, input.id);
  return repairSeats(db, { ...input, kind: input.kind });
}

async function repairSeats(db: Db, input: RepairCounterRequest & { kind: RosterKind }): Promise<CounterDisagreement | null> {
  const _ = db.command;
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await db.byId<never>(COLLECTION_OF[input.kind], input.id);
    if (!doc) throw new CodedError('DATA.NOT_FOUND');
    const ref = countersOf({ kind: input.kind, doc } as CountedDoc).find((r) => r.postId === (input.kind === 'team' ? (input.postId ?? null) : null));
    if (!ref) throw new CodedError('DATA.NOT_FOUND', '没有找到这个岗位');
    const rows = await everything<EnrollmentRow>(
      db,
      'enrollments',
      { kind: input.kind, targetId: input.id, status: 'active', ...(input.kind === 'team' ? { postId: ref.postId } : {}) },
      ENROLLMENT_FIELDS,
    );
    const active = new Set(rows.map((row) => row.memberId));
    const found = disagreementOf(ref, active);
    if (!found) return null;
    const { line, counter } = recount(ref, active);
    const updated = await updateWhere(
      db,
      COLLECTION_OF[input.kind],
      { _id: input.id, [ref.counterPath]: ref.counter, [ref.linePath]: _.eq(ref.line), ...(ref.postId ? { [ref.linePath.replace(/line$/, 'id')]: ref.postId } : {}) },
      { [ref.linePath]: _.set(line), [ref.counterPath]: counter },
    );
    if (updated) return found;
  }
  throw new CodedError('ENROLL.BUSY');
}
