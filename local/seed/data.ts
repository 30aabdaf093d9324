/** Everything the seed writes, per collection, as a pure function of `now`. */
import type { CollectionName } from '../../src/shared/collections';
import { buildActivities } from './activities';
import { buildAccounts } from './demo-accounts';
import { ASSOCIATIONS, VOLUNTEER_TEAMS } from './groups';
import { buildMembers } from './members';
import { buildNotices } from './notices';
import { buildCourses, CAMPUSES, termOf } from './university';

/** Bump when the demo data changes shape, so an old preview database gets reseeded. */
export const SEED_VERSION = 2;
export const SEED_MARKER_ID = 'seed';

export interface SeedDoc {
  _id: string;
  [field: string]: unknown;
}

export type SeedData = Partial<Record<CollectionName, SeedDoc[]>>;

export function buildSeedData(now: Date): SeedData {
  const term = termOf(now);
  return {
    members: buildMembers(now).map((doc) => ({ ...doc })),
    accounts: buildAccounts(now).map((doc) => ({ ...doc })),
    associations: ASSOCIATIONS.map((doc) => ({ ...doc })),
    volunteerTeams: VOLUNTEER_TEAMS.map((doc) => ({ ...doc, posts: doc.posts.map((post) => ({ ...post })) })),
    campuses: CAMPUSES.map((doc) => ({ ...doc })),
    courses: buildCourses(now).map((doc) => ({ ...doc })),
    activities: buildActivities(now).map((doc) => ({ ...doc })),
    notices: buildNotices(now).map((doc) => ({ ...doc })),
    settings: [
      { _id: SEED_MARKER_ID, version: SEED_VERSION, seededAt: now },
      { _id: 'currentTerm', termId: term.id, name: term.name },
    ],
  };
}
