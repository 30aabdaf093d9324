/**
 * Every number is counted from its records: after seeding the demo county, and after a mixed run of sign-ups,
 * cancels, approvals and lottery entries through the real enrollment function, every counter recounts to what it
 * shows (recount.ts), the rosters list as many people as the counters say, and group notices are read only by their
 * audience. Then 数据核对: a counter broken on purpose is listed for admins and repaired, audited.
 */
import type { IntegrityData } from '../../src/shared/contracts-integrity';
import type {
  ActivityDoc, AssociationDoc, CheckinDoc, CounterDoc, CourseDoc, EnrollmentDoc, MemberDoc, NoticeDoc, NoticeReadDoc, StaffAuditDoc, SuggestionDoc, TimeBankEntryDoc, VolunteerTeamDoc,
} from '../../src/shared/documents';
import { enrollmentId } from '../../src/shared/enrollment-rules';
import { checkinId } from '../../src/shared/timebank-rules';
import { countersOf, disagreements, type CountedDoc } from '../../cloudfunctions/_domain/integrity/recount';
import { seed } from '../../local/seed';
import { seedPool } from '../../local/seed/enrollments';
import { account } from './fixtures';
import { allDocs, dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const ADMIN = 'demo-admin';
const STAFF = 'demo-staff';
const openidOf = (memberId: string) => `o-${memberId}`;

const all = <T>(name: string, where: Record<string, unknown> = {}): Promise<T[]> => allDocs<T>(cloud.db, name, where);

async function countedDocs(): Promise<CountedDoc[]> {
  return [
    ...(await all<AssociationDoc>('associations')).map((doc) => ({ kind: 'association' as const, doc })),
    ...(await all<VolunteerTeamDoc>('volunteerTeams')).map((doc) => ({ kind: 'team' as const, doc })),
    ...(await all<CourseDoc>('courses')).map((doc) => ({ kind: 'course' as const, doc })),
    ...(await all<ActivityDoc>('activities')).map((doc) => ({ kind: 'activity' as const, doc })),
  ];
}

/** Recounts every counter from the records; answers the disagreements (expected: none). */
async function recountAll(): Promise<ReturnType<typeof disagreements>> {
  return disagreements(await countedDocs(), await all<EnrollmentDoc>('enrollments'));
}

/** Every roster lists as many people as its counter shows. */
async function rostersMatchCounters(): Promise<void> {
  for (const item of await countedDocs()) {
    for (const ref of countersOf(item)) {
      const roster = dataOf(await cloud.call('staff', 'roster', { kind: ref.kind, id: ref.id, ...(ref.postId ? { postId: ref.postId } : {}) }, STAFF));
      const inLine = roster.counts.enrolled + roster.counts.waitlisted + (ref.kind === 'association' ? 0 : roster.counts.pending);
      expect({ title: ref.title, shown: inLine }).toEqual({ title: ref.title, shown: ref.counter });
    }
  }
}

beforeAll(async () => {
  cloud = await startCloud();
  await seed(cloud.db, { now: new Date() });
  // accounts for the seeded members, so they can sign up and cancel themselves
  await insert(cloud.db, 'accounts', seedPool().map((memberId) => account(openidOf(memberId), { memberId, name: memberId })));
}, 60_000);
afterAll(() => cloud?.stop());

describe('the seeded county', () => {
  it('backs every counter with its records: 0 disagreements, and the issue\'s examples read true', async () => {
    const result = await recountAll();
    expect(result.checked).toBeGreaterThan(50);
    expect(result.disagreements).toEqual([]);
    // the 工作台's tallies too, as the seed writes them (with the counters: 数据核对)
    const check = dataOf(await cloud.call('staff', 'integrity', {}, ADMIN));
    expect(check.disagreements).toEqual([]);
    expect(check.checked).toBe(result.checked + 7);
    const pingpang = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'activity-pingpang' }, STAFF));
    expect(pingpang.counts).toMatchObject({ enrolled: 48, waitlisted: 0 });
    const chati = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'activity-chati' }, STAFF));
    expect(chati.counts.enrolled).toBe(88);
    const jingju = dataOf(await cloud.call('staff', 'roster', { kind: 'association', id: 'assoc-jingju' }, STAFF));
    expect(jingju.counts.enrolled).toBe(38);
    expect(new Set(jingju.rows.map((r) => r.name)).size).toBeGreaterThan(30);
  });

  it('lists as many people on every roster as its counter shows', async () => {
    await rostersMatchCounters();
  }, 60_000);

  it('keeps the per-term course limit and one post per team, as the enrollment function would', async () => {
    const enrollments = await all<EnrollmentDoc>('enrollments');
    const perTerm = new Map<string, number>();
    for (const e of enrollments.filter((x) => x.kind === 'course')) perTerm.set(e.memberId, (perTerm.get(e.memberId) ?? 0) + 1);
    expect(Math.max(...perTerm.values())).toBeLessThanOrEqual(3);
    expect(new Set(enrollments.map((e) => e.termSlot)).size).toBe(enrollments.length);
    for (const e of enrollments) expect(e._id).toBe(enrollmentId(e.kind, e.targetId, e.memberId));
  });

  it('has group notices read only by their audience, and each notice read by someone in it', async () => {
    const notices = await all<NoticeDoc>('notices');
    const reads = await all<NoticeReadDoc>('noticeReads');
    const enrollments = await all<EnrollmentDoc>('enrollments', { status: 'active' });
    for (const notice of notices.filter((n) => n.audience.kind !== 'everyone')) {
      const audience = notice.audience as { kind: string; id: string };
      const members = new Set(
        audience.kind === 'branch'
          ? (await all<MemberDoc>('members', { branchId: audience.id, erasedAt: null })).map((m) => m._id)
          : enrollments.filter((e) => e.kind === audience.kind && e.targetId === audience.id).map((e) => e.memberId),
      );
      const readers = reads.filter((r) => r.noticeId === notice._id);
      expect(readers.length).toBeGreaterThan(0);
      for (const r of readers) expect(members.has(r.memberId)).toBe(true);
      const figures = dataOf(await cloud.call('notice', 'readers', { noticeId: notice._id }, STAFF));
      expect(figures.notice).toMatchObject({ audienceCount: members.size, readCount: readers.length });
    }
  });

  it('has a check-in behind every credit by scan, and suggestion numbers the counter has reached', async () => {
    const credits = await all<TimeBankEntryDoc>('timeBankEntries', { kind: 'credit', source: 'scan' });
    expect(credits.length).toBeGreaterThan(0);
    for (const c of credits) {
      const [checkin] = await all<CheckinDoc>('checkins', { _id: checkinId('session', c.sessionId, c.memberId) });
      expect(checkin?.presentMinutes).toBe(c.minutes);
    }
    const suggestions = await all<SuggestionDoc>('suggestions');
    for (const counter of await all<CounterDoc>('counters')) {
      const year = counter._id.replace('suggestion-', '');
      const numbers = suggestions.filter((s) => s.trackingNo.startsWith(`JY-${year}-`)).map((s) => Number(s.trackingNo.slice(-6)));
      expect(counter.seq).toBe(Math.max(...numbers));
    }
  });
});

describe('after a mixed run through the real functions', () => {
  it('sign-ups, cancels, approvals and lottery entries, at once, leave every counter equal to its records', async () => {
    const activities = await all<ActivityDoc>('activities');
    const courses = await all<CourseDoc>('courses');
    const associations = await all<AssociationDoc>('associations');
    const teams = await all<VolunteerTeamDoc>('volunteerTeams');
    const pool = seedPool();
    const outside = (line: readonly string[] | undefined, n: number, from = 0) => pool.filter((m) => !(line ?? []).includes(m)).slice(from, from + n);
    const signUp = (memberId: string, kind: string, targetId: string, postId?: string) =>
      cloud.call('enrollment', 'signUp', { kind, targetId, ...(postId ? { postId } : {}) }, openidOf(memberId));
    const cancel = (memberId: string, kind: 'activity' | 'course' | 'team' | 'association', targetId: string) =>
      cloud.call('enrollment', 'cancel', { enrollmentId: enrollmentId(kind, targetId, memberId) }, openidOf(memberId));

    const pingpang = activities.find((a) => a._id === 'activity-pingpang') as ActivityDoc;
    const taiji = courses.find((c) => c._id.endsWith('-taiji')) as CourseDoc;
    const gongbi = courses.find((c) => c.mode === 'lottery') as CourseDoc;
    const keji = associations.find((a) => a._id === 'assoc-keji') as AssociationDoc;
    const jingju = associations.find((a) => a._id === 'assoc-jingju') as AssociationDoc;
    const fudao = teams.find((t) => t._id === 'team-guanxin') as VolunteerTeamDoc;
    const post = fudao.posts[0] as VolunteerTeamDoc['posts'][number];
    const inTeam = fudao.posts.flatMap((p) => p.line ?? []);

    const results = await Promise.all([
      ...outside(pingpang.line, 5).map((m) => signUp(m, 'activity', pingpang._id)),
      ...(pingpang.line ?? []).slice(0, 3).map((m) => cancel(m, 'activity', pingpang._id)),
      ...outside(taiji.line, 10, 20).map((m) => signUp(m, 'course', taiji._id)),
      ...(taiji.line ?? []).slice(5, 9).map((m) => cancel(m, 'course', taiji._id)),
      ...outside(gongbi.line, 6, 40).map((m) => signUp(m, 'course', gongbi._id)),
      ...outside(inTeam, 3, 60).map((m) => signUp(m, 'team', fudao._id, post.id)),
      ...(post.line ?? []).slice(0, 2).map((m) => cancel(m, 'team', fudao._id)),
      ...outside(keji.line, 5, 80).map((m) => signUp(m, 'association', keji._id)),
      ...(keji.line ?? []).slice(0, 3).map((m) => cancel(m, 'association', keji._id)),
      ...outside(jingju.line, 4, 100).map((m) => signUp(m, 'association', jingju._id)),
    ]);
    // the course limit may refuse a member already in three courses; everything else goes through
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('ENROLL.TERM_LIMIT');
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(35);

    const requests = dataOf(await cloud.call('enrollment', 'approvals', {}, STAFF)).requests.filter((r) => r.enrollmentId.includes('assoc-jingju'));
    expect(requests).toHaveLength(4);
    dataOf(await cloud.call('enrollment', 'approve', { enrollmentId: requests[0]?.enrollmentId }, STAFF));
    dataOf(await cloud.call('enrollment', 'approve', { enrollmentId: requests[1]?.enrollmentId }, STAFF));
    dataOf(await cloud.call('enrollment', 'reject', { enrollmentId: requests[2]?.enrollmentId, reason: '名额已满' }, STAFF));

    expect((await recountAll()).disagreements).toEqual([]);
    const after = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: pingpang._id }, STAFF));
    expect(after.counts).toMatchObject({ enrolled: 48, waitlisted: 2 });
    const jingjuAfter = dataOf(await cloud.call('staff', 'roster', { kind: 'association', id: jingju._id }, STAFF));
    expect(jingjuAfter.counts).toMatchObject({ enrolled: 40, pending: 1 });
    await rostersMatchCounters();
  }, 120_000);
});

describe('数据核对 (admins)', () => {
  it('lists a counter that disagrees with its records, repairs it from them, and audits the repair', async () => {
    const clean = dataOf(await cloud.call('staff', 'integrity', {}, ADMIN));
    expect(clean.disagreements).toEqual([]);
    expect(clean.checked).toBeGreaterThan(50);
    expect((await cloud.call('staff', 'integrity', {}, STAFF)).ok).toBe(false);

    // the case: a counter with nobody behind it, and a place held by someone with no sign-up
    const _ = cloud.db.command;
    await cloud.db.collection('activities').doc('activity-xiangqi').update({ data: { taken: _.inc(20) } });
    await cloud.db.collection('courses').where({ title: '国画（花鸟）' }).update({ data: { line: _.push('member-0299'), taken: _.inc(1) } });
    const broken = dataOf(await cloud.call('staff', 'integrity', {}, ADMIN));
    expect(broken.disagreements.map((d) => [d.title, d.stored, d.counted])).toEqual(
      expect.arrayContaining([['象棋擂台赛', 31, 11], ['国画（花鸟）', 28, 27]]),
    );
    expect(broken.disagreements).toHaveLength(2);
    expect(broken.disagreements.find((d) => d.title === '象棋擂台赛')?.problems).toEqual(['有20个名额算了人数，名单上却没有人']);
    expect(broken.disagreements.find((d) => d.title === '国画（花鸟）')?.problems).toEqual(['名单上有1人没有报名记录']);

    expect((await cloud.call('staff', 'repairCounter', { kind: 'activity', id: 'activity-xiangqi' }, STAFF)).ok).toBe(false);
    const repaired = dataOf(await cloud.call('staff', 'repairCounter', { kind: 'activity', id: 'activity-xiangqi' }, ADMIN));
    expect(repaired.repaired).toMatchObject({ stored: 31, counted: 11 });
    expect(repaired.check.disagreements.map((d) => d.title)).toEqual(['国画（花鸟）']);
    const guohua = broken.disagreements.find((d) => d.title === '国画（花鸟）') as IntegrityData['disagreements'][number];
    const done = dataOf(await cloud.call('staff', 'repairCounter', { kind: 'course', id: guohua.id }, ADMIN));
    expect(done.check.disagreements).toEqual([]);
    expect((await recountAll()).disagreements).toEqual([]);
    // a second repair changes nothing and records nothing
    expect(dataOf(await cloud.call('staff', 'repairCounter', { kind: 'course', id: guohua.id }, ADMIN)).repaired).toBeNull();

    const audit = await all<StaffAuditDoc>('staffAudit', { action: 'staff.repairCounter' });
    expect(audit).toHaveLength(2);
    const xiangqi = audit.find((a) => a.changes[0]?.id === 'activity-xiangqi');
    expect(xiangqi).toMatchObject({ actorName: '周明', actorRole: 'admin', changes: [{ collection: 'activities', before: { taken: 31 }, after: { taken: 11 } }] });
  }, 60_000);
});
