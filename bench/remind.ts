/**
 * `npm run bench:remind`: the day-before reminders for 5,000 members holding places across 200 activities
 * tomorrow, in one run of the scheduler's timer trigger (the bundled function through local/runtime, the
 * emulator CLI in a child process), then the same trigger fired again.
 * Last line: {"reminders","ms","dbRequests","dbRequestsPerReminder","secondRunSent","duplicates",...}.
 */
import { printFigures, runBench, seedMembers, sum } from './kit';
import * as local from '../test/support/local-cloud';

const MEMBERS = 5000;
const ACTIVITIES = 200;
const PER_ACTIVITY = MEMBERS / ACTIVITIES;
/** Beijing 2031-03-04 18:00, the evening before */
const EVENING = new Date('2031-03-04T18:00:00+08:00');

runBench('remind', async ({ db, runtime, emulatorUrl }) => {
  const openids = Array.from({ length: MEMBERS }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
  await seedMembers(db, openids);
  const activities = Array.from({ length: ACTIVITIES }, (_, a) => {
    const startAt = new Date(`2031-03-05T${String(8 + (a % 10)).padStart(2, '0')}:${a % 2 ? '30' : '00'}:00+08:00`);
    return {
      _id: `bench-act-${String(a).padStart(3, '0')}`,
      title: `第${a + 1}场：银龄健身操展示暨经验交流活动`,
      kind: '座谈会',
      description: '',
      place: `县老干部活动中心${(a % 5) + 1}楼多功能厅`,
      startAt,
      endAt: new Date(startAt.getTime() + 2 * 3600_000),
      signupDeadline: new Date(startAt.getTime() - 24 * 3600_000),
      seats: PER_ACTIVITY,
      taken: PER_ACTIVITY + 2,
      walkUpAllowed: false,
      status: 'published',
      // 25 holding places, then 2 waiting (never reminded)
      line: [...openids.slice(a * PER_ACTIVITY, (a + 1) * PER_ACTIVITY), ...openids.slice(0, 2).map((o) => `${o}-waiting`)].map((o) => `m-${o}`),
    };
  });
  for (let from = 0; from < activities.length; from += 50) await db.collection('activities').add({ data: activities.slice(from, from + 50) });

  const stats = () => local.dbStats(emulatorUrl);
  const outbox = () => local.outbox(emulatorUrl);
  await local.resetStats(emulatorUrl);

  const started = performance.now();
  const first = (await runtime.invokeTimer('scheduler', 'tick', EVENING)) as { ok: boolean; data: { remindDay: { written: number; done: boolean } } };
  const ms = Math.round(performance.now() - started);
  const firstStats = await stats();
  const { 'wx.openApi': openApiCalls = 0, ...dbStats } = firstStats;
  const dbRequests = sum(dbStats);
  const sent = await outbox();

  await fetch(`${emulatorUrl}/_local/stats/reset`, { method: 'POST' });
  const second = (await runtime.invokeTimer('scheduler', 'tick', EVENING)) as { ok: boolean };
  const again = (await runtime.invokeTimer('scheduler', 'tick', new Date(EVENING.getTime() + 10 * 60_000))) as { ok: boolean };
  const after = await outbox();
  const keys = after.map((m) => `${m.touser}|${m.data.thing1?.value}`);
  const duplicates = keys.length - new Set(keys).size;
  const inbox = (await db.collection('messages').count()) as { total: number };

  const reminders = sent.length;
  const result = {
    reminders,
    inboxRows: inbox.total,
    ms,
    remindersPerSec: Math.round((reminders / ms) * 1000),
    dbRequests,
    dbRequestsPerReminder: Number((dbRequests / reminders).toFixed(3)),
    openApiCalls,
    done: first.data?.remindDay?.done ?? false,
    secondRunSent: after.length - sent.length,
    duplicates,
    ok: first.ok && second.ok && again.ok,
    dbByAction: dbStats,
  };
  printFigures(
    `bench:remind: ${MEMBERS} members holding places across ${ACTIVITIES} activities tomorrow, one trigger run`,
    [
      ['reminders sent (WeChat)', reminders],
      ['inbox rows written', inbox.total],
      ['time of the run', `${ms} ms`],
      ['database requests', dbRequests],
      ['db requests per reminder (goal ≤ 1.2)', result.dbRequestsPerReminder],
      ['finished within one run', result.done],
      ['sent by two more runs', result.secondRunSent],
      ['duplicates', duplicates],
    ],
    result,
  );
  if (reminders !== MEMBERS || duplicates !== 0 || result.secondRunSent !== 0) process.exitCode = 1;
});
