/**
 * The one place that says what a sign-up counter must be, from the records it counts. A counter (an activity's or
 * course's `taken`, a post's `taken`, an association's `memberCount`) moves with its line in one update
 * (enrollment-rules.ts), and every line entry is a member holding an active enrollment in that target. So,
 * recounted: the line is its entries that have an active enrollment, each once, in order; the counter is its
 * length. Pure: the seed test, the staff check and the repair all use it.
 */
import type { CounterDisagreement } from '../../../src/shared/contracts-integrity';
import type { RosterKind } from '../../../src/shared/primitives';
import type { ActivityDoc, AssociationDoc, CourseDoc, EnrollmentDoc, VolunteerTeamDoc } from '../../../src/shared/documents';

/** One counter and the line it moves with, where they live in their document. */
export interface CounterRef {
  kind: RosterKind;
  id: string;
  postId: string | null;
  title: string;
  counter: number;
  line: string[];
  linePath: string;
  counterPath: string;
}

export const COUNTER_NAMES: Record<RosterKind, string> = {
  association: '会员人数',
  team: '岗位已报名人数',
  course: '已报名人数（含候补）',
  activity: '已报名人数（含候补）',
};

export type CountedDoc =
  | { kind: 'association'; doc: AssociationDoc }
  | { kind: 'team'; doc: VolunteerTeamDoc }
  | { kind: 'course'; doc: CourseDoc }
  | { kind: 'activity'; doc: ActivityDoc };

/** The counters a document keeps (a team one per post). */
export function countersOf(item: CountedDoc): CounterRef[] {
  switch (item.kind) {
    case 'association': {
      const a = item.doc;
      return [{ kind: 'association', id: a._id, postId: null, title: a.name, counter: a.memberCount, line: a.line ?? [], linePath: 'line', counterPath: 'memberCount' }];
    }
    case 'team': {
      const t = item.doc;
      return t.posts.map((post, index) => ({
        kind: 'team',
        id: t._id,
        postId: post.id,
        title: `${t.name}·${post.name}`,
        counter: post.taken,
        line: post.line ?? [],
        linePath: `posts.${index}.line`,
        counterPath: `posts.${index}.taken`,
      }));
    }
    default: {
      const c = item.doc;
      return [{ kind: item.kind, id: c._id, postId: null, title: c.title, counter: c.taken, line: c.line ?? [], linePath: 'line', counterPath: 'taken' }];
    }
  }
}

/** Where an active enrollment counts: its target's counter key. */
export function counterKey(kind: RosterKind, id: string, postId: string | null): string {
  return kind === 'team' ? `${kind}:${id}:${postId ?? ''}` : `${kind}:${id}`;
}

export function enrollmentKey(e: Pick<EnrollmentDoc, 'kind' | 'targetId' | 'postId'>): string {
  return counterKey(e.kind, e.targetId, e.postId);
}

export interface Recount {
  line: string[];
  counter: number;
  problems: string[];
}

/** The line and counter the records give; `active`: members with an active enrollment in this target (post). */
export function recount(ref: CounterRef, active: ReadonlySet<string>): Recount {
  const seen = new Set<string>();
  let duplicates = 0;
  let unrecorded = 0;
  const line: string[] = [];
  for (const member of ref.line) {
    if (seen.has(member)) duplicates += 1;
    else if (!active.has(member)) unrecorded += 1;
    else line.push(member);
    seen.add(member);
  }
  const problems: string[] = [];
  const gap = ref.counter - ref.line.length;
  if (gap > 0) problems.push(`有${gap}个名额算了人数，名单上却没有人`);
  if (gap < 0) problems.push(`名单上有${-gap}人没有算进人数`);
  if (duplicates) problems.push(`名单里有${duplicates}人重复`);
  if (unrecorded) problems.push(`名单上有${unrecorded}人没有报名记录`);
  return { line, counter: line.length, problems };
}

/** The disagreement of one counter with its records, or null when they agree. */
export function disagreementOf(ref: CounterRef, active: ReadonlySet<string>): CounterDisagreement | null {
  const counted = recount(ref, active);
  if (counted.problems.length === 0) return null;
  return {
    kind: ref.kind,
    id: ref.id,
    postId: ref.postId,
    title: ref.title,
    counter: COUNTER_NAMES[ref.kind],
    stored: ref.counter,
    counted: counted.counter,
    problems: counted.problems,
  };
}

/** Active enrollments by counter key. */
export function activeByCounter(enrollments: readonly Pick<EnrollmentDoc, 'kind' | 'targetId' | 'postId' | 'memberId' | 'status'>[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of enrollments) {
    if (e.status !== 'active') continue;
    const key = enrollmentKey(e);
    const set = map.get(key) ?? new Set<string>();
    set.add(e.memberId);
    map.set(key, set);
  }
  return map;
}

/** Every disagreement among these documents, given all enrollments. */
export function disagreements(docs: readonly CountedDoc[], enrollments: Parameters<typeof activeByCounter>[0]): { checked: number; disagreements: CounterDisagreement[] } {
  const active = activeByCounter(enrollments);
  const refs = docs.flatMap(countersOf);
  const found = refs.flatMap((ref) => disagreementOf(ref, active.get(counterKey(ref.kind, ref.id, ref.postId)) ?? new Set()) ?? []);
  return { checked: refs.length, disagreements: found };
}
