/**
 * Every sign-up screen answers who is acting (actingFor), so a helper's screen needs no member.me call; the activity
 * screen also says whether the viewer runs its check-in (a leader of it).
 */
import type { AssociationDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { account, activity, course } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { memberIdOf, members } from './enrollment-kit';

let cloud: CloudHarness;
let who: string;

const SCREENS: [string, Record<string, string>][] = [
  ['associations', {}],
  ['association', { associationId: 'sa-1' }],
  ['teams', {}],
  ['team', { teamId: 'st-1' }],
  ['courses', {}],
  ['course', { courseId: 'sc-1' }],
  ['activities', {}],
  ['activity', { activityId: 'sac-1' }],
  ['mine', {}],
];

beforeAll(async () => {
  cloud = await startCloud();
  [who] = (await members(cloud, 'sx', 1)) as [string];
  const assoc: AssociationDoc = { _id: 'sa-1', name: '老年京剧协会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'open', memberCount: 3 };
  const team: VolunteerTeamDoc = { _id: 'st-1', name: '红色传承', category: '送思想', description: '', skills: [], leaderMemberId: null, posts: [] };
  await insert(cloud.db, 'associations', [assoc]);
  await insert(cloud.db, 'volunteerTeams', [team]);
  await insert(cloud.db, 'courses', [course('sc-1', 'term-sx')]);
  await insert(cloud.db, 'activities', [activity('sac-1', 3), activity('sac-2', 3)]);
  await insert(cloud.db, 'accounts', [
    account('sx-helper', { role: 'helper', actsFor: memberIdOf(who), name: '王晓梅', relation: '女儿' }),
    account('sx-leader', { role: 'leader', memberId: 'm-sx-leader', leads: [{ kind: 'activity', id: 'sac-1' }] }),
  ]);
});
afterAll(() => cloud?.stop());

const screen = async (action: string, payload: object, openid: string) =>
  dataOf(await cloud.call('enrollment', action as 'mine', payload, openid)) as unknown as { actingFor: unknown; runsCheckin?: boolean };

describe('who is acting, on every sign-up screen', () => {
  it.each(SCREENS)('%s: the helper is told whom they act for, the member gets null', async (action, payload) => {
    expect((await screen(action, payload, 'sx-helper')).actingFor).toEqual({ memberId: memberIdOf(who), name: '张建国' });
    expect((await screen(action, payload, who)).actingFor).toBeNull();
  });

  it('offers the 签到码 on an activity only to the leader who runs it', async () => {
    expect((await screen('activity', { activityId: 'sac-1' }, 'sx-leader')).runsCheckin).toBe(true);
    expect((await screen('activity', { activityId: 'sac-2' }, 'sx-leader')).runsCheckin).toBe(false);
    expect((await screen('activity', { activityId: 'sac-1' }, who)).runsCheckin).toBe(false);
    expect((await screen('activity', { activityId: 'sac-1' }, 'sx-helper')).runsCheckin).toBe(false);
  });

  it('also on the helper’s suggestion screens (我的建议)', async () => {
    const mine = dataOf(await cloud.call('suggestion', 'mine', {}, 'sx-helper'));
    expect(mine.actingFor).toEqual({ memberId: memberIdOf(who), name: '张建国' });
    expect(dataOf(await cloud.call('suggestion', 'mine', {}, who)).actingFor).toBeNull();
  });

  it('still refuses a revoked helper', async () => {
    await insert(cloud.db, 'accounts', [account('sx-revoked', { role: 'helper', actsFor: memberIdOf(who), revokedAt: new Date() })]);
    const answer = await cloud.call('enrollment', 'associations', {}, 'sx-revoked');
    expect(answer.ok || answer.error.code).toBe('AUTH.HELPER_REVOKED');
  });
});

describe('a tap reuses the account its screen read only for a member acting for themself', () => {
  it('refuses a helper revoked between the screen and the tap', async () => {
    await insert(cloud.db, 'accounts', [account('sx-late', { role: 'helper', actsFor: memberIdOf(who), name: '李华' })]);
    expect((await screen('activity', { activityId: 'sac-2' }, 'sx-late')).actingFor).toEqual({ memberId: memberIdOf(who), name: '张建国' });
    await cloud.db.collection('accounts').where({ openid: 'sx-late' }).update({ data: { revokedAt: new Date() } });
    const tap = await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: 'sac-2' }, 'sx-late');
    expect(tap.ok || tap.error.code).toBe('AUTH.HELPER_REVOKED');
    expect((await cloud.db.collection('enrollments').where({ targetId: 'sac-2' }).count()).total).toBe(0);
  });

  it('reads the account afresh for staff actions, so a role taken away is felt at once', async () => {
    await insert(cloud.db, 'accounts', [account('sx-staff', { role: 'staff', memberId: null })]);
    expect((await cloud.call('enrollment', 'approvals', {}, 'sx-staff')).ok).toBe(true);
    await cloud.db.collection('accounts').where({ openid: 'sx-staff' }).update({ data: { role: 'member', memberId: 'm-sx-staff' } });
    const after = await cloud.call('enrollment', 'approvals', {}, 'sx-staff');
    expect(after.ok || after.error.code).toBe('AUTH.FORBIDDEN');
  });
});
