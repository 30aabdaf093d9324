/**
 * 数据核对 for the 工作台's tallies (_domain/tallies): each recounted from its records, and the repair of one. A
 * repair writes what the records give only if the tally did not move while they were counted (its `rev`), else
 * counts again; a tally never kept is created, then checked once more (a change between the count and the
 * creation moved nothing).
 */
import type { CounterDisagreement } from '../../../src/shared/contracts-integrity';
import { CodedError } from '../../../src/shared/errors';
import { specOf, TALLY_NAMES, talliesOf, type TallyDoc, type TallyName } from '../../../src/shared/tally-rules';
import { findEvery, type Db, type Where } from '../../_lib/db';
import { insertOnce, updateWhere } from '../../_lib/writes';
import { countOf } from '../tallies/tally';

/** What the records give for one tally (with `since` only when it keeps one). */
async function recounted(db: Db, name: TallyName): Promise<TallyDoc> {
  const spec = specOf(name);
  if (!spec.since) return { _id: name, n: await countOf(db, name), rev: 0 };
  const fields = Object.fromEntries([...Object.keys(spec.where), spec.since].map((key) => [key, true]));
  const records = await findEvery<Record<string, unknown>>(db, spec.collection, { where: spec.where as Where, orderBy: [['_id', 'asc']], fields });
  const [doc] = talliesOf({ [spec.collection]: records }).filter((tally) => tally._id === name);
  return doc as TallyDoc;
}

const time = (value: unknown) => (value instanceof Date ? value.getTime() : new Date(value as string).getTime());

function problemsOf(stored: TallyDoc | null, counted: TallyDoc): string[] {
  if (!stored) return ['还没有开始计数'];
  const problems: string[] = [];
  if (stored.n !== counted.n) problems.push(stored.n > counted.n ? `多算了${stored.n - counted.n}个` : `少算了${counted.n - stored.n}个`);
  if (counted.since) {
    const kept = stored.since ?? {};
    const wrong = Object.keys(counted.since).filter((id) => !(id in kept) || time(kept[id]) !== time(counted.since?.[id])).length + Object.keys(kept).filter((id) => !(id in (counted.since ?? {}))).length;
    if (wrong) problems.push(`有${wrong}条提交时间没有对上`);
  }
  return problems;
}

function disagreement(name: TallyName, stored: TallyDoc | null, counted: TallyDoc): CounterDisagreement | null {
  const problems = problemsOf(stored, counted);
  if (!problems.length) return null;
  return { kind: 'tally', id: name, postId: null, title: '工作台', counter: specOf(name).label, stored: stored?.n ?? 0, counted: counted.n, problems };
}

const storedTally = (db: Db, name: TallyName) => db.byId<TallyDoc>('tallies', name);

/** Every tally against its records. */
export async function checkTallies(db: Db): Promise<{ checked: number; disagreements: CounterDisagreement[] }> {
  const found = await Promise.all(TALLY_NAMES.map(async (name) => disagreement(name, await storedTally(db, name), await recounted(db, name))));
  return { checked: TALLY_NAMES.length, disagreements: found.flatMap((item) => item ?? []) };
}

/** Sets one tally to what its records give; answers what it repaired (null when it agreed). */
export async function repairTally(db: Db, name: string): Promise<CounterDisagreement | null> {
  if (!(TALLY_NAMES as string[]).includes(name)) throw new CodedError('DATA.NOT_FOUND');
  const tally = name as TallyName;
  let repaired: CounterDisagreement | null = null;
  for (let attempt = 0; attempt < 10; attempt++) {
    const stored = await storedTally(db, tally);
    const counted = await recounted(db, tally);
    const found = disagreement(tally, stored, counted);
    if (!found) return repaired;
    repaired ??= found;
    const fields = { n: counted.n, ...(counted.since ? { since: db.command.set(counted.since) } : {}) };
    if (!stored) await insertOnce(db, 'tallies', { _id: tally, rev: 0, n: counted.n, ...(counted.since ? { since: counted.since } : {}) });
    else await updateWhere(db, 'tallies', { _id: tally, rev: stored.rev }, { ...fields, rev: stored.rev + 1 });
  }
  throw new CodedError('SYSTEM.BUSY');
}
