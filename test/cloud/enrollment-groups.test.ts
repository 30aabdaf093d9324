/** Associations (open and approval), volunteer posts, activities, 我的报名, helpers and bad input. */
import type { ActivityDoc, AssociationDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { account, activity, daysFromNow } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { clearOutbox, memberIdOf, members, outbox } from './enrollment-kit';

let cloud: CloudHarness;

const assoc = (id: string, joinMode: 'open' | 'approval'): AssociationDoc => ({
  _id: id, name: `协会${id}`, purpose: '宗旨', leaderName: '孙德明', meetingSchedule: '每月第一个周三上午', joinMode, memberCount: 40,
});
const teamDoc = (id: string): VolunteerTeamDoc => ({
  _id: id, name: `服务队${id}`, category: '送法律', description: '', skills: ['法律'], leaderMemberId: null,
  posts: [
    { id: 'p1', name: '调解员', duties: '每周值班半天', capacity: 1, taken: 0 },
    { id: 'p2', name: '咨询员', duties: '逢集日咨询', capacity: 5, taken: 3 },
  ],
});

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'associations', [assoc('as-open', 'open'), assoc('as-appr', 'approval'), assoc('as-other', 'approval')]);
  await insert(cloud.db, 'volunteerTeams', [teamDoc('t-law'), { ...teamDoc('t-art'), skills: ['书法'] }]);
  await insert(cloud.db, 'accounts', [
    account('g-staff', { role: 'staff', name: '张丽' }),
    account('g-leader', { role: 'leader', memberId: 'm-g-leader', leads: [{ kind: 'association', id: 'as-appr' }] }),
  ]);
});
afterAll(() => cloud?.stop());

const signUp = (openid: string, kind: string, targetId: string, postId?: string) =>
  cloud.call('enrollment', 'signUp', { kind, targetId, ...(postId ? { postId } : {}) }, openid);

describe('associations', () => {
  it('joins an open association at once and leaves it; the member count follows exactly', async () => {
    const [who] = await members(cloud, 'ao', 1);
    expect(dataOf(await signUp(who!, 'association', 'as-open')).me).toMatchObject({ state: 'enrolled', label: '已入会', cancelText: '退出协会' });
    const detail = dataOf(await cloud.call('enrollment', 'association', { associationId: 'as-open' }, who!)).association;
    expect(detail).toMatchObject({ memberCount: 41, leaderName: '孙德明', meetingSchedule: '每月第一个周三上午', me: { state: 'enrolled' } });
    const id = detail.me.enrollmentId!;
    await Promise.all([1, 2, 3].map(() => cloud.call('enrollment', 'cancel', { enrollmentId: id }, who!)));
    const after = (await cloud.db.collection('associations').doc('as-open').get()).data as AssociationDoc;
    expect(after.memberCount).toBe(40);
  });

  it('asks for approval; only staff or the association’s own leader decide; approval makes a member', async () => {
    const [a, b] = await members(cloud, 'aa', 2);
    expect(dataOf(await signUp(a!, 'association', 'as-appr')).me).toMatchObject({ state: 'pending', label: '待审核', cancelText: '撤回申请' });
    dataOf(await signUp(b!, 'association', 'as-appr'));
    const [c] = await members(cloud, 'ab', 1);
    const other = dataOf(await signUp(c!, 'association', 'as-other')).me.enrollmentId!;

    const leaderList = dataOf(await cloud.call('enrollment', 'approvals', {}, 'g-leader')).requests;
    expect(leaderList.map((r) => r.memberId).sort()).toEqual([memberIdOf(a!), memberIdOf(b!)]);
    const refused = await cloud.call('enrollment', 'approve', { enrollmentId: other }, 'g-leader');
    expect(refused.ok || refused.error.code).toBe('AUTH.FORBIDDEN');
    const byMember = await cloud.call('enrollment', 'approve', { enrollmentId: other }, a!);
    expect(byMember.ok || byMember.error.code).toBe('AUTH.FORBIDDEN');

    await clearOutbox(cloud);
    const approved = dataOf(await cloud.call('enrollment', 'approve', { enrollmentId: leaderList[0]!.enrollmentId }, 'g-leader'));
    expect(approved.status).toBe('active');
    const twice = await cloud.call('enrollment', 'reject', { enrollmentId: leaderList[0]!.enrollmentId }, 'g-staff');
    expect(twice.ok || twice.error.code).toBe('ENROLL.NOT_PENDING');
    const rejected = dataOf(await cloud.call('enrollment', 'reject', { enrollmentId: other, reason: '名额已满' }, 'g-staff'));
    expect(rejected.status).toBe('rejected');
    expect((await outbox(cloud)).map((m) => m.data.phrase2?.value)).toEqual(['已通过', '未通过']);
    const doc = (await cloud.db.collection('associations').doc('as-appr').get()).data as AssociationDoc;
    expect(doc).toMatchObject({ memberCount: 41, line: [leaderList[0]!.memberId] });
    const mine = dataOf(await cloud.call('enrollment', 'mine', {}, c!));
    expect(mine.items[0]?.me).toMatchObject({ state: 'rejected', label: '未通过', canSignUp: true, signUpText: '申请加入' });
  });
});

describe('volunteer teams', () => {
  it('marks teams that fit the member’s skills, gives each post its own capacity, one post per team', async () => {
    const [a, b] = await members(cloud, 'vt', 2, { skills: ['法律'] });
    const list = dataOf(await cloud.call('enrollment', 'teams', {}, a!)).teams;
    expect(list.map((t) => [t.id, t.suggested])).toEqual([['t-law', true], ['t-art', false]]);
    expect(dataOf(await signUp(a!, 'team', 't-law', 'p1')).me).toMatchObject({ state: 'enrolled', postId: 'p1' });
    expect(dataOf(await signUp(b!, 'team', 't-law', 'p1')).me.label).toBe('候补第1位');
    const other = await signUp(a!, 'team', 't-law', 'p2');
    expect(other.ok || other.error.code).toBe('ENROLL.ONE_POST');
    const team = dataOf(await cloud.call('enrollment', 'team', { teamId: 't-law' }, b!)).team;
    expect(team.posts.map((p) => [p.id, p.seatsLeft, p.waitlist])).toEqual([['p1', 0, 1], ['p2', 2, 0]]);
    const missing = await signUp(a!, 'team', 't-law', 'p9');
    expect(missing.ok || missing.error.code).toBe('DATA.NOT_FOUND');
    dataOf(await cloud.call('enrollment', 'cancel', { enrollmentId: `team~t-law~${memberIdOf(a!)}` }, a!));
    expect(dataOf(await cloud.call('enrollment', 'team', { teamId: 't-law' }, b!)).team.me.state).toBe('enrolled');
    const doc = (await cloud.db.collection('volunteerTeams').doc('t-law').get()).data as VolunteerTeamDoc;
    expect(doc.posts.map((p) => p.taken)).toEqual([1, 3]);
  });
});

describe('activities', () => {
  it('refuses after the sign-up deadline and cancelling within the cut-off, in plain words', async () => {
    const [who] = await members(cloud, 'act', 1);
    await insert(cloud.db, 'activities', [
      activity('ac-late', 3, { signupDeadline: daysFromNow(-0.1) }),
      activity('ac-soon', 0.05, { signupDeadline: daysFromNow(0.01), seats: 1 }), // starts in 72 minutes
      activity('ac-fine', 5, { seats: 1 }),
    ]);
    const late = await signUp(who!, 'activity', 'ac-late');
    expect(late.ok || late.error.code).toBe('ENROLL.CLOSED');
    const soon = dataOf(await signUp(who!, 'activity', 'ac-soon')).me;
    expect(soon).toMatchObject({ state: 'enrolled', canCancel: false, blockedReason: '活动开始前2小时内不能取消。如有急事请联系老干部局' });
    const refused = await cloud.call('enrollment', 'cancel', { enrollmentId: soon.enrollmentId }, who!);
    expect(refused.ok || refused.error).toEqual({ code: 'ENROLL.CANCEL_CLOSED', message: soon.blockedReason });
    const fine = dataOf(await signUp(who!, 'activity', 'ac-fine')).me;
    expect(dataOf(await cloud.call('enrollment', 'cancel', { enrollmentId: fine.enrollmentId }, who!)).me.state).toBe('cancelled');
    const doc = (await cloud.db.collection('activities').doc('ac-fine').get()).data as ActivityDoc;
    expect(doc).toMatchObject({ taken: 0, line: [] });
  });
});

describe('helpers and 我的报名', () => {
  it('lets a helper sign up for the member, audited, and lists it in the member’s 我的报名', async () => {
    const [who] = await members(cloud, 'hm', 1);
    await insert(cloud.db, 'accounts', [account('hm-helper', { role: 'helper', actsFor: memberIdOf(who!), name: '王晓梅', relation: '女儿' })]);
    await insert(cloud.db, 'activities', [activity('ac-help', 6)]);
    const me = dataOf(await signUp('hm-helper', 'activity', 'ac-help')).me;
    expect(me.enrollmentId).toBe(`activity~ac-help~${memberIdOf(who!)}`);
    const log = (await cloud.db.collection('auditLog').where({ memberId: memberIdOf(who!) }).get()).data;
    expect(log).toEqual([expect.objectContaining({ actorName: '王晓梅', action: 'enrollment.signUp', detail: '替您报名：活动ac-help' })]);
    const mine = dataOf(await cloud.call('enrollment', 'mine', {}, who!));
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'activity', kindLabel: '活动', title: '活动ac-help', place: '县老年活动中心', me: expect.objectContaining({ label: '已报名', next: '按时到场，到场后扫码签到' }) })]);
    const helperView = dataOf(await cloud.call('enrollment', 'mine', {}, 'hm-helper'));
    expect(helperView.viewer).toEqual({ name: '王晓梅', onBehalf: true, memberName: '张建国' });
    // a revoked helper is refused
    await cloud.db.collection('accounts').where({ openid: 'hm-helper' }).update({ data: { revokedAt: new Date() } });
    const revoked = await cloud.call('enrollment', 'cancel', { enrollmentId: me.enrollmentId }, 'hm-helper');
    expect(revoked.ok || revoked.error.code).toBe('AUTH.HELPER_REVOKED');
  });
});

describe('bad input', () => {
  it.each([
    ['an operator object as target', { kind: 'course', targetId: { $ne: '' } }],
    ['an operator key', { kind: 'course', targetId: 'x', $where: '1' }],
    ['an unknown kind', { kind: 'party', targetId: 'x' }],
    ['a missing target', { kind: 'course' }],
    ['a memberId smuggled in', { kind: 'course', targetId: 'x', memberId: 'm-other' }],
    ['an over-long id', { kind: 'course', targetId: 'x'.repeat(65) }],
    ['a number', { kind: 'course', targetId: 42 }],
  ])('refuses %s', async (_label, payload) => {
    const [who] = await members(cloud, `bad${Math.random().toString(36).slice(2, 8)}`, 1);
    const answer = await cloud.call('enrollment', 'signUp', payload, who!);
    expect(answer.ok || answer.error.code).toBe('INPUT.INVALID');
  });

  it.each([['course~x'], ['course~x~y~z'], ['party~x~y'], ['course~$ne~y'], [{ $gt: '' }]])('refuses enrollment id %p', async (enrollmentId) => {
    const answer = await cloud.call('enrollment', 'cancel', { enrollmentId }, 'g-staff');
    expect(answer.ok || answer.error.code).toBe('INPUT.INVALID');
  });

  it('refuses a WeChat with no account and staff acting as a member', async () => {
    const stranger = await cloud.call('enrollment', 'mine', {}, 'nobody');
    expect(stranger.ok || stranger.error.code).toBe('AUTH.NOT_MEMBER');
    const staff = await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: 'ac-fine' }, 'g-staff');
    expect(staff.ok || staff.error.code).toBe('AUTH.FORBIDDEN');
  });
});
