/** Everything the seed writes, per collection, as a pure function of `now`. */
import type { CollectionName } from '../../src/shared/collections';
import { talliesOf } from '../../src/shared/tally-rules';
import { buildActivities } from './activities';
import { buildBranches, buildBranchMaterial, buildBranchMeetings, buildMaterialReads, buildMeetingCheckins, withBranches } from './branches';
import { buildAccounts } from './demo-accounts';
import { SEED_COURSE_LIMIT, withEnrollments } from './enrollments';
import { ASSOCIATIONS, VOLUNTEER_TEAMS } from './groups';
import { buildMembers } from './members';
import { buildNotices } from './notices';
import { withDemoPlaces } from './places';
import { buildServiceCheckins, buildServiceSessions, buildTimeBankEntries } from './service';
import { buildNoticeReads, buildSuggestions } from './suggestions';
import { buildLessonProgress, buildLessons } from './lessons';
import { buildCourses, CAMPUSES, termOf } from './university';
import { buildVisits, withCare } from './visits';
import { buildTowns, buildVenues, locationOf } from './venues';

/** Bump when the demo data changes shape, so an old preview database gets reseeded. */
export const SEED_VERSION = 10;
export const SEED_MARKER_ID = 'seed';

export interface SeedDoc {
  _id: string;
  [field: string]: unknown;
}

export type SeedData = Partial<Record<CollectionName, SeedDoc[]>>;

export function buildSeedData(now: Date): SeedData {
  const term = termOf(now);
  const members = withBranches(withCare(buildMembers(now), now));
  const { suggestions, counters } = buildSuggestions(now, new Map(members.map((m) => [m._id, m.name])));
  const groups = withDemoPlaces(
    withEnrollments(now, {
      associations: ASSOCIATIONS,
      volunteerTeams: VOLUNTEER_TEAMS,
      courses: buildCourses(now),
      activities: buildActivities(now),
    }),
    now,
  );
  const notices = [...buildNotices(now), buildBranchMaterial(now)];
  const lessons = buildLessons(now, groups.courses);
  const meetings = buildBranchMeetings(now);
  return {
    members: members.map((doc) => ({ ...doc })),
    accounts: buildAccounts(now).map((doc) => ({ ...doc })),
    associations: groups.associations.map((doc) => ({ ...doc })),
    volunteerTeams: groups.volunteerTeams.map((doc) => ({ ...doc })),
    campuses: CAMPUSES.map((doc) => ({ ...doc, ...locationOf(doc.address) })),
    courses: groups.courses.map((doc) => ({ ...doc })),
    activities: groups.activities.map((doc) => ({ ...doc })),
    enrollments: groups.enrollments.map((doc) => ({ ...doc })),
    notices: notices.map((doc) => ({ ...doc })),
    noticeReads: [...buildNoticeReads(now, notices, groups), ...buildMaterialReads(now, members)].map((doc) => ({ ...doc })),
    suggestions: suggestions.map((doc) => ({ ...doc })),
    counters: counters.map((doc) => ({ ...doc })),
    serviceSessions: buildServiceSessions(now).map((doc) => ({ ...doc })),
    timeBankEntries: buildTimeBankEntries(now).map((doc) => ({ ...doc })),
    checkins: [...buildServiceCheckins(now), ...buildMeetingCheckins(members, meetings)].map((doc) => ({ ...doc })),
    partyBranches: buildBranches(now).map((doc) => ({ ...doc })),
    branchMeetings: meetings.map((doc) => ({ ...doc })),
    visits: buildVisits(now, members).map((doc) => ({ ...doc })),
    towns: buildTowns().map((doc) => ({ ...doc })),
    venues: buildVenues().map((doc) => ({ ...doc })),
    lessons: lessons.map((doc) => ({ ...doc })),
    lessonProgress: buildLessonProgress(now, groups.courses, lessons).map((doc) => ({ ...doc })),
    // the 工作台's kept counts, as the records above give them
    tallies: talliesOf({ members, suggestions, enrollments: groups.enrollments }).map((doc) => ({ ...doc })),
    settings: [
      { _id: SEED_MARKER_ID, version: SEED_VERSION, seededAt: now },
      { _id: 'currentTerm', termId: term.id, name: term.name },
      // sign-up rules (enrollment function): courses per member per term, activity cancel cut-off in hours
      { _id: 'enrollment', courseLimitPerTerm: SEED_COURSE_LIMIT, activityCancelCutoffHours: 2 },
      // the bureau's settings (系统设置): the demo county's hotline, shown where a member is told to phone
      { _id: 'bureau', values: { hotline: '0000-1234567' } },
    ],
  };
}
