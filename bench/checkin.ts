/**
 * `npm run bench:checkin`: check-in at the venue through the real wx-server-sdk and the emulator (its CLI in a
 * child process; the bundled `checkin` function in this process through local/runtime, as the preview runs it).
 * 500 signed-up members check in to one activity within one simulated minute — all at once, half with the code the
 * board shows now and half with the previous slot's code (a minute spans two 30-second codes) — mixed with 200
 * second scans by some of them at the same instant, and 100 scans of expired codes (photos forwarded a minute or
 * more ago). Exactly 500 answers must say 签到成功 and 200 say 您已签到.
 * Last line: {"checkedIn","duplicates","rejected","checkinsPerSec","p95Ms",...}.
 */
import { issueToken } from '../cloudfunctions/checkin/token';
import type { BoardData, ScanData } from '../src/shared/contracts-checkin';
import type { CheckinSecretDoc } from '../src/shared/documents';
import type { Result } from '../src/shared/result';
import { SLOT_SECONDS } from '../src/shared/timebank-rules';
import { percentile, printFigures, runBench, seedMembers, sum } from './kit';

const MEMBERS = 500;
const REPEATS = 200;
const EXPIRED = 100;
const ACTIVITY = 'bench-activity';
const STAFF = 'bench-staff';

runBench('checkin', async ({ db, runtime, emulatorUrl }) => {
  const openids = Array.from({ length: MEMBERS }, (_, i) => `bench-${String(i).padStart(3, '0')}`);
  const memberIds = openids.map((o) => `m-${o}`);
  const now = Date.now();
  // 500 sign-ups already made (as the enrollment function stores them: enrollments + the activity's line)
  await seedMembers(db, openids, 250);
  for (let from = 0; from < MEMBERS; from += 250) {
    const chunk = openids.slice(from, from + 250);
    await db.collection('enrollments').add({
      data: chunk.map((o) => ({
        _id: `activity~${ACTIVITY}~m-${o}`, kind: 'activity', targetId: ACTIVITY, postId: null, memberId: `m-${o}`, termId: null,
        termSlot: `activity~${ACTIVITY}~m-${o}`, status: 'active', title: '县情通报会', createdAt: new Date(), updatedAt: new Date(), byOpenid: o,
      })),
    });
  }
  await db.collection('accounts').add({ data: { _id: 'acc-staff', openid: STAFF, role: 'staff', name: '张丽', memberId: null, actsFor: null, leads: [], bindingKey: `openid:${STAFF}`, createdAt: new Date() } });
  await db.collection('activities').add({
    data: {
      _id: ACTIVITY, title: '县情通报会', kind: '情况通报会', description: '', place: '县委老干部局二楼会议室',
      startAt: new Date(now + 10 * 60_000), endAt: new Date(now + 130 * 60_000), signupDeadline: new Date(now - 3600_000),
      seats: MEMBERS, taken: MEMBERS, walkUpAllowed: false, status: 'published', line: memberIds,
    },
  });

  const invoke = async <T>(action: string, payload: unknown, openid: string) =>
    (await runtime.invoke('checkin', { action, payload }, { openid })) as Result<T>;
  // the staff board is open (warm instance, code key set, secret created)
  const boardStarted = performance.now();
  const board = await invoke<BoardData>('board', { kind: 'activity', id: ACTIVITY }, STAFF);
  const boardMs = Math.round(performance.now() - boardStarted);
  if (!board.ok) throw new Error(`board failed: ${JSON.stringify(board.error)}`);
  const secretDoc = (await db.collection('settings').where({ _id: 'checkinSecret' }).get()).data[0] as CheckinSecretDoc;
  const secret = Buffer.from(secretDoc.secret, 'base64');
  const current = board.data.code.token;
  const previous = issueToken(secret, 'activity', ACTIVITY, Date.now() - SLOT_SECONDS * 1000).token;
  const expired = (i: number) => issueToken(secret, 'activity', ACTIVITY, Date.now() - (2 + (i % 4)) * SLOT_SECONDS * 1000).token;

  await fetch(`${emulatorUrl}/_local/stats/reset`, { method: 'POST' });
  type Kind = 'first' | 'repeat' | 'expired';
  // everything at once: 500 first scans, 200 of those members scanning a second time, 100 expired codes
  const scans: { kind: Kind; openid: string; token: string }[] = [
    ...openids.map((o, i) => ({ kind: 'first' as const, openid: o, token: i % 2 ? previous : current })),
    ...openids.slice(0, REPEATS).map((o) => ({ kind: 'repeat' as const, openid: o, token: current })),
    ...Array.from({ length: EXPIRED }, (_, i) => ({ kind: 'expired' as const, openid: openids[(i * 7) % MEMBERS] as string, token: expired(i) })),
  ];
  // interleave deterministically so each kind is spread through the burst
  scans.sort((a, b) => (a.openid + a.kind).localeCompare(b.openid + b.kind));
  const latencies: number[] = [];
  const started = performance.now();
  const answers = await Promise.all(
    scans.map(async (s) => {
      const t0 = performance.now();
      const answer = await invoke<ScanData>('scan', { token: s.token }, s.openid);
      latencies.push(performance.now() - t0);
      return { ...s, answer };
    }),
  );
  const burstMs = performance.now() - started;
  const stats = (await (await fetch(`${emulatorUrl}/_local/stats`)).json()) as { requests: Record<string, number> };

  const docs = (await db.collection('checkins').where({ targetId: ACTIVITY }).limit(1000).get()).data as { _id: string; memberId: string }[];
  const checkedIn = new Set(docs.map((d) => d.memberId)).size;
  const duplicates = docs.length - checkedIn;
  const outcomes = (outcome: string) => answers.filter((a) => a.answer.ok && a.answer.data.outcome === outcome).length;
  const rejected = answers.filter((a) => !a.answer.ok && a.answer.error.code === 'CHECKIN.CODE_EXPIRED').length;
  const otherFailures = answers.filter((a) => !a.answer.ok && a.answer.error.code !== 'CHECKIN.CODE_EXPIRED').length;
  const after = await invoke<BoardData>('board', { kind: 'activity', id: ACTIVITY }, STAFF);

  const result = {
    checkedIn,
    duplicates,
    rejected,
    answeredCheckedIn: outcomes('checkedIn'),
    answeredAlready: outcomes('already'),
    expiredAccepted: answers.filter((a) => a.kind === 'expired' && a.answer.ok).length,
    otherFailures,
    boardCount: after.ok ? after.data.counts.checkedIn : -1,
    checkinsPerSec: Math.round((MEMBERS / burstMs) * 1000),
    scansPerSec: Math.round((scans.length / burstMs) * 1000),
    p50Ms: Math.round(percentile(latencies, 50)),
    p95Ms: Math.round(percentile(latencies, 95)),
    dbRequestsPerScan: Number((sum(stats.requests) / scans.length).toFixed(2)),
    boardMs,
  };
  const rows: [string, string | number][] = [
    ['members signed up', MEMBERS],
    ['burst: first scans (half on the previous slot’s code)', MEMBERS],
    ['burst: second scans by 200 of them (same instant)', REPEATS],
    ['burst: scans of expired codes', EXPIRED],
    ['checked in (distinct members, stored)', result.checkedIn],
    ['duplicate check-ins', result.duplicates],
    ['answered 签到成功 / 您已签到', `${result.answeredCheckedIn} / ${result.answeredAlready}`],
    ['expired codes rejected', `${result.rejected} (accepted: ${result.expiredAccepted})`],
    ['other failures', result.otherFailures],
    ['board live count afterwards', result.boardCount],
    ['burst wall time (ms)', Math.round(burstMs)],
    ['new check-ins per second / scans per second', `${result.checkinsPerSec} / ${result.scansPerSec}`],
    ['latency p50 / p95 (ms)', `${result.p50Ms} / ${result.p95Ms}`],
    ['db requests per scan', `${result.dbRequestsPerScan}  ${JSON.stringify(stats.requests)}`],
    ['board with QR image, first call (ms)', boardMs],
  ];
  printFigures('check-in burst: emulator in a child process, checkin function in-process via local/runtime', rows, result);
  const okay = checkedIn === MEMBERS && duplicates === 0 && result.answeredCheckedIn === MEMBERS && result.answeredAlready === REPEATS && rejected === EXPIRED && otherFailures === 0 && result.boardCount === MEMBERS;
  if (!okay) process.exitCode = 1;
});
