/** The demo county, written and read back through the real wx-server-sdk against the emulator. */
import { COLLECTIONS } from '../../src/shared/collections';
import type { AccountDoc, ActivityDoc, CourseDoc, MemberDoc, NoticeDoc, ServiceSessionDoc, TimeBankEntryDoc, VisitDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { checkinWindow, phaseOf } from '../../src/shared/timebank-rules';
import { birthdayThisWeek, isBirthday } from '../../src/shared/visit-rules';
import { seed } from '../../local/seed';
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from '../../local/seed/demo-accounts';
import { buildMembers } from '../../local/seed/members';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

const NOW = new Date('2026-03-10T02:00:00.000Z');
let emulator: TestEmulator;
let db: Database;

async function all<T>(name: string): Promise<T[]> {
  const { data } = await db.collection(name).limit(1000).get();
  return [...(data as (T & { _id: string })[])].sort((a, b) => a._id.localeCompare(b._id));
}

async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of COLLECTIONS) out[name] = await all(name);
  return out;
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
});
afterAll(() => emulator.stop());

describe('seed', () => {
  it('writes the whole county, quickly, into every collection', async () => {
    const report = await seed(db, { now: NOW });
    console.log(`seed: ${Object.values(report.counts).reduce((a, b) => a + b, 0)} documents in ${report.ms} ms`);
    expect(report.ms).toBeLessThan(10_000);
    expect(report.counts).toMatchObject({ members: 300, associations: 8, notices: 10, noticeReads: 87, partyBranches: 3, branchMeetings: 4, suggestions: 5, serviceSessions: 5, timeBankEntries: 5, visits: 3 });
    for (const [name, count] of Object.entries(report.counts)) {
      expect((await db.collection(name).count()).total).toBe(count);
    }
    expect(report.counts.volunteerTeams).toBeGreaterThanOrEqual(5);
    expect(report.counts.campuses).toBeGreaterThanOrEqual(4);
    expect(report.counts.courses).toBeGreaterThanOrEqual(18);
    expect(report.counts.activities).toBeGreaterThanOrEqual(11);
  });

  it('makes a believable roster: unique numbers, 离休 aged 88-98, 退休 aged 60-85', async () => {
    const members = await all<MemberDoc>('members');
    expect(new Set(members.map((m) => m.rosterNo)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.name)).size).toBeGreaterThan(200);
    const lixiu = members.filter((m) => m.memberType === 'lixiu');
    expect(lixiu).toHaveLength(30);
    const age = (m: MemberDoc) => NOW.getFullYear() - m.birthYear;
    for (const m of lixiu) expect(age(m)).toBeGreaterThanOrEqual(88);
    for (const m of lixiu) expect(age(m)).toBeLessThanOrEqual(98);
    for (const m of members.filter((x) => x.memberType === 'tuixiu')) {
      expect(age(m)).toBeGreaterThanOrEqual(60);
      expect(age(m)).toBeLessThanOrEqual(85);
    }
    for (const m of members) expect(m.phone).toMatch(/^1\d{10}$/);
    expect(members.filter((m) => m.skills.length > 0).length).toBeGreaterThan(50);
  });

  it('draws the same people on every run, whatever the date', async () => {
    const stored = (await all<MemberDoc>('members')).map((m) => [m._id, m.name, m.phone]);
    const later = buildMembers(new Date('2027-09-01T00:00:00Z')).map((m) => [m._id, m.name, m.phone]);
    expect(later).toEqual(stored);
  });

  it('binds the demo accounts to their members and team', async () => {
    const accounts = await all<AccountDoc>('accounts');
    const byOpenid = new Map(accounts.map((a) => [a.openid, a]));
    for (const demo of DEMO_ACCOUNTS) expect(byOpenid.get(demo.openid)).toMatchObject({ role: demo.role, name: demo.name });
    const members = new Map((await all<MemberDoc>('members')).map((m) => [m._id, m]));
    expect(members.get(byOpenid.get('demo-member')?.memberId ?? '')?.name).toBe('王建国');
    expect(members.get(byOpenid.get('demo-lixiu')?.memberId ?? '')?.memberType).toBe('lixiu');
    expect(byOpenid.get('demo-helper')?.actsFor).toBe(byOpenid.get('demo-member')?.memberId);
    const leader = byOpenid.get('demo-leader');
    const [lead] = leader?.leads ?? [];
    const team = (await all<VolunteerTeamDoc>('volunteerTeams')).find((t) => t._id === lead?.id);
    expect(team?.leaderMemberId).toBe(leader?.memberId);
    expect(accounts.filter((a) => a.role === 'staff').length).toBeGreaterThanOrEqual(2);
  });

  it('dates everything relative to now', async () => {
    const activities = await all<ActivityDoc>('activities');
    for (const a of activities) {
      expect(a.startAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(a.endAt.getTime()).toBeGreaterThan(a.startAt.getTime());
      expect(a.signupDeadline.getTime()).toBeLessThan(a.startAt.getTime());
      expect(a.signupDeadline.getTime()).toBeGreaterThan(NOW.getTime());
      // daytime in the county (Beijing time), whatever the machine's time zone
      const beijingHour = new Date(a.startAt.getTime() + 8 * 3600_000).getUTCHours();
      expect(beijingHour).toBeGreaterThanOrEqual(7);
      expect(beijingHour).toBeLessThanOrEqual(19);
      expect(a.taken).toBeLessThanOrEqual(a.seats);
    }
    const courses = await all<CourseDoc>('courses');
    expect(new Set(courses.map((c) => c.termId))).toEqual(new Set(['2026-spring']));
    const open = courses.filter((c) => c.enrollOpensAt <= NOW && NOW < c.enrollClosesAt);
    expect(open.length).toBeGreaterThan(courses.length / 2);
    expect(courses.some((c) => c.enrollOpensAt > NOW)).toBe(true);
    for (const n of await all<NoticeDoc>('notices')) expect(n.publishedAt.getTime()).toBeLessThan(NOW.getTime());
  });

  it('reads true: names that fit any date, activities in the next days with people holding places', async () => {
    const activities = await all<ActivityDoc>('activities');
    const notices = await all<NoticeDoc>('notices');
    const dated = /重阳|春节|元旦|中秋|国庆|端午|清明|七一|八一|前三季度|上半年/;
    for (const title of [...activities.map((a) => a.title), ...notices.map((n) => n.title)]) expect(title).not.toMatch(dated);
    const soon = activities.filter((a) => a.status === 'published' && a.startAt.getTime() - NOW.getTime() < 36 * 3600_000);
    expect(soon.length).toBeGreaterThan(0);
    for (const a of soon) expect(a.line?.length ?? 0).toBeGreaterThan(10);
    // sign-up for each activity closes before it starts, and for a course after it opens
    for (const a of activities) expect(a.signupDeadline.getTime()).toBeLessThan(a.startAt.getTime());
    for (const c of await all<CourseDoc>('courses')) expect(c.enrollOpensAt.getTime()).toBeLessThan(c.enrollClosesAt.getTime());
  });

  it('has check-in open somewhere now, service sessions of real teams, and a ledger that adds up', async () => {
    const activities = await all<ActivityDoc>('activities');
    const openNow = activities.filter((a) => a.status === 'published' && a.walkUpAllowed && phaseOf(checkinWindow(a), NOW) === 'open');
    expect(openNow.map((a) => a._id)).toEqual(['activity-kaifangri']);
    const teams = new Map((await all<VolunteerTeamDoc>('volunteerTeams')).map((t) => [t._id, t]));
    for (const s of await all<ServiceSessionDoc>('serviceSessions')) {
      expect(teams.get(s.teamId)?.posts.some((p) => p.id === s.postId)).toBe(true);
      expect(s.endAt.getTime()).toBeGreaterThan(s.startAt.getTime());
    }
    const ledger = await all<TimeBankEntryDoc>('timeBankEntries');
    expect(new Set(ledger.map((e) => e.memberId))).toEqual(new Set([DEMO_PEOPLE.member.memberId]));
    expect(ledger.reduce((sum, e) => sum + e.hours, 0)).toBe(5);
    const reversal = ledger.find((e) => e.kind === 'reversal');
    expect(ledger.find((e) => e._id === reversal?.reverses)?.hours).toBe(-(reversal?.hours ?? 0));
    expect(reversal?.reason).toBeTruthy();
  });

  it('has party branches with members, a secretary, a meeting held with check-ins and a material with readers', async () => {
    const members = await all<MemberDoc>('members');
    const inBranch = members.filter((m) => m.branchId === 'branch-chengguan');
    expect(inBranch.length).toBe(40);
    expect(inBranch.every((m) => m.partyMember)).toBe(true);
    expect(inBranch.map((m) => m._id)).toEqual(expect.arrayContaining([DEMO_PEOPLE.member.memberId, DEMO_PEOPLE.leader.memberId]));
    const leader = (await all<AccountDoc>('accounts')).find((a) => a.openid === 'demo-leader');
    expect(leader?.leads).toContainEqual({ kind: 'branch', id: 'branch-chengguan' });
    const held = (await db.collection('checkins').where({ targetId: 'meeting-zhutidangri', kind: 'meeting' }).count()).total;
    expect(held).toBeGreaterThan(20);
    expect(held).toBeLessThan(40);
    expect((await db.collection('noticeReads').where({ noticeId: 'notice-dangzhang' }).count()).total).toBeGreaterThan(10);
  });

  it('has care work to do: a birthday this week, one member in hospital due a visit, one visited', async () => {
    const members = await all<MemberDoc>('members');
    for (const m of members) expect(isBirthday(m.birthday ?? '')).toBe(true);
    const lixiu = members.find((m) => m._id === 'member-0002');
    expect(birthdayThisWeek(lixiu?.birthday ?? '', NOW)).not.toBeNull();
    const inHospital = members.filter((m) => m.hospitalizedAt).map((m) => m._id);
    expect(inHospital).toEqual(['member-0005', 'member-0006']);
    const visits = await all<VisitDoc>('visits');
    expect(visits.find((v) => v.reason === 'illness')?.memberId).toBe('member-0006');
  });

  it('is idempotent: seeding twice leaves exactly the same data', async () => {
    const before = await dump();
    await seed(db, { now: NOW });
    expect(await dump()).toEqual(before);
  });

  it('reset empties the collections first, including what users added', async () => {
    const before = await dump();
    await db.collection('members').doc('member-extra').set({ data: { rosterNo: 'EXTRA', name: '临时' } });
    await db.collection('activities').doc('activity-gechang').update({ data: { taken: 40 } });
    await seed(db, { now: NOW, reset: true });
    expect(await dump()).toEqual(before);
  });
});
