/**
 * Reminders through the real timer trigger: the local clock moves, the scheduler fires on its cron, and every
 * member holding a place (and their helper) is told, once; the waitlisted and the cancelled are not.
 */
import { REMINDER_KEYWORDS } from '../../src/shared/messages';
import { account, activity, member } from './fixtures';
import { insert, startCloud, type CloudHarness } from './harness';
import { clearOutbox, outbox, resetStats } from './enrollment-kit';
import { beijing, messagesOf, triggersAt, stopCloud } from './messages-kit';

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startCloud();
}, 120_000);
afterAll(() => stopCloud(cloud));

const START = beijing('2030-03-04 10:00');
const MATCH = beijing('2030-03-05 09:30');

beforeAll(async () => {
  const ids = ['a', 'b', 'c', 'w', 'x'];
  await insert(cloud.db, 'members', ids.map((id) => member(`m-${id}`, { rosterNo: `R-${id}` })));
  await insert(cloud.db, 'accounts', [
    ...ids.map((id) => account(`o-${id}`, { memberId: `m-${id}`, name: `成员${id}` })),
    account('o-helper', { role: 'helper', memberId: null, actsFor: 'm-a', name: '女儿', bindingKey: 'openid:o-helper' }),
    account('o-gone', { role: 'helper', memberId: null, actsFor: 'm-b', name: '撤销的', bindingKey: 'openid:o-gone', revokedAt: new Date(0) }),
  ]);
  await insert(cloud.db, 'activities', [
    // 3 places: a, b, c hold them; w waits; x cancelled (left the line)
    activity('act-tomorrow', 0, {
      title: '“银龄杯”门球友谊赛暨全县老年人体育健身展示活动',
      place: '县全民健身中心门球场（北门进，右手第二块场地）',
      startAt: MATCH,
      endAt: new Date(MATCH.getTime() + 3 * 3600_000),
      seats: 3,
      taken: 4,
      line: ['m-a', 'm-b', 'm-c', 'm-w'],
      bring: '自带球杆和水杯',
    }),
    activity('act-cancelled', 0, { startAt: MATCH, status: 'cancelled', seats: 5, taken: 1, line: ['m-x'] }),
  ]);
});

test('the evening before: one reminder per member holding a place and their helper, none for the waitlisted; firing twice sends once', async () => {
  const triggers = triggersAt(cloud, START);
  await clearOutbox(cloud);
  await resetStats(cloud);
  // 17:55: not yet evening, nothing goes out
  let fired = await triggers.moveClock(beijing('2030-03-04 17:55'));
  expect(fired.length).toBeGreaterThan(40); // every 10 minutes since 10:00
  expect(fired.every((f) => f.ok && f.functionName === 'scheduler')).toBe(true);
  expect(await outbox(cloud)).toEqual([]);

  fired = await triggers.moveClock(beijing('2030-03-04 18:05'));
  expect(fired.map((f) => f.at)).toEqual([beijing('2030-03-04 18:00').toISOString()]);
  const sent = await outbox(cloud);
  expect(sent.map((m) => m.touser).sort()).toEqual(['o-a', 'o-b', 'o-c', 'o-helper']);
  const [first] = sent;
  expect(first?.templateId).toBe('TPL_ACTIVITY_REMINDER');
  const data = first?.data ?? {};
  expect(data[REMINDER_KEYWORDS.time]?.value).toBe('2030年3月5日 09:30');
  expect([...(data[REMINDER_KEYWORDS.what]?.value ?? '')].length).toBeLessThanOrEqual(20);
  expect([...(data[REMINDER_KEYWORDS.place]?.value ?? '')].length).toBeLessThanOrEqual(20);
  expect(data[REMINDER_KEYWORDS.bring]?.value).toBe('自带球杆和水杯');

  // the inbox holds it for each holder, none for the waitlisted or the cancelled
  for (const id of ['a', 'b', 'c']) expect((await messagesOf(cloud, `m-${id}`)).map((m) => m.delivery)).toEqual(['wechat']);
  expect(await messagesOf(cloud, 'm-w')).toEqual([]);
  expect(await messagesOf(cloud, 'm-x')).toEqual([]);

  // the same minute fired again (a retry) sends nothing more
  await cloud.runtime.invokeTimer('scheduler', 'tick', beijing('2030-03-04 18:00'));
  await cloud.runtime.invokeTimer('scheduler', 'tick', beijing('2030-03-04 18:10'));
  expect(await outbox(cloud)).toHaveLength(4);

  // about two hours before: the second reminder, once
  await triggers.moveClock(beijing('2030-03-05 07:45'));
  const soon = (await outbox(cloud)).slice(4);
  expect(soon.map((m) => m.touser).sort()).toEqual(['o-a', 'o-b', 'o-c', 'o-helper']);
  await triggers.moveClock(beijing('2030-03-05 10:00'));
  expect(await outbox(cloud)).toHaveLength(8);
  expect((await messagesOf(cloud, 'm-a')).map((m) => m.title)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^明天活动提醒：/), expect.stringMatching(/^活动快开始了：/)]),
  );
}, 120_000);

test('only the timer may run the scheduler', async () => {
  const answer = (await cloud.runtime.invoke('scheduler', { Type: 'Timer', TriggerName: 'tick' }, { openid: 'o-a' })) as { ok: boolean };
  expect(answer.ok).toBe(false);
});

test('class sessions and volunteer sessions are reminded too, to those holding places only', async () => {
  // 2030-03-11 is a Monday: the course meets Mondays 09:00; the volunteer session is that afternoon
  const monday = beijing('2030-03-11 14:00');
  await insert(cloud.db, 'settings', [{ _id: 'currentTerm', termId: '2030-spring' }]);
  await insert(cloud.db, 'courses', [
    {
      _id: 'c-shufa', termId: '2030-spring', title: '书法（楷书）', campusId: 'campus-main', campusName: '本部', teacher: '林老师',
      weekday: 1, time: '09:00-10:30', place: '301教室', seats: 1, taken: 2, fee: 0,
      enrollOpensAt: beijing('2030-02-20 09:00'), enrollClosesAt: beijing('2030-03-01 17:00'), line: ['m-b', 'm-w'],
    },
  ]);
  await insert(cloud.db, 'volunteerTeams', [
    { _id: 't-law', name: '法律服务队', category: '送法律', description: '', skills: [], leaderMemberId: null, posts: [{ id: 'p1', name: '调解员', duties: '', capacity: 1, taken: 2, line: ['m-c', 'm-w'] }] },
  ]);
  await insert(cloud.db, 'serviceSessions', [
    { _id: 's-law', teamId: 't-law', teamName: '法律服务队', postId: null, title: '人民调解值班', place: '城关镇调解室', startAt: monday, endAt: new Date(monday.getTime() + 3 * 3600_000), mode: 'confirm', status: 'scheduled' },
  ]);
  const triggers = triggersAt(cloud, beijing('2030-03-10 17:00'));
  await clearOutbox(cloud);
  await triggers.moveClock(beijing('2030-03-10 18:05'));
  const sent = await outbox(cloud);
  const byWhat = (what: string) => sent.filter((m) => m.data[REMINDER_KEYWORDS.what]?.value === what).map((m) => m.touser).sort();
  expect(byWhat('书法（楷书）')).toEqual(['o-b']);
  expect(byWhat('人民调解值班')).toEqual(['o-c']);
  expect(sent.some((m) => m.touser === 'o-w')).toBe(false);
  expect((await messagesOf(cloud, 'm-b')).map((m) => m.title)).toContain('明天上课提醒：书法（楷书）');
}, 120_000);

test('a run cut short resumes after the last occurrence it finished, sending nothing twice', async () => {
  const at = (hour: string) => beijing(`2030-03-21 ${hour}`);
  await insert(cloud.db, 'activities', [
    activity('act-first', 0, { title: '先做完的活动', startAt: at('09:00'), endAt: at('10:00'), seats: 5, taken: 1, line: ['m-a'] }),
    activity('act-second', 0, { title: '没来得及的活动', startAt: at('10:00'), endAt: at('11:00'), seats: 5, taken: 1, line: ['m-a'] }),
  ]);
  // as a run stopped by the time limit leaves it: the window being worked through, the first activity done
  await cloud.db.collection('jobs').doc('remind-day').set({
    data: { coveredUntil: beijing('2030-03-21 00:00'), pending: { to: beijing('2030-03-22 00:00'), after: `${at('09:00').toISOString()}|activity:act-first` }, updatedAt: new Date() },
  });
  await clearOutbox(cloud);
  await cloud.runtime.invokeTimer('scheduler', 'tick', beijing('2030-03-20 18:10'));
  const titles = (await outbox(cloud)).map((m) => m.data[REMINDER_KEYWORDS.what]?.value);
  expect(titles).toEqual(['没来得及的活动', '没来得及的活动']); // the member and their helper
  const state = (await cloud.db.collection('jobs').doc('remind-day').get()) as { data: { pending: unknown; coveredUntil: Date } };
  expect(state.data.pending).toBeNull();
  expect(new Date(state.data.coveredUntil)).toEqual(beijing('2030-03-22 00:00'));
}, 120_000);
