/**
 * A sign-up or cancel answers the new status and the target's places (TapAnswer): each detail screen takes them
 * into the data it shows here, so a tap is one call and the screen never asks again.
 */
import type { ActivityView, AssociationView, CourseDetailData, TapAnswer, TeamView } from '../shared/contracts-enrollment';
import { holdsPlace } from '../shared/enroll-intent';

export function activityAfter(activity: ActivityView, { me, places }: TapAnswer): ActivityView {
  return { ...activity, me, seatsLeft: places.seatsLeft ?? activity.seatsLeft, waitlist: places.waitlist ?? activity.waitlist };
}

export function associationAfter(association: AssociationView, { me, places }: TapAnswer): AssociationView {
  return { ...association, me, memberCount: places.memberCount ?? association.memberCount };
}

export function teamAfter(team: TeamView, { me, places }: TapAnswer): TeamView {
  const byId = new Map((places.posts ?? []).map((post) => [post.id, post]));
  return { ...team, me, posts: team.posts.map((post) => ({ ...post, ...(byId.get(post.id) ?? {}) })) };
}

/** A course also moves the member's count for the term: one more or one fewer held. */
export function courseAfter(data: CourseDetailData, { me, places }: TapAnswer): CourseDetailData {
  const { course, usage } = data;
  const delta = Number(holdsPlace(me.state)) - Number(holdsPlace(course.me.state));
  return {
    ...data,
    course: {
      ...course,
      me,
      seatsLeft: places.seatsLeft ?? course.seatsLeft,
      waitlist: places.waitlist ?? course.waitlist,
      entrants: places.entrants ?? course.entrants,
    },
    usage: { ...usage, used: Math.max(0, usage.used + delta) },
  };
}
