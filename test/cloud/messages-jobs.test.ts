/** Timed jobs other than reminders: the lottery drawn when the sign-up window closes, and its entrants told. */
import type { CourseDoc, LotteryRecord } from '../../src/shared/documents';
import { drawLottery } from '../../src/shared/enrollment-rules';
import { account, course, member } from './fixtures';
import { insert, startCloud, type CloudHarness } from './harness';
import { outbox } from './enrollment-kit';
import { beijing, messagesOf, triggersAt, stopCloud } from './messages-kit';

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startCloud();
}, 120_000);
afterAll(() => stopCloud(cloud));

test('a lottery course is drawn when its window closes, reproducibly and audited; every entrant is told once', async () => {
  const ids = ['1', '2', '3', '4'];
  await insert(cloud.db, 'members', ids.map((id) => member(`m-${id}`, { rosterNo: `R-${id}` })));
  await insert(cloud.db, 'accounts', ids.map((id) => account(`o-${id}`, { memberId: `m-${id}` })));
  const closes = beijing('2030-05-01 17:00');
  await insert(cloud.db, 'courses', [
    course('c-lottery', '2030-spring', {
      title: '书法（楷书）',
      mode: 'lottery',
      seats: 2,
      taken: 4,
      line: ['m-1', 'm-2', 'm-3', 'm-4'],
      enrollOpensAt: beijing('2030-04-20 09:00'),
      enrollClosesAt: closes,
    }),
  ]);
  const triggers = triggersAt(cloud, beijing('2030-05-01 16:00'));
  await triggers.moveClock(beijing('2030-05-01 16:55'));
  let doc = (await cloud.db.collection('courses').doc('c-lottery').get()) as { data: CourseDoc };
  expect(doc.data.lottery).toBeUndefined();

  await triggers.moveClock(beijing('2030-05-01 17:05'));
  doc = (await cloud.db.collection('courses').doc('c-lottery').get()) as { data: CourseDoc };
  const record = doc.data.lottery as LotteryRecord;
  expect(record.drawnBy).toBe('系统（报名截止自动摇号）');
  expect(record.winners).toHaveLength(2);
  expect(drawLottery(record.entrants, record.places, record.seed).winners).toEqual(record.winners);
  const audit = (await cloud.db.collection('staffAudit').where({ action: 'scheduler.drawLottery' }).get()) as { data: unknown[] };
  expect(audit.data).toHaveLength(1);

  const sent = (await outbox(cloud)).filter((m) => m.templateId === 'TPL_LOTTERY_RESULT');
  expect(sent).toHaveLength(4);
  const outcomes = sent.map((m) => m.data.phrase2?.value).sort();
  expect(outcomes).toEqual(['中签', '中签', '候补', '候补']);
  for (const winner of record.winners) expect((await messagesOf(cloud, winner)).map((m) => m.title)).toEqual(['书法（楷书）摇号结果：中签']);

  await triggers.moveClock(beijing('2030-05-01 18:00'));
  expect((await outbox(cloud)).filter((m) => m.templateId === 'TPL_LOTTERY_RESULT')).toHaveLength(4);
}, 120_000);

test('a suggestion with no change past the configured days escalates once, visibly on the staff workbench', async () => {
  await insert(cloud.db, 'accounts', [account('o-staff', { role: 'staff', name: '张丽' })]);
  await insert(cloud.db, 'settings', [{ _id: 'suggestion', dailyLimit: 3, departments: ['县民政局'], escalateAfterDays: 5 }]);
  const suggestion = (id: string, status: string, updatedAt: Date) => ({
    _id: id,
    trackingNo: `JY-2030-0000${id.slice(-1)}`,
    memberId: 'm-1',
    memberName: '成员',
    category: 'other',
    text: '小区路灯坏了',
    photos: [],
    hideName: false,
    status,
    outcome: null,
    department: null,
    reply: null,
    timeline: [],
    submittedAt: updatedAt,
    acceptedAt: null,
    concludedAt: null,
    updatedAt,
  });
  await insert(cloud.db, 'suggestions', [
    suggestion('s-stale1', 'accepted', beijing('2030-05-20 10:00')),
    suggestion('s-fresh2', 'accepted', beijing('2030-05-24 10:00')),
    suggestion('s-done3', 'concluded', beijing('2030-05-20 10:00')),
  ]);
  const triggers = triggersAt(cloud, beijing('2030-05-25 09:00'));
  await triggers.moveClock(beijing('2030-05-25 10:30'));
  const read = async (id: string) => ((await cloud.db.collection('suggestions').doc(id).get()) as { data: { escalatedAt?: Date } }).data.escalatedAt;
  expect(await read('s-stale1')).toBeInstanceOf(Date);
  expect(await read('s-fresh2')).toBeUndefined();
  expect(await read('s-done3')).toBeUndefined();
  const queue = await cloud.call('suggestion', 'queue', {}, 'o-staff');
  if (!queue.ok) throw new Error(JSON.stringify(queue.error));
  expect(queue.data.items.filter((item) => item.escalated).map((item) => item.id)).toEqual(['s-stale1']);
  await triggers.moveClock(beijing('2030-05-25 12:00'));
  const audit = (await cloud.db.collection('staffAudit').where({ action: 'scheduler.escalateSuggestions' }).get()) as { data: unknown[] };
  expect(audit.data).toHaveLength(1);
}, 120_000);

test('each morning from 08:00 staff are told which care visits fall due, once a day', async () => {
  await insert(cloud.db, 'members', [member('m-ill', { rosterNo: 'R-ill', name: '孙住院', hospitalizedAt: beijing('2030-06-01 10:00') })]);
  const triggers = triggersAt(cloud, beijing('2030-06-03 07:00'));
  await triggers.moveClock(beijing('2030-06-03 07:55'));
  const visitsSent = async () => (await outbox(cloud)).filter((m) => m.templateId === 'TPL_VISITS_DUE');
  expect(await visitsSent()).toHaveLength(0);
  await triggers.moveClock(beijing('2030-06-03 09:00'));
  const sent = await visitsSent();
  expect(sent.map((m) => m.touser)).toEqual(['o-staff']);
  expect(sent[0]?.data.number2?.value).toBe('1');
  const inbox = await cloud.call('messages', 'inbox', {}, 'o-staff');
  if (!inbox.ok) throw new Error(JSON.stringify(inbox.error));
  expect(inbox.data.items[0]?.body).toContain('孙住院（住院）');
  await triggers.moveClock(beijing('2030-06-04 08:05'));
  expect(await visitsSent()).toHaveLength(2);
}, 120_000);
