/**
 * The inbox nothing falls out of: every message lands in the member's 消息 whether WeChat took it or not;
 * permissions are counted per WeChat and template; those WeChat cannot reach are on staff's 需电话通知 list.
 */
import { account, activity, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { outbox } from './enrollment-kit';
import { beijing, triggersAt, stopCloud } from './messages-kit';

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-app', { rosterNo: 'R-app', name: '李有微信', phone: '13900000001' }),
    member('m-none', { rosterNo: 'R-none', name: '赵没微信', phone: '13900000002' }),
  ]);
  await insert(cloud.db, 'accounts', [
    account('o-app', { memberId: 'm-app', name: '李有微信' }),
    account('o-staff', { role: 'staff', name: '张丽' }),
  ]);
}, 120_000);
afterAll(() => stopCloud(cloud));

const at = (day: string, hour: string) => beijing(`2030-04-${day} ${hour}`);

async function addActivity(id: string, day: string): Promise<void> {
  const startAt = at(day, '09:00');
  await insert(cloud.db, 'activities', [
    activity(id, 0, { title: `讲座${id}`, startAt, endAt: new Date(startAt.getTime() + 3600_000), seats: 10, taken: 2, line: ['m-app', 'm-none'] }),
  ]);
}

test('permissions are counted down; unreached members land on the phone list; the inbox holds everything', async () => {
  const triggers = triggersAt(cloud, at('01', '12:00'));
  // the member allows one reminder; their phone lets notifications through
  const granted = await cloud.call('messages', 'permissions', { accepted: ['TPL_ACTIVITY_REMINDER'], rejected: [], notificationAuthorized: true }, 'o-app');
  expect(dataOf(granted).recorded).toBe(1);
  await addActivity('one', '03');
  await addActivity('two', '05');

  await triggers.moveClock(at('02', '18:05'));
  // one permission: one WeChat message; the member without WeChat only in the inbox
  expect((await outbox(cloud)).filter((m) => m.touser === 'o-app')).toHaveLength(1);
  await triggers.moveClock(at('04', '18:05'));
  // no permission left: nothing more to WeChat (the 2-hour reminder of one, the day-before of two), yet the inbox has them
  expect((await outbox(cloud)).filter((m) => m.touser === 'o-app')).toHaveLength(1);

  const home = dataOf(await cloud.call('catalog', 'home', {}, 'o-app'));
  expect(home.unreadMessages).toBe(3);
  const inbox = dataOf(await cloud.call('messages', 'inbox', {}, 'o-app'));
  expect(inbox.items.map((item) => item.title)).toEqual(['明天活动提醒：讲座two', '活动快开始了：讲座one', '明天活动提醒：讲座one']);
  expect(inbox.items.every((item) => !item.read)).toBe(true);
  expect(dataOf(await cloud.call('catalog', 'home', {}, 'o-app')).unreadMessages).toBe(0);

  // staff: all of 赵没微信's reminders and the ones 李有微信 had no permission for
  const list = dataOf(await cloud.call('messages', 'phoneList', {}, 'o-staff'));
  expect(list.rows.map((row) => `${row.name} ${row.title}`).sort()).toEqual([
    '李有微信 明天活动提醒：讲座two',
    '李有微信 活动快开始了：讲座one',
    '赵没微信 明天活动提醒：讲座one',
    '赵没微信 明天活动提醒：讲座two',
    '赵没微信 活动快开始了：讲座one',
  ]);
  expect(list.rows.find((row) => row.name === '赵没微信')?.phone).toBe('13900000002');
  const first = list.rows[0];
  if (!first) throw new Error('no row');
  dataOf(await cloud.call('messages', 'phoned', { messageId: first.messageId }, 'o-staff'));
  const after = dataOf(await cloud.call('messages', 'phoneList', {}, 'o-staff'));
  expect(after.rows).toHaveLength(4);
  expect(after.rows.map((row) => row.messageId)).not.toContain(first.messageId);

  // members may not read the phone list
  const refused = await cloud.call('messages', 'phoneList', {}, 'o-app');
  expect(refused.ok).toBe(false);
}, 120_000);
