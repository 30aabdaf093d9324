/**
 * The people behind the demo county's counters. Every place a seeded group claims (an activity's or course's
 * `taken`, a post's `taken`, an association's `memberCount`) is a real sign-up: an active enrollment under its
 * deterministic _id (enrollmentId), the member in the target's line, and the counter equal to the line's length,
 * exactly what the enrollment function's sign-up writes (src/shared/enrollment-rules.ts). Association members who
 * joined before the app are imported the same way, so the roster and the audience of a group notice show them.
 * Members are drawn from a fixed seed; the demo people of the preview are left free for their own sign-ups.
 * A pure function of `now` and the claimed counts.
 */
import type { ActivityDoc, AssociationDoc, CourseDoc, EnrollmentDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { enrollmentId, termSlot, type EnrollKind } from '../../src/shared/enrollment-rules';
import { DEMO_GUESTS, DEMO_PEOPLE } from './demo-accounts';
import { MEMBER_COUNT, memberId } from './members';
import { createRng, type Rng } from './prng';

const ENROLL_SEED = 20241009;
const DAY_MS = 86_400_000;
/** The per-term course limit the seed's enrollment settings set (settings 'enrollment'). */
export const SEED_COURSE_LIMIT = 3;

/** The demo people sign up themselves in the preview and the tests: nobody signs them up beforehand. */
const RESERVED = new Set<string>([
  ...Object.values(DEMO_PEOPLE).map((p) => p.memberId),
  ...DEMO_GUESTS.flatMap((g) => (g.rosterMemberId ? [g.rosterMemberId] : [])),
]);

export function seedPool(): string[] {
  return Array.from({ length: MEMBER_COUNT }, (_, i) => memberId(i + 1)).filter((id) => !RESERVED.has(id));
}

/** `count` distinct members of the pool, drawn in order (the draw order is the line's arrival order). */
function draw(rng: Rng, pool: readonly string[], count: number, allowed: (id: string) => boolean = () => true): string[] {
  const candidates = pool.filter(allowed);
  if (candidates.length < count) throw new Error(`seed: only ${candidates.length} members free for ${count} places`);
  const shuffled = [...candidates];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  return shuffled.slice(0, count);
}

export interface SeededGroups {
  associations: AssociationDoc[];
  volunteerTeams: VolunteerTeamDoc[];
  courses: CourseDoc[];
  activities: ActivityDoc[];
  enrollments: EnrollmentDoc[];
}

interface Claimed {
  associations: readonly AssociationDoc[];
  volunteerTeams: readonly VolunteerTeamDoc[];
  courses: readonly CourseDoc[];
  activities: readonly ActivityDoc[];
}

/** Turns the counts each group claims into the sign-ups behind them; every counter then equals its line. */
export function withEnrollments(now: Date, claimed: Claimed): SeededGroups {
  const rng = createRng(ENROLL_SEED);
  const pool = seedPool();
  const enrollments: EnrollmentDoc[] = [];
  /** `order`: place in the line; earlier arrivals signed up a minute apart, the last one `daysAgo` days back */
  const enroll = (kind: EnrollKind, targetId: string, member: string, title: string, extra: Partial<EnrollmentDoc>, daysAgo: number, order: number, of: number): void => {
    const _id = enrollmentId(kind, targetId, member);
    const at = new Date(now.getTime() - daysAgo * DAY_MS - (of - order) * 60_000);
    enrollments.push({
      _id,
      kind,
      targetId,
      postId: null,
      memberId: member,
      termId: null,
      termSlot: _id,
      status: 'active',
      title,
      createdAt: at,
      updatedAt: at,
      byOpenid: `seed-${member}`,
      ...extra,
    });
  };

  const associations = claimed.associations.map((a): AssociationDoc => {
    const line = draw(rng, pool, a.memberCount);
    // joined before the app: imported from the association's own member list, a year back
    line.forEach((m, i) => enroll('association', a._id, m, a.name, {}, 300, i, line.length));
    return { ...a, line, memberCount: line.length };
  });

  const volunteerTeams = claimed.volunteerTeams.map((team): VolunteerTeamDoc => {
    const inTeam = new Set<string>();
    const posts = team.posts.map((post) => {
      // one post per member and team: the enrollment's _id is per team
      const line = draw(rng, pool, post.taken, (m) => !inTeam.has(m) && m !== team.leaderMemberId);
      line.forEach((m, i) => {
        inTeam.add(m);
        enroll('team', team._id, m, `${team.name}·${post.name}`, { postId: post.id }, 60, i, line.length);
      });
      return { ...post, line, taken: line.length };
    });
    return { ...team, posts };
  });

  const coursesOf = new Map<string, number>();
  const courses = claimed.courses.map((c): CourseDoc => {
    const line = draw(rng, pool, c.taken, (m) => (coursesOf.get(m) ?? 0) < SEED_COURSE_LIMIT);
    // within the window: the last arrival half a day after it opened (or an hour ago)
    const daysAgo = Math.max(1 / 24, (now.getTime() - c.enrollOpensAt.getTime()) / DAY_MS - 0.5);
    line.forEach((m, i) => {
      const n = (coursesOf.get(m) ?? 0) + 1;
      coursesOf.set(m, n);
      enroll('course', c._id, m, c.title, { termId: c.termId, termSlot: termSlot(m, c.termId, n) }, daysAgo, i, line.length);
    });
    return { ...c, line, taken: line.length };
  });

  const activities = claimed.activities.map((a): ActivityDoc => {
    const line = a.status === 'published' ? draw(rng, pool, a.taken) : [];
    line.forEach((m, i) => enroll('activity', a._id, m, a.title, {}, 1, i, line.length));
    return { ...a, line, taken: line.length };
  });

  return { associations, volunteerTeams, courses, activities, enrollments };
}
