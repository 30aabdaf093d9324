/**
 * Publishing from the staff section: an activity staff publish is on the members' home page and takes sign-ups;
 * its places cannot drop below those taken; cancelling tells everyone signed up, once. Terms and courses,
 * associations, and teams whose posts keep their lines through an edit.
 */
import type { SaveActivityRequest } from '../../src/shared/contracts-staff';
import { settingsDefaults } from '../../src/shared/settings';
import type { VolunteerTeamDoc } from '../../src/shared/documents';
import { codeOf } from './checkin-kit';
import { clearOutbox, memberIdOf, members, outbox } from './enrollment-kit';
import { account, daysFromNow } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

const ACTIVITY_CANCELLED_TEMPLATE = settingsDefaults().tplActivityCancelled;

let cloud: CloudHarness;
const STAFF = 'openid-staff';
let people: string[];

const activityInput = (over: Partial<SaveActivityRequest> = {}): SaveActivityRequest => ({
  title: '重阳登高',
  kind: '参观考察',
  description: '登城南山，山顶有茶水。',
  place: '城南山公园东门',
  startAt: daysFromNow(5).toISOString(),
  endAt: daysFromNow(5.1).toISOString(),
  signupDeadline: daysFromNow(4).toISOString(),
  seats: 2,
  walkUpAllowed: false,
  ...over,
});

beforeAll(async () => {
  cloud = await startCloud();
  people = await members(cloud, 'pub', 3);
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' }), account('pub-helper', { role: 'helper', name: '家属', actsFor: memberIdOf('pub-0') })]);
  await insert(cloud.db, 'campuses', [{ _id: 'campus-main', name: '老年大学本部', town: '城关镇', address: '', isMain: true }]);
});
afterAll(() => cloud.stop());

describe('activities', () => {
  let activityId: string;

  it('publishes one that members see on the home page and sign up for', async () => {
    const row = dataOf(await cloud.call('staff', 'saveActivity', activityInput(), STAFF));
    activityId = row.id;
    expect(row).toMatchObject({ title: '重阳登高', seats: 2, placed: 0, waitlisted: 0, status: 'published' });
    const home = dataOf(await cloud.call('catalog', 'home', {}, people[0] as string));
    expect(home.activities.map((a) => a.title)).toContain('重阳登高');
    for (const who of people) dataOf(await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: activityId }, who));
    const [listed] = dataOf(await cloud.call('staff', 'catalog', {}, STAFF)).activities.filter((a) => a.id === activityId);
    expect(listed).toMatchObject({ placed: 2, waitlisted: 1 });
  });

  it('refuses fewer places than people signed up, and dates out of order', async () => {
    expect(codeOf(await cloud.call('staff', 'saveActivity', activityInput({ activityId, seats: 1 }), STAFF))).toBe('STAFF.SEATS_BELOW_TAKEN');
    const late = activityInput({ activityId, signupDeadline: daysFromNow(6).toISOString() });
    expect(codeOf(await cloud.call('staff', 'saveActivity', late, STAFF))).toBe('STAFF.BAD_DATES');
    // more places: the waitlisted one now holds a place; the line is untouched
    const row = dataOf(await cloud.call('staff', 'saveActivity', activityInput({ activityId, seats: 3, place: '城南山公园西门' }), STAFF));
    expect(row).toMatchObject({ place: '城南山公园西门', seats: 3, placed: 3, waitlisted: 0 });
  });

  it('cancels it and tells everyone signed up (and their helpers), once', async () => {
    await clearOutbox(cloud);
    const done = dataOf(await cloud.call('staff', 'cancelActivity', { activityId, reason: '天气原因' }, STAFF));
    expect(done).toMatchObject({ members: 3, notified: 4, already: false, activity: { status: 'cancelled' } });
    const sent = (await outbox(cloud)).filter((m) => m.templateId === ACTIVITY_CANCELLED_TEMPLATE);
    expect(sent.map((m) => m.touser).sort()).toEqual([...people, 'pub-helper'].sort());
    expect(sent[0]?.data.thing3?.value).toBe('已取消：天气原因');
    const again = dataOf(await cloud.call('staff', 'cancelActivity', { activityId, reason: '天气原因' }, STAFF));
    expect(again).toMatchObject({ notified: 0, already: true });
    expect((await outbox(cloud)).filter((m) => m.templateId === ACTIVITY_CANCELLED_TEMPLATE)).toHaveLength(4);
    expect(codeOf(await cloud.call('staff', 'saveActivity', activityInput({ activityId }), STAFF))).toBe('STAFF.ACTIVITY_CANCELLED');
    const home = dataOf(await cloud.call('catalog', 'home', {}, people[0] as string));
    expect(home.activities.map((a) => a.id)).not.toContain(activityId);
  });
});

describe('term, courses and associations', () => {
  it('sets the term and publishes a course in it, then edits it', async () => {
    dataOf(await cloud.call('staff', 'setTerm', { termId: '2026-autumn', name: '2026年秋季学期' }, STAFF));
    const input = {
      termId: '2026-autumn', title: '智能手机应用', campusId: 'campus-main', teacher: '周老师', weekday: 3, time: '09:00-10:30',
      place: '201教室', seats: 30, fee: 0, enrollOpensAt: daysFromNow(-1).toISOString(), enrollClosesAt: daysFromNow(10).toISOString(),
    };
    const course = dataOf(await cloud.call('staff', 'saveCourse', input, STAFF));
    expect(course).toMatchObject({ campusName: '老年大学本部', mode: 'firstCome', placed: 0 });
    const edited = dataOf(await cloud.call('staff', 'saveCourse', { ...input, courseId: course.id, seats: 25, teacher: '吴老师' }, STAFF));
    expect(edited).toMatchObject({ id: course.id, seats: 25, teacher: '吴老师' });
    const catalog = dataOf(await cloud.call('staff', 'catalog', {}, STAFF));
    expect(catalog.term).toEqual({ id: '2026-autumn', name: '2026年秋季学期' });
    expect(catalog.courses.map((c) => c.id)).toEqual([course.id]);
    expect(codeOf(await cloud.call('staff', 'saveCourse', { ...input, campusId: 'no-such-campus' }, STAFF))).toBe('DATA.NOT_FOUND');
  });

  it('publishes an association members can join', async () => {
    const row = dataOf(await cloud.call('staff', 'saveAssociation', {
      name: '老年摄影协会', purpose: '以摄影记录家乡变化', leaderName: '孙会长', meetingSchedule: '每月第二个周六', joinMode: 'open',
    }, STAFF));
    dataOf(await cloud.call('enrollment', 'signUp', { kind: 'association', targetId: row.id }, people[1] as string));
    const renamed = dataOf(await cloud.call('staff', 'saveAssociation', {
      associationId: row.id, name: '老年摄影家协会', purpose: '以摄影记录家乡变化', leaderName: '孙会长', joinMode: 'approval',
    }, STAFF));
    expect(renamed).toMatchObject({ name: '老年摄影家协会', joinMode: 'approval', memberCount: 1 });
  });
});

describe('volunteer teams and posts', () => {
  it('keeps each post’s line through an edit, and refuses removing a post someone holds', async () => {
    const team = dataOf(await cloud.call('staff', 'saveTeam', {
      name: '法律服务队', category: '送法律', description: '为老年人提供法律咨询', skills: ['法律'],
      posts: [{ name: '法律咨询', duties: '每周二坐班', capacity: 2 }, { name: '调解', duties: '参与社区调解', capacity: 1 }],
    }, STAFF));
    const [consult, mediate] = team.posts;
    dataOf(await cloud.call('enrollment', 'signUp', { kind: 'team', targetId: team.id, postId: consult?.id }, people[2] as string));
    const edit = (posts: object[]) => cloud.call('staff', 'saveTeam', {
      teamId: team.id, name: '法律服务队', category: '送法律', description: '为老年人提供法律咨询', skills: ['法律', '调解'], posts,
    }, STAFF);
    expect(codeOf(await edit([{ id: mediate?.id, name: '调解', duties: '参与社区调解', capacity: 1 }]))).toBe('STAFF.POST_IN_USE');
    const edited = dataOf(await edit([
      { id: consult?.id, name: '法律咨询', duties: '每周二、周四坐班', capacity: 3 },
      { name: '普法宣传', duties: '进社区宣讲', capacity: 5 },
    ]));
    expect(edited.posts.map((p) => [p.name, p.capacity, p.placed])).toEqual([['法律咨询', 3, 1], ['普法宣传', 5, 0]]);
    const { data } = await cloud.db.collection('volunteerTeams').where({ _id: team.id }).get();
    const stored = data[0] as VolunteerTeamDoc;
    expect(stored.posts[0]?.line).toEqual([memberIdOf(people[2] as string)]);
    expect(stored.skills).toEqual(['法律', '调解']);
  });
});

describe('catalogItem: an editor loads the row it edits', () => {
  it('answers one row by kind and id, null for an unknown id, and the term and campuses for a course form', async () => {
    const saved = dataOf(await cloud.call('staff', 'saveActivity', activityInput({ title: '单条读取' }), STAFF));
    const one = dataOf(await cloud.call('staff', 'catalogItem', { kind: 'activity', id: saved.id }, STAFF));
    expect(one.item).toEqual({ kind: 'activity', row: saved });
    expect(one.campuses).toEqual([]);
    expect(dataOf(await cloud.call('staff', 'catalogItem', { kind: 'team', id: saved.id }, STAFF)).item).toBeNull();
    const blank = dataOf(await cloud.call('staff', 'catalogItem', { kind: 'course' }, STAFF));
    expect(blank).toMatchObject({ item: null, campuses: [{ id: 'campus-main', name: '老年大学本部' }] });
  });

  it('is for staff only and refuses a kind it does not know', async () => {
    expect(codeOf(await cloud.call('staff', 'catalogItem', { kind: 'activity', id: 'x' }, people[0] as string))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('staff', 'catalogItem', { kind: 'notice', id: 'x' }, STAFF))).toBe('INPUT.INVALID');
  });
});
