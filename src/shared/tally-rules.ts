/**
 * What each 工作台 tally counts (cloudfunctions/_domain/tallies keeps them; the seed writes them; 数据核对 recounts
 * them): its records' collection and the plain field values a record counts by (a null value also matches a
 * missing field, as in a query). A tally with `since` also keeps, per record it counts, that field's value (the
 * 工作台 derives the overdue suggestions from it without a query). Pure.
 */
import type { CollectionName } from './collections';

interface TallySpec {
  collection: CollectionName;
  where: Readonly<Record<string, string | null>>;
  label: string;
  since?: string;
}

export const TALLIES = {
  /** 入册审核: roster requests waiting for a decision */
  reviews: { collection: 'rosterRequests', where: { status: 'pending' }, label: '待审核的入册申请' },
  /** 注销申请 waiting for staff */
  deletions: { collection: 'deletionRequests', where: { status: 'pending' }, label: '待处理的注销申请' },
  /** 报名审核: association join requests waiting for approval */
  approvals: { collection: 'enrollments', where: { kind: 'association', status: 'pending' }, label: '待审批的入会申请' },
  /** suggestions by open status; the submitted ones keep when they were submitted (overdue after 2 working days) */
  submitted: { collection: 'suggestions', where: { status: 'submitted' }, label: '待受理的建议', since: 'submittedAt' },
  accepted: { collection: 'suggestions', where: { status: 'accepted' }, label: '已受理的建议' },
  inProgress: { collection: 'suggestions', where: { status: 'inProgress' }, label: '办理中的建议' },
  /** the roster: members not erased (the audience of a notice to everyone) */
  members: { collection: 'members', where: { erasedAt: null }, label: '花名册人数' },
} as const satisfies Record<string, TallySpec>;

export type TallyName = keyof typeof TALLIES;
export const TALLY_NAMES = Object.keys(TALLIES) as TallyName[];
export const specOf = (name: TallyName): TallySpec => TALLIES[name];

/** A tally as kept in `tallies`; `rev` goes up by one with every move; `since`: record id -> its since-field. */
export interface TallyDoc {
  _id: TallyName;
  n: number;
  rev: number;
  since?: Record<string, unknown>;
}

/** One record entering (+1) or leaving (-1) a tally. */
export interface Move {
  name: TallyName;
  by: 1 | -1;
  id: string;
  /** entering a tally with `since`: the record's value of that field */
  since?: unknown;
}

type Record_ = Record<string, unknown>;

/** The tally a record in this state counts in, if any. */
export function tallyOf(collection: CollectionName, doc: Record_ | null): TallyName | null {
  if (!doc) return null;
  for (const name of TALLY_NAMES) {
    const spec = specOf(name);
    if (spec.collection === collection && Object.entries(spec.where).every(([key, value]) => (doc[key] ?? null) === value)) return name;
  }
  return null;
}

/** Whether writing these fields could move a record of `collection` between tallies. */
export function touchesTally(collection: CollectionName, fields: Record_): boolean {
  return TALLY_NAMES.some((name) => specOf(name).collection === collection && Object.keys(specOf(name).where).some((key) => key in fields));
}

/** The moves of record `id` going from `before` to `after` (null: absent). */
export function movesOf(collection: CollectionName, id: string, before: Record_ | null, after: Record_ | null): Move[] {
  const from = tallyOf(collection, before);
  const to = tallyOf(collection, after);
  if (from === to) return [];
  const moves: Move[] = [];
  if (from) moves.push({ name: from, by: -1, id });
  if (to) moves.push({ name: to, by: 1, id, ...(specOf(to).since ? { since: after?.[specOf(to).since as string] } : {}) });
  return moves;
}

/** The tallies these records give, as kept (the seed writes them so; 数据核对 compares them). */
export function talliesOf(records: Partial<Record<CollectionName, ReadonlyArray<object>>>): TallyDoc[] {
  const docs = new Map<TallyName, TallyDoc>(TALLY_NAMES.map((name) => [name, { _id: name, n: 0, rev: 0, ...(specOf(name).since ? { since: {} } : {}) }]));
  for (const [collection, list] of Object.entries(records) as [CollectionName, ReadonlyArray<Record_>][]) {
    for (const record of list as ReadonlyArray<Record_>) {
      const name = tallyOf(collection, record);
      const doc = name ? docs.get(name) : undefined;
      if (!doc || !name) continue;
      doc.n += 1;
      const field = specOf(name).since;
      if (field && doc.since) doc.since[String(record._id)] = record[field];
    }
  }
  return [...docs.values()];
}
