/**
 * lessons (云课堂): a course's lessons for members who joined it, playing with resume, progress saves that count
 * only what was played (finished at FINISH_PERCENT, 学习积分 once), and for staff: lessons, completion per course
 * and 收视点 screenings (activities whose check-ins mark the lesson attended; checkin function).
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { resolveActor } from '../_lib/actor';
import { screenAction } from '../_lib/acting';
import { clock } from '../_lib/clock';
import { createHandler, type AccountContext } from '../_lib/createHandler';
import { auditSaved } from '../_lib/staff-audit';
import { courseView, lessonView, saveLessonProgress } from './member';
import { completion, saveLesson, scheduleScreening, staffCourses, staffLesson } from './staff';

const input = schemas.lessons;
const deps = (ctx: AccountContext) => ctx;

export const main = createHandler<Contracts['lessons']>(cloud, {
  course: { input: input.course, roles: ROLES.members, run: screenAction(deps, (ctx, actor, p: { courseId: string }) => courseView(ctx.db, actor, p.courseId)) },
  lesson: { input: input.lesson, roles: ROLES.members, run: screenAction(deps, (ctx, actor, p: { lessonId: string }) => lessonView(ctx.db, ctx.cloud, actor, p.lessonId)) },
  // a save every few seconds while a lesson plays: the player's own screen read the account (createHandler)
  progress: { input: input.progress, roles: ROLES.members, account: 'recent', run: (p, ctx) => saveLessonProgress(ctx.db, resolveActor(ctx.account), p, clock.now()) },
  staffCourses: { input: input.staffCourses, roles: ROLES.staff, run: (_p, ctx) => staffCourses(ctx.db, clock.now()) },
  completion: { input: input.completion, roles: ROLES.staff, run: (p, ctx) => completion(ctx.db, p.courseId) },
  staffLesson: { input: input.staffLesson, roles: ROLES.staff, run: (p, ctx) => staffLesson(ctx.db, p.courseId, p.lessonId) },
  saveLesson: {
    input: input.saveLesson,
    roles: ROLES.staff,
    run: (p, ctx) => saveLesson(ctx.db, ctx.account, p, clock.now()),
    audit: auditSaved('lessons', (p) => p.lessonId),
  },
  scheduleScreening: {
    input: input.scheduleScreening,
    roles: ROLES.staff,
    run: (p, ctx) => scheduleScreening(ctx.db, p, clock.now()),
    audit: { targets: () => [], created: (out) => [{ collection: 'activities', id: out.activityId }] },
  },
}, { name: 'lessons' });
