/** What staff see of each published thing: places held and waiting, from the target's line (enrollment-rules.ts). */
import type { StaffActivityRow, StaffAssociationRow, StaffCourseRow, StaffTeamRow } from '../../src/shared/contracts-staff';
import type { ActivityDoc, AssociationDoc, CourseDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { waitlistLength } from '../../src/shared/enrollment-rules';
import { toIso } from '../_lib/db';

/** Places held and waiting of a line-kept target (taken counts the waitlist and places taken outside the app). */
export function places(seats: number, taken: number, line: readonly string[] | undefined): { placed: number; waitlisted: number } {
  const waitlisted = waitlistLength(seats, taken, line?.length ?? 0);
  return { placed: taken - waitlisted, waitlisted };
}

export const activityRow = (doc: ActivityDoc): StaffActivityRow => ({
  id: doc._id,
  title: doc.title,
  kind: doc.kind,
  place: doc.place,
  startAt: toIso(doc.startAt),
  endAt: toIso(doc.endAt),
  signupDeadline: toIso(doc.signupDeadline),
  seats: doc.seats,
  ...places(doc.seats, doc.taken, doc.line),
  walkUpAllowed: doc.walkUpAllowed,
  status: doc.status,
  description: doc.description,
  cancelCutoffHours: doc.cancelCutoffHours ?? null,
  cancelReason: doc.cancelReason ?? null,
});

export const courseRow = (doc: CourseDoc): StaffCourseRow => ({
  id: doc._id,
  termId: doc.termId,
  title: doc.title,
  campusName: doc.campusName,
  teacher: doc.teacher,
  weekday: doc.weekday,
  time: doc.time,
  seats: doc.seats,
  campusId: doc.campusId,
  place: doc.place,
  fee: doc.fee,
  ...places(doc.seats, doc.taken, doc.line),
  mode: doc.mode ?? 'firstCome',
  enrollOpensAt: toIso(doc.enrollOpensAt),
  enrollClosesAt: toIso(doc.enrollClosesAt),
});

export const associationRow = (doc: AssociationDoc): StaffAssociationRow => ({
  id: doc._id,
  name: doc.name,
  leaderName: doc.leaderName,
  joinMode: doc.joinMode,
  memberCount: doc.memberCount,
  purpose: doc.purpose,
  meetingSchedule: doc.meetingSchedule,
});

export const teamRow = (doc: VolunteerTeamDoc): StaffTeamRow => ({
  id: doc._id,
  name: doc.name,
  category: doc.category,
  posts: doc.posts.map((post) => ({ id: post.id, name: post.name, duties: post.duties, capacity: post.capacity, ...places(post.capacity, post.taken, post.line) })),
  description: doc.description,
  skills: doc.skills,
  leaderMemberId: doc.leaderMemberId,
});
