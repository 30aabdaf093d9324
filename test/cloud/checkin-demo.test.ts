/** The demo county as the preview serves it: staff open the check-in board, the demo member scans and sees it. */
import { seed } from '../../local/seed';
import { DEMO_PEOPLE } from '../../local/seed/demo-accounts';
import { dataOf, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startCloud();
  await seed(cloud.db, { now: new Date() });
});
afterAll(() => cloud?.stop());

it('staff open the open-day board; the demo member scans its code, walks up, and finds it in their records', async () => {
  const board = dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'activity-kaifangri' }, 'demo-staff'));
  expect(board.target).toMatchObject({ walkUpAllowed: true, window: { phase: 'open' } });
  const scanned = dataOf(await cloud.call('checkin', 'scan', { token: board.code.token }, 'demo-member'));
  expect(scanned).toMatchObject({ outcome: 'checkedIn', walkUp: true, memberName: DEMO_PEOPLE.member.name });
  const mine = dataOf(await cloud.call('checkin', 'mine', {}, 'demo-member'));
  expect(mine.attendance[0]).toMatchObject({ targetId: 'activity-kaifangri', title: '老干部活动中心开放日' });
  expect(mine).toMatchObject({ totalHours: 5, certificate: { name: DEMO_PEOPLE.member.name, issuer: '中共示例县委老干部局' } });
  expect(mine.entries.filter((e) => e.kind === 'reversal').map((e) => e.reason)).toEqual(['探访记录核对：当天实际服务1小时，已按实际时长更正']);
  // the team leader runs the board of their team's session
  const session = dataOf(await cloud.call('checkin', 'board', { kind: 'session', id: 'session-tiaojie-zhiban-next' }, 'demo-leader'));
  expect(session.target).toMatchObject({ kind: 'session', title: '矛盾纠纷调解队·综治中心值班', window: { phase: 'open' } });
});
