/** 我的报名: everything the member (or a helper for them) signed up for, with its status and the next step. */
import type { MineData, MineItem } from '../../src/shared/contracts-enrollment';
import type { ActivityDoc, AssociationDoc, CourseDoc, EnrollmentDoc, MemberDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { beijingText, KIND_LABELS, type EnrollKind } from '../../src/shared/enrollment-rules';
import type { Actor } from '../_lib/actor';
import type { Db } from '../_lib/db';
import type { SeatDeps } from '../_domain/seats/signup';
import { myStatus } from '../_domain/seats/status';
import { activityTarget, associationTarget, courseTarget, teamTarget, type Target } from '../_domain/seats/targets';

const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function whenAndWhere(target: Target): { when: string; place: string } {
  if (target.kind === 'course') {
    const c = target.doc;
    return { when: `每${WEEKDAYS[c.weekday] ?? ''} ${c.time}`, place: `${c.campusName} ${c.place}` };
  }
  if (target.kind === 'activity') return { when: beijingText(new Date(target.doc.startAt)), place: target.doc.place };
  return { when: '', place: '' };
}

async function targetsOf(db: Db, enrollments: EnrollmentDoc[]): Promise<Map<string, Target>> {
  const idsOf = (kind: EnrollKind) => ({ _id: db.command.in([...new Set(enrollments.filter((e) => e.kind === kind).map((e) => e.targetId))]) });
  const some = (kind: EnrollKind) => enrollments.some((e) => e.kind === kind);
  const load = async <T>(kind: EnrollKind, collection: 'associations' | 'volunteerTeams' | 'courses' | 'activities', wrap: (doc: T) => Target) =>
    some(kind) ? (await db.find<T>(collection, { where: idsOf(kind), limit: 1000 })).map(wrap) : [];
  const found = await Promise.all([
    load<AssociationDoc>('association', 'associations', associationTarget),
    load<VolunteerTeamDoc>('team', 'volunteerTeams', teamTarget),
    load<CourseDoc>('course', 'courses', courseTarget),
    load<ActivityDoc>('activity', 'activities', activityTarget),
  ]);
  return new Map(found.flat().map((target) => [`${target.kind}:${target.id}`, target]));
}

const ORDER: Record<string, number> = { pending: 0, entered: 1, waitlisted: 2, incomplete: 3, enrolled: 4, rejected: 5, cancelled: 6 };

export async function mine(deps: SeatDeps, actor: Actor): Promise<MineData> {
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
      ...whenAndWhere(target),
      me: myStatus({ target, enrollment: e, memberId: actor.memberId, now, settings }),
    });
  }
  items.sort((a, b) => (ORDER[a.me.state] ?? 9) - (ORDER[b.me.state] ?? 9));
  return {
    viewer: { name: actor.account.name, onBehalf: actor.onBehalf, memberName: member?.name ?? actor.account.name },
    items,
  };
}
