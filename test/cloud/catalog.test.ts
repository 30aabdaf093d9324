import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account, activity, course, notice } from './fixtures';

let cloud: CloudHarness;

beforeAll(async () => {
  cloud = await startCloud();
  const { db } = cloud;
  await insert(db, 'accounts', [account('openid-viewer', { name: '王秀英' })]);
  await insert(db, 'notices', [1, 2, 3, 4, 5].map((n) => notice(`n${n}`, n)));
  await insert(db, 'activities', [
    activity('a-past', -1),
    activity('a7', 7),
    activity('a1', 1, { seats: 20, taken: 18 }),
    activity('a-cancelled', 2, { status: 'cancelled' }),
    activity('a3', 3),
    activity('a5', 5),
    activity('a4', 4, { seats: 10, taken: 10 }),
    activity('a6', 6),
  ]);
  await insert(db, 'courses', [
    course('c-old', '2026-spring', { enrollOpensAt: new Date('2026-01-01') }),
    course('c-mon', '2026-autumn', { weekday: 1, seats: 40, taken: 39 }),
    course('c-tue', '2026-autumn', { weekday: 2 }),
    course('c-wed-pm', '2026-autumn', { weekday: 3, time: '14:00-15:30' }),
    course('c-wed-am', '2026-autumn', { weekday: 3, time: '09:00-10:30' }),
    course('c-fri', '2026-autumn', { weekday: 5 }),
  ]);
});

afterAll(() => cloud?.stop());

describe('catalog.home', () => {
  it('returns in one call everything the home page shows', async () => {
    const data = dataOf(await cloud.call('catalog', 'home', {}, 'openid-viewer'));
    expect(data.viewerName).toBe('王秀英');
    expect(data.notices.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(data.notices[0]).toEqual({ id: 'n1', title: '通知n1', category: 'activity', categoryLabel: '活动通知', pinned: false, publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // next 5 upcoming published activities, in start order, without past or cancelled ones
    expect(data.activities.map((a) => a.id)).toEqual(['a1', 'a3', 'a4', 'a5', 'a6']);
    expect(data.activities[0]).toMatchObject({ title: '活动a1', kind: '门球赛', place: '县老年活动中心', seats: 20, seatsLeft: 2 });
    expect(data.activities[2].seatsLeft).toBe(0);
    // 4 courses of the current term (the one whose enrolment opened last), by weekday and time
    expect(data.courses.map((c) => c.id)).toEqual(['c-mon', 'c-tue', 'c-wed-am', 'c-wed-pm']);
    expect(data.courses[0]).toEqual({
      id: 'c-mon', title: '课程c-mon', campusName: '老年大学本部', weekday: 1, time: '09:00-10:30', seats: 40, seatsLeft: 1,
      signup: { opensAt: expect.any(String), closesAt: expect.any(String) },
    });
  });

  it('counts the notices the member has not read, for them and for their helper', async () => {
    await insert(cloud.db, 'accounts', [
      account('openid-reader', { memberId: 'm-reader' }),
      account('openid-reader-helper', { role: 'helper', actsFor: 'm-reader' }),
    ]);
    await insert(cloud.db, 'noticeReads', ['n2', 'n4'].map((noticeId) => ({
      _id: `read-${noticeId}`, noticeId, memberId: 'm-reader', readAt: new Date(), byOpenid: 'openid-reader', byHelper: false,
    })));
    expect(dataOf(await cloud.call('catalog', 'home', {}, 'openid-reader')).unreadNotices).toBe(3);
    expect(dataOf(await cloud.call('catalog', 'home', {}, 'openid-reader-helper')).unreadNotices).toBe(3);
    // staff and people without a member read no notices of their own
    expect(dataOf(await cloud.call('catalog', 'home', {}, 'openid-viewer')).unreadNotices).toBeNull();
  });

  it('offers staff and admins the 工作台 from home, and nobody else', async () => {
    await insert(cloud.db, 'accounts', [
      account('openid-home-staff', { role: 'staff', name: '张丽' }),
      account('openid-home-admin', { role: 'admin', name: '周明' }),
      account('openid-home-leader', { role: 'leader', memberId: 'm-home-leader' }),
    ]);
    for (const [openid, entry] of [['openid-home-staff', true], ['openid-home-admin', true], ['openid-home-leader', false], ['openid-viewer', false], ['openid-stranger', false]] as const) {
      expect([openid, dataOf(await cloud.call('catalog', 'home', {}, openid)).staffEntry]).toEqual([openid, entry]);
    }
  });

  it('answers viewerName null for a WeChat without an account', async () => {
    const data = dataOf(await cloud.call('catalog', 'home', undefined, 'openid-stranger'));
    expect(data.viewerName).toBeNull();
    expect(data.unreadNotices).toBeNull();
    expect(data.activities).toHaveLength(5);
  });

  it('follows the current term set by staff in settings', async () => {
    await insert(cloud.db, 'settings', [{ _id: 'currentTerm', termId: '2026-spring' }]);
    try {
      const data = dataOf(await cloud.call('catalog', 'home', {}, 'openid-viewer'));
      expect(data.courses.map((c) => c.id)).toEqual(['c-old']);
    } finally {
      await cloud.db.collection('settings').doc('currentTerm').remove();
    }
  });
});

describe('catalog.activities', () => {
  it('lists all upcoming published activities ordered by start', async () => {
    const data = dataOf(await cloud.call('catalog', 'activities', {}, 'openid-stranger'));
    expect(data.activities.map((a) => a.id)).toEqual(['a1', 'a3', 'a4', 'a5', 'a6', 'a7']);
  });
});
