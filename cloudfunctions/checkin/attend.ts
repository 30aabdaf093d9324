/**
 * Checking one member in to one activity or session, whoever does it (the member's scan, a helper's scan, staff
 * tapping a name). Idempotent: the check-in's _id is checkinId(kind, target, member), so double scans, retries and
 * concurrent repeats make one document and the rest answer 'already' with its time.
 * Who may be checked in: an activity's sign-ups holding a place; at an activity that allows walk-ups, anyone else
 * while seats last, whose sign-up is recorded by the enrollment function's own code path (signUp with WALK_UP:
 * the same conditional push onto the line); a session's volunteers holding a place on its team (post).
 * At a 云课堂 screening (an activity with a lessonId) the check-in also marks the lesson attended (_domain/lessons).
 */
import type { AccountDoc, CheckinDoc, EnrollmentDoc, MemberDoc } from '../../src/shared/documents';
import { enrollmentId, placementOf } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import { checkinId } from '../../src/shared/timebank-rules';
import { recordIfOnBehalf, type Actor } from '../_lib/actor';
import { recordAudit } from '../_lib/audit';
import type { Cloud, Db } from '../_lib/db';
import { insertOne, isDuplicateKey } from '../_lib/writes';
import type { Cached } from '../_domain/seats/cache';
import { signUp } from '../_domain/seats/signup';
import { activityTarget, lineOf, loadTarget as loadSeats, WALK_UP, type Target } from '../_domain/seats/targets';
import { attendScreening } from '../_domain/lessons/progress';
import { assertWindowOpen, loadTarget, titleOf, type CheckinTarget } from './targets';

export interface AttendContext {
  db: Db;
  now: Date;
  /** the seats cache (walk-up sign-ups go through the seats code path) */
  cache: Cached;
  cloud: Cloud;
  /** who does it: the member, their helper, or staff/leader */
  by: AccountDoc;
}

export type Standing = 'placed' | 'waitlisted' | 'none';

function placed(target: Target, postId: string | null, memberId: string): Standing {
  const ref = lineOf(target, postId);
  const placement = ref ? placementOf(ref.line, memberId, ref.seats, ref.counter) : null;
  if (!placement) return 'none';
  return placement.state === 'enrolled' ? 'placed' : 'waitlisted';
}

/** Whether the member holds a place for the target (re-reading the line when the cached one says no). */
export async function standingOf(ctx: Pick<AttendContext, 'db' | 'cache'>, target: CheckinTarget, memberId: string): Promise<Standing> {
  const { db, cache } = ctx;
  if (target.kind === 'meeting') {
    // a branch meeting: every member of the branch is expected
    const member = await db.byId<Pick<MemberDoc, 'branchId' | 'erasedAt'>>('members', memberId);
    return member && !member.erasedAt && member.branchId === target.doc.branchId ? 'placed' : 'none';
  }
  if (target.kind === 'activity') {
    const enrollment = await db.byId<EnrollmentDoc>('enrollments', enrollmentId('activity', target.id, memberId));
    if (enrollment?.status !== 'active') return 'none';
    const quick = placed(activityTarget(target.doc), null, memberId);
    if (quick === 'placed') return quick;
    const fresh = await loadTarget(db, 'activity', target.id);
    return fresh.kind === 'activity' ? placed(activityTarget(fresh.doc), null, memberId) : 'none';
  }
  const session = target.doc;
  const enrollment = await db.byId<EnrollmentDoc>('enrollments', enrollmentId('team', session.teamId, memberId));
  if (enrollment?.status !== 'active' || (session.postId && enrollment.postId !== session.postId)) return 'none';
  const team = await cache.target('team', session.teamId);
  const quick = team ? placed(team, enrollment.postId, memberId) : 'none';
  if (quick === 'placed') return quick;
  const fresh = await loadSeats(db, 'team', session.teamId);
  return fresh ? placed(fresh, enrollment.postId, memberId) : 'none';
}

/** The actor the walk-up sign-up is recorded as: the member (or helper) themselves, or staff for the member. */
function actorFor(by: AccountDoc, memberId: string): Actor {
  const onBehalf = by.role === 'helper';
  return { account: by, memberId, onBehalf };
}

async function walkUp(ctx: AttendContext, target: CheckinTarget, memberId: string): Promise<void> {
  const { me } = await signUp({ db: ctx.db, cache: ctx.cache, now: ctx.now, cloud: ctx.cloud }, actorFor(ctx.by, memberId), { kind: 'activity', targetId: target.id }, WALK_UP);
  if (me.state === 'waitlisted') throw new CodedError('CHECKIN.WAITLISTED');
  if (me.state !== 'enrolled') throw new CodedError('CHECKIN.FULL');
}

export interface Attended {
  outcome: 'checkedIn' | 'already';
  doc: CheckinDoc;
}

async function record(ctx: AttendContext, doc: CheckinDoc): Promise<Attended> {
  try {
    await insertOne(ctx.db, 'checkins', { ...doc });
    return { outcome: 'checkedIn', doc };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await ctx.db.byId<CheckinDoc>('checkins', doc._id);
    if (!existing) throw error;
    return { outcome: 'already', doc: existing };
  }
}

async function audit(ctx: AttendContext, target: CheckinTarget, memberId: string, method: CheckinDoc['method']): Promise<void> {
  const { by } = ctx;
  const title = titleOf(target);
  if (by.role === 'helper') {
    await recordIfOnBehalf(ctx.db, actorFor(by, memberId), 'checkin.scan', `替您签到：${title}`);
  } else if (method === 'staff') {
    await recordAudit(ctx.db, { memberId, actor: by, action: 'checkin.assist', detail: `${by.name}为您签到：${title}` });
  }
}

/** Checks the member in (or answers the check-in they already have). `assisted`: staff or leader tapped the name. */
export async function attend(ctx: AttendContext, target: CheckinTarget, memberId: string, assisted: boolean): Promise<Attended> {
  const { db, now, by } = ctx;
  const id = checkinId(target.kind, target.id, memberId);
  const [existing, standing, member] = await Promise.all([
    db.byId<CheckinDoc>('checkins', id),
    standingOf(ctx, target, memberId),
    db.byId<Pick<MemberDoc, '_id' | 'name'>>('members', memberId),
  ]);
  if (existing) return screened(ctx, target, { outcome: 'already', doc: existing });
  if (!member) throw new CodedError('DATA.NOT_FOUND');
  assertWindowOpen(target, now);
  if (standing === 'waitlisted') throw new CodedError('CHECKIN.WAITLISTED');
  let method: CheckinDoc['method'] = assisted ? 'staff' : 'scan';
  if (standing === 'none') {
    if (target.kind === 'meeting') throw new CodedError('CHECKIN.NOT_SIGNED_UP', '您不在这个党支部，不用在这里签到。请找支部书记');
    if (target.kind !== 'activity' || !target.doc.walkUpAllowed) throw new CodedError('CHECKIN.NOT_SIGNED_UP');
    await walkUp(ctx, target, memberId);
    if (!assisted) method = 'walkUp';
  }
  const result = await record(ctx, {
    _id: id,
    kind: target.kind,
    targetId: target.id,
    title: titleOf(target),
    memberId,
    memberName: member.name,
    at: now,
    method,
    byOpenid: by.openid,
    byName: by.name,
    byRole: by.role,
    checkOutAt: null,
    presentMinutes: null,
  });
  if (result.outcome === 'checkedIn') await audit(ctx, target, memberId, method);
  return screened(ctx, target, result);
}

/** At a 云课堂 screening (收视点), checking in marks the lesson attended (again on a repeat: a crash may have cut it). */
async function screened(ctx: AttendContext, target: CheckinTarget, result: Attended): Promise<Attended> {
  if (target.kind === 'activity') await attendScreening(ctx.db, target.doc.lessonId, result.doc.memberId, target.id, ctx.now);
  return result;
}
