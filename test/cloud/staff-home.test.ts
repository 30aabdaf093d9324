/** staff.home: everything 工作台 shows in one call, on a data set whose counts are worked out by hand. */
import { beijingDay, beijingDayStart } from '../../src/shared/date-rules';
import { codeOf } from './checkin-kit';
import { account, activity, member, notice } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';
const DAY = 86_400_000;
const now = new Date();
const today = beijingDay(now);
const todayStart = beijingDayStart(today).getTime();
const line = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

const requestOf = (id: string, status: string) => ({ _id: id, activeKey: status === 'pending' ? id : `${id}-done`, status, createdAt: now });
const enrollmentOf = (id: string, kind: string, status: string) => ({ _id: id, termSlot: id, kind, targetId: 't', memberId: id, status, createdAt: now, updatedAt: now });
const suggestionOf = (id: string, status: string, daysAgo: number) => ({ _id: id, trackingNo: id, status, submittedAt: new Date(now.getTime() - daysAgo * DAY), timeline: [] });
const checkinOf = (id: string, targetId: string) => ({ _id: id, kind: 'activity', targetId, memberId: id, at: now });

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' }), account('openid-member', { memberId: 'm-1' })]);
  await insert(cloud.db, 'members', [
    member('m-1', { rosterNo: 'R1', birthday: today.slice(5), birthYear: 1946 }), // birthday this week, not visited
    member('m-2', { rosterNo: 'R2', birthday: today.slice(5) }), // birthday this week, visited below
    member('m-3', { rosterNo: 'R3', hospitalizedAt: new Date(now.getTime() - 10 * DAY) }), // in hospital, never visited
  ]);
  await insert(cloud.db, 'visits', [{ _id: 'v-1', memberId: 'm-2', memberName: '张建国', reason: 'birthday', visitedOn: today, visitors: '刘芳', notes: '', byOpenid: STAFF, byName: '刘干事', createdAt: now }]);
  await insert(cloud.db, 'rosterRequests', [requestOf('rr-1', 'pending'), requestOf('rr-2', 'pending'), requestOf('rr-3', 'approved')]);
  await insert(cloud.db, 'deletionRequests', [requestOf('dr-1', 'pending'), requestOf('dr-2', 'done')]);
  await insert(cloud.db, 'enrollments', [
    enrollmentOf('e-1', 'association', 'pending'),
    enrollmentOf('e-2', 'association', 'active'),
    enrollmentOf('e-3', 'course', 'pending'), // lottery entrant: not an approval
  ]);
  await insert(cloud.db, 'suggestions', [
    suggestionOf('s-1', 'submitted', 30), // overdue
    suggestionOf('s-2', 'submitted', 0),
    suggestionOf('s-3', 'accepted', 5),
    suggestionOf('s-4', 'inProgress', 5),
    suggestionOf('s-5', 'inProgress', 9),
    suggestionOf('s-6', 'concluded', 20),
  ]);
  await insert(cloud.db, 'notices', [
    notice('n-old', 9),
    notice('n-3', 3, { title: '第三条' }),
    notice('n-2', 2, { title: '第二条' }),
    notice('n-1', 1, { title: '第一条' }),
    notice('n-gone', 0, { status: 'withdrawn' }),
  ]);
  await insert(cloud.db, 'noticeReads', [{ _id: 'r-1', noticeId: 'n-1', memberId: 'm-1', readAt: now, byOpenid: 'x', byHelper: false }]);
  await insert(cloud.db, 'activities', [
    activity('a-today', 0, { title: '今天的讲座', startAt: new Date(todayStart + 60_000), seats: 10, taken: 4, line: line(4, 'p') }),
    activity('a-cancelled', 0, { startAt: new Date(todayStart + 120_000), status: 'cancelled' }),
    activity('a-tomorrow', 1, { startAt: new Date(todayStart + DAY + 60_000) }),
  ]);
  await insert(cloud.db, 'checkins', [checkinOf('c-1', 'a-today'), checkinOf('c-2', 'a-today'), checkinOf('c-3', 'a-tomorrow')]);
});
afterAll(() => cloud.stop());

describe('staff.home', () => {
  it('counts what waits, the newest notices with reads, visits due and today’s activities', async () => {
    const home = dataOf(await cloud.call('staff', 'home', {}, STAFF));
    expect(home).toMatchObject({ reviews: 2, deletions: 1, approvals: 1 });
    expect(home.suggestions).toEqual({ submitted: 2, accepted: 1, inProgress: 2, overdue: 1 });
    expect(home.notices.map((n) => [n.title, n.audienceCount, n.readCount])).toEqual([['第一条', 3, 1], ['第二条', 3, 0], ['第三条', 3, 0]]);
    expect(home.visitsDue).toEqual({ birthdays: 1, hospital: 1 });
    expect(home.today).toEqual([{ id: 'a-today', title: '今天的讲座', place: '县老年活动中心', startAt: new Date(todayStart + 60_000).toISOString(), placed: 4, checkIns: 2 }]);
  });

  it('refuses members', async () => {
    expect(codeOf(await cloud.call('staff', 'home', {}, 'openid-member'))).toBe('AUTH.FORBIDDEN');
  });
});
