/**
 * What each 工作台 tally counts (cloudfunctions/_domain/tallies keeps them; the seed writes them; 数据核对 recounts
 * them): its records' collection and the plain field values a record counts by. Pure.
 */
import type { CollectionName } from './collections';

/** What each tally counts: its records' collection and condition. */
export const TALLIES = {
  /** 入册审核: roster requests waiting for a decision */
  reviews: { collection: 'rosterRequests', where: { status: 'pending' }, label: '待审核的入册申请' },
  /** 注销申请 waiting for staff */
  deletions: { collection: 'deletionRequests', where: { status: 'pending' }, label: '待处理的注销申请' },
  /** 报名审核: association join requests waiting for approval */
  approvals: { collection: 'enrollments', where: { kind: 'association', status: 'pending' }, label: '待审批的入会申请' },
} as const satisfies Record<string, { collection: CollectionName; where: Record<string, unknown>; label: string }>;

export type TallyName = keyof typeof TALLIES;
export const TALLY_NAMES = Object.keys(TALLIES) as TallyName[];
export type Moves = Partial<Record<TallyName, number>>;

export interface TallyDoc {
  _id: TallyName;
  n: number;
  rev: number;
}

/** A tally as kept in `tallies`; `rev` goes up by one with every move. */
export interface TallyDoc {
  _id: TallyName;
  n: number;
  rev: number;
}

/** The pending tally of a record in this state: which tally it counts in, if any. */
export function tallyOf(collection: CollectionName, doc: Record<string, unknown> | null): TallyName | null {
  if (!doc) return null;
  for (const name of TALLY_NAMES) {
    const spec = TALLIES[name];
    if (spec.collection === collection && Object.entries(spec.where).every(([key, value]) => doc[key] === value)) return name;
  }
  return null;
}

/** The moves of a record going from `before` to `after` (null: absent). */
export function movesOf(collection: CollectionName, before: Record<string, unknown> | null, after: Record<string, unknown> | null): Moves {
  const from = tallyOf(collection, before);
  const to = tallyOf(collection, after);
  if (from === to) return {};
  return { ...(from ? { [from]: -1 } : {}), ...(to ? { [to]: 1 } : {}) };
}

/** The tallies these records give (the seed writes them so). */
export function talliesOf(records: Partial<Record<CollectionName, ReadonlyArray<Record<string, unknown>>>>): Record<TallyName, number> {
  const counts = Object.fromEntries(TALLY_NAMES.map((name) => [name, 0])) as Record<TallyName, number>;
  for (const [collection, docs] of Object.entries(records) as [CollectionName, ReadonlyArray<Record<string, unknown>>][]) {
    for (const doc of docs) {
      const name = tallyOf(collection, doc);
      if (name) counts[name] += 1;
    }
  }
  return counts;
}
