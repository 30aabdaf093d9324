/**
 * Volunteer service sessions and the time bank through the real SDK and emulator: check-out by a second scan,
 * the rounding rule (table-driven through the function), the 60% rule, idempotent credits under concurrency,
 * staff confirmation, a correction by reversal, and 我的志愿时长.
 */
import type { CheckinDoc, ServiceSessionDoc, TimeBankEntryDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { checkinId } from '../../src/shared/timebank-rules';
import { account } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { memberIdOf, members } from './enrollment-kit';
import { boardToken, codeOf, minutesFromNow } from './checkin-kit';

let cloud: CloudHarness;
let volunteers: string[];
const STAFF = 'hk-staff';
const LEADER = 'hk-leader';

const team = (id: string): VolunteerTeamDoc => ({
  _id: id, name: '矛盾纠纷调解队', category: '送法律', description: '', skills: [], leaderMemberId: null,
  posts: [{ id: 'p1', name: '人民调解员', duties: '值班', capacity: 50, taken: 0 }],
});

const session = (id: string, startAt: Date, endAt: Date, over: Partial<ServiceSessionDoc> = {}): ServiceSessionDoc => ({
  _id: id, teamId: 't-svc', teamName: '矛盾纠纷调解队', postId: null, title: `值班${id}`, place: '城关镇综治中心',
  startAt, endAt, mode: 'scan', status: 'scheduled', ...over,
});

/** A check-in made `minutesAgo` minutes ago (scanning then), as the scan path stores it. */
const checkedIn = (sessionId: string, openid: string, at: Date): CheckinDoc => ({
  _id: checkinId('session', sessionId, memberIdOf(openid)), kind: 'session', targetId: sessionId, title: `值班${sessionId}`,
  memberId: memberIdOf(openid), memberName: `成员${openid}`, at, method: 'scan', byOpenid: openid, byName: `成员${openid}`,
  byRole: 'member', checkOutAt: null, presentMinutes: null,
});

const ROUNDING: [minutes: number, hours: number][] = [[14, 0], [15, 0.5], [44, 0.5], [45, 1], [59, 1], [60, 1], [61, 1], [75, 1.5]];

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'volunteerTeams', [team('t-svc'), team('t-else')]);
  await insert(cloud.db, 'accounts', [
    account(STAFF, { role: 'staff', name: '张丽' }),
    account(LEADER, { role: 'leader', name: '陈志刚', memberId: 'm-hk-leader', leads: [{ kind: 'team', id: 't-svc' }] }),
    account('hk-other-leader', { role: 'leader', name: '孙队长', memberId: 'm-hk-ol', leads: [{ kind: 'team', id: 't-else' }] }),
  ]);
  volunteers = await members(cloud, 'hk', 6);
  for (const who of volunteers.slice(0, 5)) dataOf(await cloud.call('enrollment', 'signUp', { kind: 'team', targetId: 't-svc', postId: 'p1' }, who));
  await insert(cloud.db, 'accounts', [account('hk-helper', { role: 'helper', name: '王晓梅', actsFor: memberIdOf(volunteers[0]!) })]);
});
afterAll(() => cloud?.stop());

const scan = (token: string, openid: string) => cloud.call('checkin', 'scan', { token }, openid);
const entriesOf = async (memberId: string): Promise<TimeBankEntryDoc[]> =>
  (await cloud.db.collection('timeBankEntries').where({ memberId }).limit(1000).get()).data as TimeBankEntryDoc[];

describe('service check-in and check-out', () => {
  it('checks in by scan; a second scan within 10 minutes is a double scan, not a check-out', async () => {
    await insert(cloud.db, 'serviceSessions', [session('s-now', minutesFromNow(5), minutesFromNow(125))]);
    const token = await boardToken(cloud, STAFF, 'session', 's-now');
    expect(dataOf(await scan(token, volunteers[0]!))).toMatchObject({ outcome: 'checkedIn', credit: null });
    expect(dataOf(await scan(token, volunteers[0]!))).toMatchObject({ outcome: 'already', checkedOutAt: null });
    expect(codeOf(await scan(token, volunteers[5]!))).toBe('CHECKIN.NOT_SIGNED_UP');
    expect(codeOf(await scan(token, 'hk-helper'))).toBe('CHECKIN.HELPER_SERVICE');
  });

  it.each(ROUNDING)('rounds %d minutes of service to %d hours', async (minutes, hours) => {
    const id = `s-r${minutes}`;
    const start = new Date(Date.now() - minutes * 60_000 - 5_000);
    await insert(cloud.db, 'serviceSessions', [session(id, start, new Date(start.getTime() + (minutes + 1) * 60_000))]);
    await insert(cloud.db, 'checkins', [checkedIn(id, volunteers[1]!, start)]);
    const out = dataOf(await scan(await boardToken(cloud, STAFF, 'session', id), volunteers[1]!));
    expect(out.outcome).toBe('checkedOut');
    expect(out.credit).toMatchObject({ minutes, hours, credited: hours > 0 });
    const credits = (await entriesOf(memberIdOf(volunteers[1]!))).filter((e) => e.sessionId === id);
    expect(credits.map((e) => e.hours)).toEqual(hours > 0 ? [hours] : []);
  });

  it('credits only with at least 60% presence of the scheduled 120 minutes (72 yes, 71 no)', async () => {
    await insert(cloud.db, 'serviceSessions', [session('s-60', minutesFromNow(-100), minutesFromNow(20))]);
    await insert(cloud.db, 'checkins', [
      checkedIn('s-60', volunteers[2]!, new Date(Date.now() - 72 * 60_000 - 5_000)),
      checkedIn('s-60', volunteers[3]!, new Date(Date.now() - 71 * 60_000 - 5_000)),
    ]);
    const token = await boardToken(cloud, STAFF, 'session', 's-60');
    const enough = dataOf(await scan(token, volunteers[2]!));
    expect(enough.credit).toMatchObject({ credited: true, minutes: 72, hours: 1 });
    expect(enough.detail).toContain('记入时间银行1小时');
    const short = dataOf(await scan(token, volunteers[3]!));
    expect(short.credit).toMatchObject({ credited: false, minutes: 71, hours: 0 });
    expect(short.credit?.reason).toContain('60%');
    expect((await entriesOf(memberIdOf(volunteers[3]!))).filter((e) => e.sessionId === 's-60')).toEqual([]);
  });

  it('20 concurrent check-out scans record one check-out and credit once', async () => {
    await insert(cloud.db, 'serviceSessions', [session('s-burst', minutesFromNow(-90), minutesFromNow(30))]);
    await insert(cloud.db, 'checkins', [checkedIn('s-burst', volunteers[4]!, new Date(Date.now() - 90 * 60_000 - 5_000))]);
    const token = await boardToken(cloud, STAFF, 'session', 's-burst');
    const answers = await Promise.all(Array.from({ length: 20 }, () => scan(token, volunteers[4]!)));
    const outcomes = answers.map((a) => dataOf(a).outcome);
    expect(outcomes.filter((o) => o === 'checkedOut')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'alreadyOut')).toHaveLength(19);
    expect((await entriesOf(memberIdOf(volunteers[4]!))).map((e) => [e.sessionId, e.hours])).toEqual([['s-burst', 1.5]]);
    const board = dataOf(await cloud.call('checkin', 'board', { kind: 'session', id: 's-burst' }, LEADER));
    expect(board.counts).toMatchObject({ expected: 5, checkedIn: 1, checkedOut: 1 });
  });
});

describe('staff confirmation (service where scanning makes no sense)', () => {
  it('credits confirmed minutes once by the same rules; leaders only for their team', async () => {
    await insert(cloud.db, 'serviceSessions', [session('s-home', minutesFromNow(-24 * 60), minutesFromNow(-22 * 60), { mode: 'confirm', title: '上门探访' })]);
    const who = memberIdOf(volunteers[0]!);
    const confirmed = dataOf(await cloud.call('checkin', 'confirmHours', { sessionId: 's-home', memberId: who, minutes: 110 }, LEADER));
    expect(confirmed).toMatchObject({ already: false, credit: { credited: true, hours: 2, minutes: 110 }, entry: { source: 'staff', byName: '陈志刚', hours: 2 } });
    const again = dataOf(await cloud.call('checkin', 'confirmHours', { sessionId: 's-home', memberId: who, minutes: 110 }, STAFF));
    expect(again).toMatchObject({ already: true, entry: { id: confirmed.entry!.id } });
    const short = dataOf(await cloud.call('checkin', 'confirmHours', { sessionId: 's-home', memberId: memberIdOf(volunteers[1]!), minutes: 60 }, STAFF));
    expect(short).toMatchObject({ entry: null, credit: { credited: false } });
    expect(codeOf(await cloud.call('checkin', 'confirmHours', { sessionId: 's-home', memberId: who, minutes: 110 }, 'hk-other-leader'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'confirmHours', { sessionId: 's-home', memberId: who, minutes: 110 }, volunteers[0]!))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'confirmHours', { sessionId: 's-home', memberId: memberIdOf(volunteers[5]!), minutes: 110 }, STAFF))).toBe('CHECKIN.NOT_SIGNED_UP');
    expect((await entriesOf(who)).filter((e) => e.sessionId === 's-home')).toHaveLength(1);
  });
});

describe('a correction is a reversing entry with a reason', () => {
  it('reverses a credit, credits the corrected minutes, never edits; the member reads why', async () => {
    const who = volunteers[0]!;
    const entryId = `credit~s-home~${memberIdOf(who)}~0`;
    const before = dataOf(await cloud.call('checkin', 'mine', {}, who)).totalHours;
    const payload = { entryId, reason: '探访记录核对为45分钟', minutes: 45 };
    expect(codeOf(await cloud.call('checkin', 'correct', payload, LEADER))).toBe('AUTH.FORBIDDEN');
    const fixed = dataOf(await cloud.call('checkin', 'correct', payload, STAFF));
    expect(fixed.reversal).toMatchObject({ kind: 'reversal', hours: -2, hoursText: '-2小时', reason: '探访记录核对为45分钟' });
    expect(fixed.correction).toMatchObject({ kind: 'credit', hours: 1, source: 'correction' });
    // a retry answers the same; a different correction of the same credit is refused
    expect(dataOf(await cloud.call('checkin', 'correct', payload, STAFF)).reversal.id).toBe(fixed.reversal.id);
    expect(codeOf(await cloud.call('checkin', 'correct', { entryId, reason: '另一个原因' }, STAFF))).toBe('TIMEBANK.ALREADY_REVERSED');
    expect(codeOf(await cloud.call('checkin', 'correct', { entryId: `credit~s-home~${memberIdOf(who)}~9`, reason: '没有' }, STAFF))).toBe('DATA.NOT_FOUND');

    const stored = (await entriesOf(memberIdOf(who))).filter((e) => e.sessionId === 's-home');
    expect(stored.map((e) => [e.kind, e.hours]).sort()).toEqual([['credit', 1], ['credit', 2], ['reversal', -2]]);
    const mine = dataOf(await cloud.call('checkin', 'mine', {}, who));
    expect(mine.totalHours).toBe(before - 1);
    expect(mine.entries.find((e) => e.id === entryId)).toMatchObject({ reversed: true });
    expect(mine.entries.find((e) => e.kind === 'reversal')?.reason).toBe('探访记录核对为45分钟');
  });
});

describe('我的志愿时长', () => {
  it('answers the total by aggregate, each entry and the certificate data; a helper sees their member’s', async () => {
    const who = volunteers[1]!;
    const mine = dataOf(await cloud.call('checkin', 'mine', {}, who));
    const expected = ROUNDING.reduce((sum, [, h]) => sum + h, 0);
    expect(mine.totalHours).toBe(expected);
    expect(mine.totalText).toBe(`${expected}小时`);
    expect(mine.entries).toHaveLength(ROUNDING.filter(([, h]) => h > 0).length);
    expect(mine.certificate).toMatchObject({ name: '张建国', hours: expected, issuer: '中共示例县委老干部局' });
    expect(mine.certificate.periodText).toMatch(/^\d{4}年\d{1,2}月/);
    const helper = dataOf(await cloud.call('checkin', 'mine', {}, 'hk-helper'));
    expect(helper.viewer).toMatchObject({ onBehalf: true, name: '王晓梅' });
    expect(helper.totalHours).toBe(dataOf(await cloud.call('checkin', 'mine', {}, volunteers[0]!)).totalHours);
    expect(codeOf(await cloud.call('checkin', 'mine', {}, STAFF))).toBe('AUTH.FORBIDDEN');
  });
});
