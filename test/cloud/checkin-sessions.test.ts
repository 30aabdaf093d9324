/**
 * 志愿服务时段 through the real SDK and emulator: staff and a team's leader create and edit sessions (audited), the
 * times are validated (end after start, 15 minutes to 12 hours), members, helpers and other teams' leaders are
 * refused; the list splits upcoming and recent; a new session is on the 签到码 list; the session view gives the
 * volunteers with their credits and the rules, and a confirmed credit with a note then a correction show there.
 */
import type { ServiceSessionDoc, StaffAuditDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import type { SaveSessionRequest } from '../../src/shared/contracts-checkin';
import { codeOf } from './checkin-kit';
import { memberIdOf, members } from './enrollment-kit';
import { account } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
let volunteers: string[];
const STAFF = 'ss-staff';
const LEADER = 'ss-leader';
const OTHER_LEADER = 'ss-other-leader';
const HELPER = 'ss-helper';

const team = (id: string, name: string): VolunteerTeamDoc => ({
  _id: id, name, category: '送法律', description: '', skills: [], leaderMemberId: null,
  posts: [{ id: 'p1', name: '人民调解员', duties: '值班', capacity: 50, taken: 0 }, { id: 'p2', name: '法律咨询员', duties: '咨询', capacity: 5, taken: 0 }],
});

/** Beijing time `days` from now at `clock`, as the form sends it. */
function at(days: number, clock: string): string {
  const day = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${clock}:00+08:00`;
}

const draft = (over: Partial<SaveSessionRequest> = {}): SaveSessionRequest => ({
  teamId: 't-ss', postId: 'p1', title: '综治中心值班', place: '城关镇综治中心', startAt: at(2, '08:30'), endAt: at(2, '11:30'), notes: '请带好工作证', ...over,
});

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'volunteerTeams', [team('t-ss', '矛盾纠纷调解队'), team('t-other', '科技服务队')]);
  volunteers = await members(cloud, 'ss', 3);
  await insert(cloud.db, 'accounts', [
    account(STAFF, { role: 'staff', name: '张丽' }),
    account(LEADER, { role: 'leader', name: '陈志刚', memberId: 'm-ss-leader', leads: [{ kind: 'team', id: 't-ss' }] }),
    account(OTHER_LEADER, { role: 'leader', name: '孙队长', memberId: 'm-ss-ol', leads: [{ kind: 'team', id: 't-other' }] }),
    account(HELPER, { role: 'helper', name: '王晓梅', actsFor: memberIdOf(volunteers[0]!) }),
  ]);
  for (const who of volunteers.slice(0, 2)) dataOf(await cloud.call('enrollment', 'signUp', { kind: 'team', targetId: 't-ss', postId: 'p1' }, who));
});
afterAll(() => cloud?.stop());

const audits = async (): Promise<StaffAuditDoc[]> =>
  (await cloud.db.collection('staffAudit').where({ action: 'checkin.saveSession' }).limit(100).get()).data as StaffAuditDoc[];

describe('saveSession', () => {
  it('staff create a session: stored with the team name, listed upcoming, on the 签到码 list, audited', async () => {
    const row = dataOf(await cloud.call('checkin', 'saveSession', draft(), STAFF));
    expect(row).toMatchObject({ teamName: '矛盾纠纷调解队', postName: '人民调解员', title: '综治中心值班', notes: '请带好工作证', mode: 'scan', status: 'scheduled', scheduledMinutes: 180 });
    const doc = (await cloud.db.collection('serviceSessions').doc(row.id).get()).data as unknown as ServiceSessionDoc;
    expect(new Date(doc.startAt).toISOString()).toBe(new Date(draft().startAt).toISOString());
    const list = dataOf(await cloud.call('checkin', 'sessions', { teamId: 't-ss' }, STAFF));
    expect(list.upcoming.map((s) => s.id)).toContain(row.id);
    expect(list.teams.map((t) => t.id).sort()).toEqual(['t-other', 't-ss']);
    const targets = dataOf(await cloud.call('checkin', 'targets', {}, LEADER)).targets;
    expect(targets.filter((t) => t.kind === 'session').map((t) => t.id)).toContain(row.id);
    const entry = (await audits()).find((a) => a.changes.some((c) => c.id === row.id));
    expect(entry).toMatchObject({ actorOpenid: STAFF, actorName: '张丽' });
  });

  it('the team leader edits their session; the edit changes fields, not status or key, and is audited', async () => {
    const row = dataOf(await cloud.call('checkin', 'saveSession', draft({ title: '周三值班' }), LEADER));
    const before = (await audits()).length;
    const edited = dataOf(await cloud.call('checkin', 'saveSession', draft({ sessionId: row.id, title: '周四值班', postId: undefined, mode: 'confirm' }), LEADER));
    expect(edited).toMatchObject({ id: row.id, title: '周四值班', postId: null, mode: 'confirm', status: 'scheduled' });
    const after = await audits();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.changes[0]).toMatchObject({ before: { title: '周三值班' }, after: { title: '周四值班' } });
  });

  it('refuses members, helpers and another team\'s leader (nothing stored)', async () => {
    const count = async () => (await cloud.db.collection('serviceSessions').count()).total;
    const theirs = dataOf(await cloud.call('checkin', 'saveSession', draft({ teamId: 't-other', postId: undefined }), STAFF));
    const n = await count();
    expect(codeOf(await cloud.call('checkin', 'saveSession', draft(), volunteers[0]!))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'saveSession', draft(), HELPER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'saveSession', draft(), OTHER_LEADER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'sessions', { teamId: 't-ss' }, OTHER_LEADER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'sessions', {}, volunteers[0]!))).toBe('AUTH.FORBIDDEN');
    // moving another team's session to one's own team is refused too
    expect(codeOf(await cloud.call('checkin', 'saveSession', draft({ sessionId: theirs.id }), LEADER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'session', { sessionId: theirs.id }, LEADER))).toBe('AUTH.FORBIDDEN');
    expect(await count()).toBe(n);
  });

  it.each([
    ['end before start', { startAt: at(2, '10:00'), endAt: at(2, '09:00') }, '结束时间要晚于开始时间'],
    ['too short', { startAt: at(2, '10:00'), endAt: at(2, '10:10') }, '至少15分钟'],
    ['longer than 12 hours', { startAt: at(2, '06:00'), endAt: at(2, '19:00') }, '最长12小时'],
    ['not a time', { startAt: '明天上午' }, '开始时间不对'],
    ['no title', { title: '  ' }, '请填写服务内容'],
    ['unknown key', { openid: 'x' }, ''],
  ])('refuses %s', async (_name, over, message) => {
    const answer = await cloud.call('checkin', 'saveSession', { ...draft(), ...over }, STAFF);
    expect(codeOf(answer)).toMatch(/^INPUT\./);
    expect(answer.ok ? '' : answer.error.message).toContain(message);
  });

  it('refuses a post of another team and an unknown team', async () => {
    expect(codeOf(await cloud.call('checkin', 'saveSession', draft({ postId: 'p9' }), STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('checkin', 'saveSession', draft({ teamId: 't-none' }), STAFF))).toBe('DATA.NOT_FOUND');
  });
});

describe('sessions and session', () => {
  it('splits upcoming (soonest first) from recent (newest first); a leader sees only their teams', async () => {
    const past = dataOf(await cloud.call('checkin', 'saveSession', draft({ title: '上周值班', startAt: at(-7, '08:30'), endAt: at(-7, '11:30') }), STAFF));
    const older = dataOf(await cloud.call('checkin', 'saveSession', draft({ title: '上上周值班', startAt: at(-14, '08:30'), endAt: at(-14, '11:30') }), STAFF));
    const list = dataOf(await cloud.call('checkin', 'sessions', {}, LEADER));
    expect(list.teams.map((t) => t.id)).toEqual(['t-ss']);
    expect(list.recent.map((s) => s.id).slice(0, 2)).toEqual([past.id, older.id]);
    expect(list.upcoming.every((s) => Date.parse(s.endAt) >= Date.now())).toBe(true);
    const starts = list.upcoming.map((s) => s.startAt);
    expect([...starts].sort()).toEqual(starts);
  });

  it('shows volunteers with their credits: a confirmed credit with its note, then a reversal with the reason', async () => {
    const row = dataOf(await cloud.call('checkin', 'saveSession', draft({ title: '入户调解', startAt: at(-1, '09:00'), endAt: at(-1, '11:00'), mode: 'confirm' }), STAFF));
    const first = dataOf(await cloud.call('checkin', 'session', { sessionId: row.id }, LEADER));
    expect(first.mayCorrect).toBe(false);
    expect(first.rules.presencePercent).toBe(60);
    expect(first.volunteers.map((v) => v.memberId).sort()).toEqual(volunteers.slice(0, 2).map(memberIdOf).sort());
    const memberId = memberIdOf(volunteers[0]!);
    const confirmed = dataOf(await cloud.call('checkin', 'confirmHours', { sessionId: row.id, memberId, minutes: 90, note: '电话核实' }, LEADER));
    expect(confirmed.entry).toMatchObject({ hours: 1.5, note: '电话核实' });
    expect(codeOf(await cloud.call('checkin', 'correct', { entryId: confirmed.entry!.id, reason: '记错了' }, LEADER))).toBe('AUTH.FORBIDDEN');
    dataOf(await cloud.call('checkin', 'correct', { entryId: confirmed.entry!.id, reason: '那天只到了一半，按实际时间重记' , minutes: 60 }, STAFF));
    const after = dataOf(await cloud.call('checkin', 'session', { sessionId: row.id }, STAFF));
    expect(after.mayCorrect).toBe(true);
    const volunteer = after.volunteers.find((v) => v.memberId === memberId)!;
    expect(volunteer.hours).toBe(1);
    expect(volunteer.entries.map((e) => [e.kind, e.hours, e.reversed])).toEqual([['credit', 1.5, true], ['reversal', -1.5, false], ['credit', 1, false]]);
    expect(volunteer.entries[1]!.reason).toBe('那天只到了一半，按实际时间重记');
    const mine = dataOf(await cloud.call('checkin', 'mine', {}, volunteers[0]!));
    expect(mine.entries.find((e) => e.kind === 'reversal')?.reason).toBe('那天只到了一半，按实际时间重记');
  });
});
