/** 我的报名: everything the member (or a helper for them) signed up for, with its status and the next step. */
import type { MineData, MineItem } from '../../src/shared/contracts-enrollment';
import type { ActivityDoc, CourseDoc, EnrollmentDoc, MemberDoc } from '../../src/shared/documents';
import { beijingText, KIND_LABELS, type EnrollKind } from '../../src/shared/enrollment-rules';
import type { Actor } from '../_lib/actor';
import type { Db } from '../_lib/db';
import type { Deps } from './signup';
import { myStatus } from './status';
import { COLLECTION_OF, type TargetDoc } from './targets';

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function whenAndWhere(kind: EnrollKind, target: TargetDoc): { when: string; place: string } {
  if (kind === 'course') {
    const c = target as CourseDoc;
    return { when: `每${WEEKDAYS[c.weekday] ?? ''} ${c.time}`, place: `${c.campusName} ${c.place}` };
  }
  if (kind === 'activity') {
    const a = target as ActivityDoc;
    return { when: beijingText(new Date(a.startAt)), place: a.place };
  }
  return { when: '', place: '' };
}

async function targetsOf(db: Db, enrollments: EnrollmentDoc[]): Promise<Map<string, TargetDoc>> {
  const byKind = new Map<EnrollKind, string[]>();
  for (const e of enrollments) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.targetId]);
  const found = await Promise.all(
    [...byKind].map(([kind, ids]) =>
      db.find<TargetDoc>(COLLECTION_OF[kind], { where: { _id: db.command.in([...new Set(ids)]) }, limit: 1000 }).then((docs) =>
        docs.map((doc) => [`${kind}:${doc._id}`, doc] as const),
      ),
    ),
  );
  return new Map(found.flat());
}

const ORDER: Record<string, number> = { pending: 0, entered: 1, waitlisted: 2, incomplete: 3, enrolled: 4, rejected: 5, cancelled: 6 };

export async function mine(deps: Deps, actor: Actor): Promise<MineData> {
  const { db, now } = deps;
  const [enrollments, member, settings] = await Promise.all([
    db.find<EnrollmentDoc>('enrollments', { where: { memberId: actor.memberId }, orderBy: [['updatedAt', 'desc']], limit: 1000 }),
    db.byId<MemberDoc>('members', actor.memberId),
    deps.cache.settings(),
  ]);
  const targets = await targetsOf(db, enrollments);
  const items: MineItem[] = [];
  for (const e of enrollments) {
    const target = targets.get(`${e.kind}:${e.targetId}`);
    if (!target) continue;
    items.push({
      enrollmentId: e._id,
      kind: e.kind,
      kindLabel: KIND_LABELS[e.kind],
      targetId: e.targetId,
      postId: e.postId,
      title: e.title,
      ...whenAndWhere(e.kind, target),
      me: myStatus({ kind: e.kind, target, enrollment: e, memberId: actor.memberId, now, settings }),
    });
  }
  items.sort((a, b) => (ORDER[a.me.state] ?? 9) - (ORDER[b.me.state] ?? 9));
  return {
    viewer: { name: actor.account.name, onBehalf: actor.onBehalf, memberName: member?.name ?? actor.account.name },
    items,
  };
}
