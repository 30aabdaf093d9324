/**
 * The screens: each is one call answering everything it shows, the member's own status (`me`) included.
 * Lists never send lines to the client; places left, waitlist lengths and positions are computed here.
 */
import type {
  ActivityView,
  AssociationView,
  CampusView,
  CourseCard,
  CourseDetailData,
  CourseListData,
  PostView,
  TeamView,
  TermUsage,
} from '../../src/shared/contracts-enrollment';
import type {
  ActivityDoc,
  AssociationDoc,
  CampusDoc,
  CourseDoc,
  EnrollmentDoc,
  EnrollmentSettingsDoc,
  MemberDoc,
  VolunteerTeamDoc,
} from '../../src/shared/documents';
import {
  beijingText,
  enrollmentId,
  seatsLeft,
  waitlistLength,
  windowState,
  type EnrollKind,
} from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import type { Actor } from '../_lib/actor';
import { toIso, type Db } from '../_lib/db';
import { currentTermId } from '../_lib/term';
import { mayRun } from '../_domain/seats/access';
import type { SeatDeps as Deps } from '../_domain/seats/signup';
import { cancelCutoffHours, myStatus } from '../_domain/seats/status';
import { activityTarget, associationTarget, courseTarget, isUndrawnLottery, teamTarget, type Target } from '../_domain/seats/targets';
import { lotteryView } from './lottery';
import type { NearAnswer, NearFrom } from '../../src/shared/distance';
import { byDistance, distancesFrom, originOf } from '../_lib/nearby';

const MAX_LIST = 200;

/** The member's enrollments of one kind, by target id. */
async function myEnrollments(db: Db, memberId: string, kind: EnrollKind, where: Record<string, unknown> = {}): Promise<Map<string, EnrollmentDoc>> {
  const docs = await db.find<EnrollmentDoc>('enrollments', { where: { memberId, kind, ...where }, limit: 1000 });
  return new Map(docs.map((doc) => [doc.targetId, doc]));
}

interface ViewContext {
  deps: Deps;
  actor: Actor;
  settings: EnrollmentSettingsDoc;
}

async function context(deps: Deps, actor: Actor): Promise<ViewContext> {
  return { deps, actor, settings: await deps.cache.settings() };
}

function statusFor(ctx: ViewContext, target: Target, enrollment: EnrollmentDoc | null, termUsed = 0) {
  return myStatus({ target, enrollment, memberId: ctx.actor.memberId, now: ctx.deps.now, settings: ctx.settings, termUsed });
}

// --- associations ---

function associationView(ctx: ViewContext, doc: AssociationDoc, enrollment: EnrollmentDoc | null): AssociationView {
  return {
    id: doc._id,
    name: doc.name,
    purpose: doc.purpose,
    leaderName: doc.leaderName,
    meetingSchedule: doc.meetingSchedule,
    joinMode: doc.joinMode,
    memberCount: doc.memberCount,
    me: statusFor(ctx, associationTarget(doc), enrollment),
  };
}

export async function associations(deps: Deps, actor: Actor): Promise<{ associations: AssociationView[] }> {
  const { db } = deps;
  const [ctx, docs, mine] = await Promise.all([
    context(deps, actor),
    db.find<AssociationDoc>('associations', { limit: MAX_LIST }),
    myEnrollments(db, actor.memberId, 'association'),
  ]);
  return { associations: docs.map((doc) => associationView(ctx, doc, mine.get(doc._id) ?? null)) };
}

export async function association(deps: Deps, actor: Actor, id: string): Promise<{ association: AssociationView }> {
  const { db } = deps;
  const [ctx, doc, enrollment] = await Promise.all([
    context(deps, actor),
    db.byId<AssociationDoc>('associations', id),
    db.byId<EnrollmentDoc>('enrollments', enrollmentId('association', id, actor.memberId)),
  ]);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return { association: associationView(ctx, doc, enrollment) };
}

// --- volunteer teams ---

function teamView(ctx: ViewContext, doc: VolunteerTeamDoc, enrollment: EnrollmentDoc | null, skills: readonly string[]): TeamView {
  const posts: PostView[] = doc.posts.map((post) => ({
    id: post.id,
    name: post.name,
    duties: post.duties,
    capacity: post.capacity,
    seatsLeft: seatsLeft(post.capacity, post.taken),
    waitlist: waitlistLength(post.capacity, post.taken, post.line?.length ?? 0),
  }));
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    description: doc.description,
    skills: doc.skills,
    suggested: doc.skills.some((skill) => skills.includes(skill)),
    posts,
    me: statusFor(ctx, teamTarget(doc), enrollment),
  };
}

async function memberOf(db: Db, memberId: string): Promise<MemberDoc | null> {
  return db.byId<MemberDoc>('members', memberId);
}

export async function teams(deps: Deps, actor: Actor): Promise<{ teams: TeamView[] }> {
  const { db } = deps;
  const [ctx, docs, mine, member] = await Promise.all([
    context(deps, actor),
    db.find<VolunteerTeamDoc>('volunteerTeams', { limit: MAX_LIST }),
    myEnrollments(db, actor.memberId, 'team'),
    memberOf(db, actor.memberId),
  ]);
  const views = docs.map((doc) => teamView(ctx, doc, mine.get(doc._id) ?? null, member?.skills ?? []));
  // suggested teams first, otherwise as stored
  return { teams: [...views.filter((t) => t.suggested), ...views.filter((t) => !t.suggested)] };
}

export async function team(deps: Deps, actor: Actor, id: string): Promise<{ team: TeamView }> {
  const { db } = deps;
  const [ctx, doc, enrollment, member] = await Promise.all([
    context(deps, actor),
    db.byId<VolunteerTeamDoc>('volunteerTeams', id),
    db.byId<EnrollmentDoc>('enrollments', enrollmentId('team', id, actor.memberId)),
    memberOf(db, actor.memberId),
  ]);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return { team: teamView(ctx, doc, enrollment, member?.skills ?? []) };
}

// --- courses ---

function usageOf(ctx: ViewContext, termId: string, mine: Map<string, EnrollmentDoc>): TermUsage {
  const used = [...mine.values()].filter((e) => e.termId === termId && e.status === 'active').length;
  return { termId, limit: ctx.settings.courseLimitPerTerm, used };
}

function courseCard(ctx: ViewContext, doc: CourseDoc, enrollment: EnrollmentDoc | null, usage: TermUsage): CourseCard {
  const holdsSlot = enrollment?.status === 'active' ? 1 : 0;
  return {
    id: doc._id,
    title: doc.title,
    campusId: doc.campusId,
    campusName: doc.campusName,
    teacher: doc.teacher,
    weekday: doc.weekday,
    time: doc.time,
    seats: doc.seats,
    seatsLeft: seatsLeft(doc.seats, doc.taken),
    fee: doc.fee,
    mode: doc.mode ?? 'firstCome',
    window: windowState(ctx.deps.now, new Date(doc.enrollOpensAt), new Date(doc.enrollClosesAt)),
    me: statusFor(ctx, courseTarget(doc), enrollment, usage.used - holdsSlot),
  };
}

function campusViews(campuses: CampusDoc[], town: string | null): CampusView[] {
  const views = campuses.map((c) => ({ id: c._id, name: c.name, town: c.town, address: c.address, isMain: c.isMain, nearest: town !== null && c.town === town }));
  // 就近入学: the member's own town first, then the main school, then the rest by name
  const rank = (c: CampusView) => (c.nearest ? 0 : c.isMain ? 1 : 2);
  return views.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Metres to each campus from the position given or the member's home town, and what they were measured from. */
async function campusDistances(deps: Deps, actor: Actor, near: NearFrom): Promise<{ answer: NearAnswer; metres: Map<string, number> }> {
  const origin = await originOf(deps.db, near, actor.memberId);
  const metres = origin.point ? await distancesFrom(deps.db, 'campuses', origin.point, {}, MAX_LIST) : new Map<string, number>();
  return { answer: origin.answer, metres };
}

/** 就近入学 by real distance: campuses nearest first (the nearest marked), each course after its campus's distance. */
function nearestFirst(list: CourseListData, { answer, metres }: { answer: NearAnswer; metres: Map<string, number> }): CourseListData {
  if (answer.from === 'none') return { ...list, near: answer };
  const campuses = byDistance(
    list.campuses.map((c) => ({ ...c, distanceM: metres.get(c.id) ?? null })),
    (c) => c.distanceM,
  ).map((c, i) => ({ ...c, nearest: i === 0 && c.distanceM !== null }));
  const courses = byDistance(
    list.courses.map((c) => ({ ...c, distanceM: metres.get(c.campusId) ?? null })),
    (c) => c.distanceM,
  );
  return { ...list, campuses, courses, near: answer };
}

export async function courses(deps: Deps, actor: Actor, input: { termId?: string; campusId?: string; near?: NearFrom }): Promise<CourseListData> {
  const [list, distances] = await Promise.all([coursesByCampus(deps, actor, input), input.near ? campusDistances(deps, actor, input.near) : null]);
  return distances ? nearestFirst(list, distances) : list;
}

async function coursesByCampus(deps: Deps, actor: Actor, input: { termId?: string; campusId?: string }): Promise<CourseListData> {
  const { db } = deps;
  const termId = input.termId ?? (await currentTermId(db, deps.now));
  const [ctx, campusDocs, member, mine] = await Promise.all([
    context(deps, actor),
    db.find<CampusDoc>('campuses', { limit: MAX_LIST }),
    memberOf(db, actor.memberId),
    myEnrollments(db, actor.memberId, 'course'),
  ]);
  const campuses = campusViews(campusDocs, member?.town ?? null);
  if (!termId) return { termId: null, campuses, courses: [], usage: null };
  const where: Record<string, unknown> = { termId };
  if (input.campusId) where.campusId = input.campusId;
  const docs = await db.find<CourseDoc>('courses', { where, orderBy: [['weekday', 'asc'], ['time', 'asc']], limit: MAX_LIST });
  const usage = usageOf(ctx, termId, mine);
  const order = new Map(campuses.map((c, i) => [c.id, i]));
  const cards = docs
    .map((doc) => courseCard(ctx, doc, mine.get(doc._id) ?? null, usage))
    .sort((a, b) => (order.get(a.campusId) ?? 99) - (order.get(b.campusId) ?? 99));
  return { termId, campuses, courses: cards, usage };
}

export async function course(deps: Deps, actor: Actor, id: string): Promise<CourseDetailData> {
  const { db } = deps;
  const [ctx, doc, mine] = await Promise.all([
    context(deps, actor),
    db.byId<CourseDoc>('courses', id),
    myEnrollments(db, actor.memberId, 'course'),
  ]);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  const campus = await db.byId<CampusDoc>('campuses', doc.campusId);
  const usage = usageOf(ctx, doc.termId, mine);
  const card = courseCard(ctx, doc, mine.get(doc._id) ?? null, usage);
  const opensAt = new Date(doc.enrollOpensAt);
  const closesAt = new Date(doc.enrollClosesAt);
  const line = doc.line ?? [];
  const windowText =
    card.window === 'notYet' ? `${beijingText(opensAt)} 开始报名` : card.window === 'open' ? `报名截止：${beijingText(closesAt)}` : '报名已截止';
  return {
    course: {
      ...card,
      termId: doc.termId,
      place: doc.place,
      campusAddress: campus?.address ?? '',
      enrollOpensAt: toIso(opensAt),
      enrollClosesAt: toIso(closesAt),
      windowText,
      waitlist: isUndrawnLottery(courseTarget(doc)) ? 0 : waitlistLength(doc.seats, doc.taken, line.length),
      entrants: line.length,
      lottery: doc.lottery ? lotteryView(doc._id, doc.lottery, actor.memberId) : null,
    },
    usage,
  };
}

// --- activities ---

function activityView(ctx: ViewContext, doc: ActivityDoc, enrollment: EnrollmentDoc | null): ActivityView {
  const hours = cancelCutoffHours(doc, ctx.settings);
  return {
    id: doc._id,
    title: doc.title,
    kind: doc.kind,
    description: doc.description,
    place: doc.place,
    startAt: toIso(doc.startAt),
    endAt: toIso(doc.endAt),
    signupDeadline: toIso(doc.signupDeadline),
    seats: doc.seats,
    seatsLeft: seatsLeft(doc.seats, doc.taken),
    waitlist: waitlistLength(doc.seats, doc.taken, doc.line?.length ?? 0),
    walkUpAllowed: doc.walkUpAllowed,
    cancelCutoffHours: hours,
    cancelRule: `活动开始前${hours}小时内不能取消`,
    me: statusFor(ctx, activityTarget(doc), enrollment),
  };
}

export async function activities(deps: Deps, actor: Actor): Promise<{ activities: ActivityView[] }> {
  const { db, now } = deps;
  const [ctx, docs, mine] = await Promise.all([
    context(deps, actor),
    db.find<ActivityDoc>('activities', {
      where: { status: 'published', startAt: db.command.gt(now) },
      orderBy: [['startAt', 'asc']],
      limit: MAX_LIST,
    }),
    myEnrollments(db, actor.memberId, 'activity'),
  ]);
  return { activities: docs.map((doc) => activityView(ctx, doc, mine.get(doc._id) ?? null)) };
}

/** One activity; `runsCheckin` when the viewer runs its check-in (a leader of it), for the 签到码 button. */
export async function activity(deps: Deps, actor: Actor, id: string): Promise<{ activity: ActivityView; runsCheckin: boolean }> {
  const { db } = deps;
  const [ctx, doc, enrollment] = await Promise.all([
    context(deps, actor),
    db.byId<ActivityDoc>('activities', id),
    db.byId<EnrollmentDoc>('enrollments', enrollmentId('activity', id, actor.memberId)),
  ]);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return { activity: activityView(ctx, doc, enrollment), runsCheckin: mayRun(actor.account, { kind: 'activity', id }) };
}
