/**
 * enrollment (报名): associations, volunteer posts, senior-university courses and activities. Sign-ups and
 * cancels go through one conditional update of the target's line each (see signup.ts, cancel.ts and
 * src/shared/enrollment-rules.ts); a helper may act for the member and what they do is audited.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts, Role } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { screenAction } from '../_lib/acting';
import { resolveActor, type Actor } from '../_lib/actor';
import { createHandler, type AccountContext } from '../_lib/createHandler';
import { auditDoc } from '../_lib/staff-audit';
import type { TapAnswer } from '../../src/shared/contracts-enrollment';
import { cacheFor } from '../_domain/seats/cache';
import { placesAfter, type Target } from '../_domain/seats/targets';
import { signUp, type SeatDeps as Deps } from '../_domain/seats/signup';
import { approve, listApprovals, reject } from './approvals';
import { cancel } from './cancel';
import { drawCourseLottery } from './lottery';
import { mine } from './mine';
import * as views from './views';
import { clock } from '../_lib/clock';

const input = schemas.enrollment;
const APPROVERS = ['leader', 'staff', 'admin'] as const satisfies readonly Role[];
/** approving or rejecting changes the one join request */
const decision = auditDoc<{ enrollmentId: string }>('enrollments', (p) => p.enrollmentId);

function deps(ctx: AccountContext): Deps {
  return { db: ctx.db, cache: cacheFor(ctx.db), now: clock.now(), cloud: ctx.cloud };
}
/** A tap's answer: the new status and the target's places after it, so the screen needs no second call. */
const tapAnswer = ({ me, target }: { me: TapAnswer['me']; target: Target }): TapAnswer => ({ me, places: placesAfter(target) });
/** A sign-up screen: its view, with who is acting (one call per screen). */
const screen = <I, O extends object>(view: (d: Deps, actor: Actor, input: I) => Promise<O>) => screenAction(deps, view);

export const main = createHandler<Contracts['enrollment']>(cloud, {
  associations: { input: input.associations, roles: ROLES.members, run: screen((d, actor) => views.associations(d, actor)) },
  association: { input: input.association, roles: ROLES.members, run: screen((d, actor, p) => views.association(d, actor, p.associationId)) },
  teams: { input: input.teams, roles: ROLES.members, run: screen((d, actor) => views.teams(d, actor)) },
  team: { input: input.team, roles: ROLES.members, run: screen((d, actor, p) => views.team(d, actor, p.teamId)) },
  courses: { input: input.courses, roles: ROLES.members, run: screen((d, actor, p) => views.courses(d, actor, p)) },
  course: { input: input.course, roles: ROLES.members, run: screen((d, actor, p) => views.course(d, actor, p.courseId)) },
  activities: { input: input.activities, roles: ROLES.members, run: screen((d, actor) => views.activities(d, actor)) },
  activity: { input: input.activity, roles: ROLES.members, run: screen((d, actor, p) => views.activity(d, actor, p.activityId)) },
  mine: { input: input.mine, roles: ROLES.members, run: screen((d, actor) => mine(d, actor)) },
  signUp: { input: input.signUp, roles: ROLES.members, account: 'recent', run: async (p, ctx) => tapAnswer(await signUp(deps(ctx), resolveActor(ctx.account), p)) },
  cancel: { input: input.cancel, roles: ROLES.members, account: 'recent', run: async (p, ctx) => tapAnswer(await cancel(deps(ctx), resolveActor(ctx.account), p.enrollmentId)) },
  approvals: { input: input.approvals, roles: APPROVERS, run: (request, ctx) => listApprovals(ctx.db, ctx.account, request.page) },
  approve: { input: input.approve, roles: APPROVERS, run: (p, ctx) => approve(deps(ctx), ctx.account, p.enrollmentId), audit: decision },
  reject: { input: input.reject, roles: APPROVERS, run: (p, ctx) => reject(deps(ctx), ctx.account, p.enrollmentId, p.reason), audit: decision },
  drawLottery: {
    input: input.drawLottery,
    roles: ROLES.staff,
    run: (p, ctx) => drawCourseLottery(ctx.db, ctx.account, p.courseId, clock.now()),
    audit: auditDoc('courses', (p) => p.courseId),
  },
}, { name: 'enrollment' });
