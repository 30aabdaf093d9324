/**
 * checkin.targets, the 签到码 list: today's activities and sessions (under way ones included, which the members'
 * catalog no longer lists) and upcoming ones; staff see all, a leader only what they lead; members are refused.
 */
import type { ServiceSessionDoc } from '../../src/shared/documents';
import { beijingDay, beijingDayStart } from '../../src/shared/date-rules';
import { account, activity } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { codeOf, minutesFromNow } from './checkin-kit';

let cloud: CloudHarness;

const session = (id: string, teamId: string, startAt: Date, endAt: Date, over: Partial<ServiceSessionDoc> = {}): ServiceSessionDoc => ({
  _id: id, teamId, teamName: '矛盾纠纷调解队', postId: null, title: `值班${id}`, place: '城关镇综治中心', startAt, endAt, mode: 'scan', status: 'scheduled', ...over,
});

beforeAll(async () => {
  cloud = await startCloud();
  const todayStart = beijingDayStart(beijingDay(new Date()));
  await insert(cloud.db, 'activities', [
    activity('a-under', 0, { startAt: minutesFromNow(-30), endAt: minutesFromNow(90) }),
    activity('a-later', 3),
    activity('a-yesterday', 0, { startAt: new Date(todayStart.getTime() - 3 * 3600_000), endAt: new Date(todayStart.getTime() - 60_000) }),
    activity('a-cancelled', 0, { startAt: minutesFromNow(-30), endAt: minutesFromNow(90), status: 'cancelled' }),
  ]);
  await insert(cloud.db, 'serviceSessions', [
    session('s-now', 't-led', minutesFromNow(-10), minutesFromNow(120)),
    session('s-other', 't-other', minutesFromNow(24 * 60), minutesFromNow(26 * 60)),
    session('s-cancelled', 't-led', minutesFromNow(60), minutesFromNow(120), { status: 'cancelled' }),
  ]);
  await insert(cloud.db, 'accounts', [
    account('tg-staff', { role: 'staff', name: '张丽' }),
    account('tg-leader', { role: 'leader', memberId: 'm-tg-leader', leads: [{ kind: 'activity', id: 'a-under' }, { kind: 'team', id: 't-led' }] }),
    account('tg-leader-none', { role: 'leader', memberId: 'm-tg-none', leads: [{ kind: 'association', id: 'as-1' }] }),
    account('tg-member', { memberId: 'm-tg-member' }),
  ]);
});
afterAll(() => cloud?.stop());

const targetsOf = async (openid: string) => dataOf(await cloud.call('checkin', 'targets', {}, openid)).targets;

describe('checkin.targets', () => {
  it('gives staff today\'s (under way included) and upcoming activities and sessions, soonest first, nothing cancelled or past', async () => {
    const targets = await targetsOf('tg-staff');
    expect(targets.map((t) => `${t.kind}:${t.id}`)).toEqual(['activity:a-under', 'session:s-now', 'session:s-other', 'activity:a-later']);
    expect(targets[0]).toMatchObject({ title: '活动a-under', window: { phase: 'open' } });
    expect(targets[1]).toMatchObject({ title: '矛盾纠纷调解队·值班s-now', mode: 'scan', window: { phase: 'open' } });
    expect(targets[3]!.window.phase).toBe('notYet');
    // the members' catalog lists only what has not started: the activity under way is not there
    const catalog = dataOf(await cloud.call('catalog', 'activities', {}, 'tg-member')).activities.map((a) => a.id);
    expect(catalog).not.toContain('a-under');
  });

  it('gives a leader only what they lead, and a leader of neither nothing', async () => {
    expect((await targetsOf('tg-leader')).map((t) => t.id)).toEqual(['a-under', 's-now']);
    expect(await targetsOf('tg-leader-none')).toEqual([]);
  });

  it('refuses members and strangers', async () => {
    expect(codeOf(await cloud.call('checkin', 'targets', {}, 'tg-member'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'targets', {}, 'tg-nobody'))).toBe('AUTH.NOT_MEMBER');
    expect(codeOf(await cloud.call('checkin', 'targets', { all: true }, 'tg-staff'))).toBe('INPUT.INVALID');
  });

  it('lets the listed under-way activity open its board (the list leads somewhere)', async () => {
    const board = dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'a-under' }, 'tg-leader'));
    expect(board.target.id).toBe('a-under');
  });
});
