/**
 * Complete at county scale (issue 19 item 11): a county of COUNTY_MEMBERS members (default 5,000; `npm run
 * bench:county` runs 10,000), three association places each (15,000 enrollments, 1 in 20 of the first
 * waiting for approval), 25 towns, a notice to everyone and one to an association. Every staff screen's counts are
 * checked against the records, every paged list is walked to its end, and each screen's time and database requests
 * (the emulator's /_local/stats) are printed as a table.
 */
import { birthdaysOfWeek, hospitalVisitDue, weekOf } from '../../src/shared/visit-rules';
import { overdueSubmittedBefore } from '../../src/shared/suggestion-rules';
import { account, member, notice } from './fixtures';
import { dataOf, startCloud, type CloudHarness } from './harness';
import { dbStats, resetStats } from '../support/local-cloud';

const N = Number(process.env.COUNTY_MEMBERS ?? 5000);
const ASSOCIATIONS = 30;
const TOWNS = 25;
const PENDING = Math.round(N / 20) + 1; // 251 of 5,000; 501 of 10,000
const READ_SHARE = 0.4;
const ADMIN = 'openid-county-admin';
const DAY = 86_400_000;
const now = new Date();

let cloud: CloudHarness;
let groupNoticeId = '';
const table: Array<{ screen: string; ms: number; requests: number; complete: boolean }> = [];

const memberId = (i: number) => `cm-${String(i).padStart(5, '0')}`;
const associationId = (a: number) => `ca-${String(a).padStart(2, '0')}`;
const placesOf = (i: number) => [i % ASSOCIATIONS, (i + 7) % ASSOCIATIONS, (i + 13) % ASSOCIATIONS];
const isPending = (i: number, k: number) => k === 2 && i < PENDING;
const thisWeek = birthdaysOfWeek(now);
const farBirthday = (() => {
  const d = new Date(now.getTime() + 120 * DAY);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
})();
const hasBirthdayThisWeek = (i: number) => i % 50 === 0;
const isVisited = (i: number) => i % 100 === 0;
const inHospital = (i: number) => i % 167 === 1;
const readsAll = (i: number) => i < N * READ_SHARE;

async function addAll(collection: string, docs: object[]): Promise<void> {
  for (let k = 0; k < docs.length; k += 500) await cloud.db.collection(collection).add({ data: docs.slice(k, k + 500) });
}

async function stats(): Promise<number> {
  return Object.values(await dbStats(cloud.emulator.url)).reduce((a, b) => a + b, 0);
}

/** Runs one screen (possibly several calls, e.g. every page), recording time and database requests. */
async function measure<T>(screen: string, run: () => Promise<T>, check: (result: T) => boolean): Promise<T> {
  await resetStats(cloud.emulator.url);
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  const requests = await stats();
  table.push({ screen, ms, requests, complete: check(result) });
  return result;
}

async function call<T>(fn: string, action: string, payload: object): Promise<T> {
  return dataOf(await cloud.call(fn as never, action as never, payload, ADMIN)) as T;
}

/** Every page of a paged screen: [pages..., total of the first]. */
async function allPages<P extends { total: number; pageSize: number }>(fetchPage: (page: number) => Promise<P>): Promise<P[]> {
  const first = await fetchPage(1);
  const pages = [first];
  for (let page = 2; page <= Math.ceil(first.total / first.pageSize); page++) pages.push(await fetchPage(page));
  return pages;
}

beforeAll(async () => {
  cloud = await startCloud();
  const members = Array.from({ length: N }, (_, i) =>
    member(memberId(i), {
      rosterNo: `CR${i}`,
      name: `成员${i}`,
      town: `乡镇${i % TOWNS}`,
      birthday: hasBirthdayThisWeek(i) ? thisWeek[i % 7] : farBirthday,
      birthYear: 1940 + (i % 20),
      hospitalizedAt: inHospital(i) ? new Date(now.getTime() - 10 * DAY) : null,
    }),
  );
  await addAll('members', members);
  const lines: string[][] = Array.from({ length: ASSOCIATIONS }, () => []);
  const enrollments: object[] = [];
  for (let i = 0; i < N; i++) {
    placesOf(i).forEach((a, k) => {
      const pending = isPending(i, k);
      if (!pending) lines[a].push(memberId(i));
      const id = `association~${associationId(a)}~${memberId(i)}`;
      enrollments.push({
        _id: id, kind: 'association', targetId: associationId(a), postId: null, memberId: memberId(i), termId: null, termSlot: id,
        status: pending ? 'pending' : 'active', title: `协会${a}`, createdAt: now, updatedAt: new Date(now.getTime() - (N - i) * 1000), byOpenid: 'x',
      });
    });
  }
  await addAll('enrollments', enrollments);
  await addAll('associations', lines.map((line, a) => ({
    _id: associationId(a), name: `协会${a}`, purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'approval', memberCount: line.length, line,
  })));
  await addAll('accounts', [account(ADMIN, { role: 'admin', name: '县局管理员' })]);
  await addAll('notices', [notice('cn-all', 1, { title: '致全县老同志的一封信' })]);
  // a group notice as staff publish it: its audience is sized once, then (after a member leaves) kept as sent
  groupNoticeId = (await call<{ id: string }>('notice', 'publish', {
    title: '协会0排练', category: 'activity', audience: { kind: 'association', id: associationId(0) }, body: [{ type: 'paragraph', text: '周六上午' }],
  })).id;
  await addAll('noticeReads', Array.from({ length: N }, (_, i) => i).filter(readsAll).map((i) => ({
    _id: `cr-${i}`, noticeId: 'cn-all', memberId: memberId(i), readAt: now, byOpenid: 'x', byHelper: false,
  })));
  await addAll('visits', Array.from({ length: N }, (_, i) => i).filter((i) => hasBirthdayThisWeek(i) && isVisited(i)).map((i) => ({
    _id: `cv-${i}`, memberId: memberId(i), memberName: `成员${i}`, reason: 'birthday', visitedOn: weekOf(now)[i % 7], visitors: '刘芳', notes: '', byOpenid: ADMIN, byName: '县局管理员', createdAt: now,
  })));
  await addAll('suggestions', Array.from({ length: 90 }, (_, i) => ({
    _id: `cs-${i}`, trackingNo: `JY-2026-${String(i).padStart(6, '0')}`, memberId: memberId(i), memberName: `成员${i}`, category: '其他', text: '建议',
    photos: [], hideName: false, status: i < 60 ? 'submitted' : 'accepted', outcome: null, department: null, reply: null, timeline: [],
    submittedAt: new Date(now.getTime() - (i < 20 ? 30 : 0) * DAY), acceptedAt: i < 60 ? null : now, concludedAt: null, updatedAt: now,
  })));
  // the 工作台's tallies, as 数据核对 counts them from records written outside the functions (a county moving in)
  const check = await call<{ disagreements: Array<{ kind: string; id: string }> }>('staff', 'integrity', {});
  for (const item of check.disagreements) await call('staff', 'repairCounter', { kind: item.kind, id: item.id });
}, 300_000);

afterAll(async () => {
  console.log(
    `County scale: ${N} members, ${N * 3} enrollments (${PENDING} waiting for approval), ${TOWNS} towns\n` +
      ['screen'.padEnd(44) + 'ms'.padStart(7) + '  db requests  complete', ...table.map((r) => `${r.screen.padEnd(44)}${String(r.ms).padStart(7)}  ${String(r.requests).padStart(11)}  ${r.complete ? 'yes' : 'NO'}`)].join('\n'),
  );
  await cloud.stop();
});

test('工作台 counts match the records, in a few requests', async () => {
  const home = await measure('staff.home (工作台)', () => call<{ approvals: number; notices: Array<{ id: string; audienceCount: number; readCount: number }>; suggestions: Record<string, number>; visitsDue: { birthdays: number; hospital: number } }>('staff', 'home', {}), (h) => h.approvals === PENDING);
  expect(home.approvals).toBe(PENDING);
  const all = home.notices.find((n) => n.id === 'cn-all');
  expect(all).toMatchObject({ audienceCount: N, readCount: Math.ceil(N * READ_SHARE) });
  const a0 = home.notices.find((n) => n.id === groupNoticeId);
  expect(a0?.audienceCount).toBe(Array.from({ length: N }, (_, i) => i).filter((i) => placesOf(i).some((a, k) => a === 0 && !isPending(i, k))).length);
  const cutoff = overdueSubmittedBefore(now).getTime();
  expect(home.suggestions).toEqual({ submitted: 60, accepted: 30, inProgress: 0, overdue: cutoff > now.getTime() - 30 * DAY ? 20 : 0 });
  const birthdays = Array.from({ length: N }, (_, i) => i).filter((i) => hasBirthdayThisWeek(i));
  expect(home.visitsDue.birthdays).toBe(birthdays.filter((i) => !isVisited(i)).length);
  const hospital = Array.from({ length: N }, (_, i) => i).filter(inHospital);
  expect(home.visitsDue.hospital).toBe(hospital.filter(() => hospitalVisitDue(new Date(now.getTime() - 10 * DAY), null, now)).length);
  // was 14 (a group notice's audience resolved on every open), then 11: the account, the kept tallies (pending
  // counts, suggestions by status with their submission times, the roster) and one aggregate each for the notices
  // with their reads, the visits due and today's activities with their check-ins
  expect(table.at(-1)?.requests).toBeLessThanOrEqual(5);
});

test('报名审核 pages through every pending request, with the total', async () => {
  type Page = { requests: Array<{ enrollmentId: string }>; total: number; page: number; pageSize: number };
  const pages = await measure(`enrollment.approvals (all pages)`, () => allPages<Page>((page) => call('enrollment', 'approvals', { page })), (p) => p[0].total === PENDING);
  expect(pages[0].total).toBe(PENDING);
  const ids = new Set(pages.flatMap((p) => p.requests.map((r) => r.enrollmentId)));
  expect(ids.size).toBe(PENDING);
});

test('an association roster: counts over everyone, rows page by page', async () => {
  type Page = { rows: Array<{ memberId: string; state: string }>; total: number; pageSize: number; counts: { enrolled: number; pending: number } };
  const expectedActive = Array.from({ length: N }, (_, i) => i).filter((i) => placesOf(i).some((a, k) => a === 0 && !isPending(i, k))).length;
  const expectedPending = Array.from({ length: N }, (_, i) => i).filter((i) => placesOf(i).some((a, k) => a === 0 && isPending(i, k))).length;
  const pages = await measure('staff.roster association (all pages)', () => allPages<Page>((page) => call('staff', 'roster', { kind: 'association', id: associationId(0), page })), (p) => p[0].total === expectedActive + expectedPending);
  expect(pages[0].counts).toMatchObject({ enrolled: expectedActive, pending: expectedPending });
  expect(pages[0].total).toBe(expectedActive + expectedPending);
  expect(pages.reduce((sum, p) => sum + p.rows.length, 0)).toBe(expectedActive + expectedPending);
  expect(Math.max(...pages.map((p) => JSON.stringify(p).length))).toBeLessThan(60_000);
});

test('花名册: total and every town', async () => {
  const page = await measure('roster.members (first page)', () => call<{ total: number; towns: string[] }>('roster', 'members', {}), (p) => p.total === N && p.towns.length === TOWNS);
  expect(page.total).toBe(N);
  expect(page.towns).toHaveLength(TOWNS);
});

test('通知: audience and reads of a notice to everyone and to an association', async () => {
  const list = await measure('notice.staffList', () => call<{ items: Array<{ id: string; audienceCount: number; readCount: number; unreadCount: number }> }>('notice', 'staffList', {}), (l) => l.items.find((n) => n.id === 'cn-all')?.audienceCount === N);
  const reads = Math.ceil(N * READ_SHARE);
  expect(list.items.find((n) => n.id === 'cn-all')).toMatchObject({ audienceCount: N, readCount: reads, unreadCount: N - reads });
  const unread = await measure('notice.readers (unread, first page)', () => call<{ total: number }>('notice', 'readers', { noticeId: 'cn-all' }), (r) => r.total === N - reads);
  expect(unread.total).toBe(N - reads);
});

test('数据统计: members, association members and notice audience', async () => {
  const from = new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10);
  const to = new Date(now.getTime() + DAY).toISOString().slice(0, 10);
  const active0 = Array.from({ length: N }, (_, i) => i).filter((i) => placesOf(i).some((a, k) => a === 0 && !isPending(i, k))).length;
  const figures = await measure('figures.figures', () => call<{ members: { total: number }; associations: { members: number }; notices: { published: number; audience: number; reads: number } }>('figures', 'figures', { from, to }), (f) => f.members.total === N && f.notices.audience === N + active0);
  expect(figures.members.total).toBe(N);
  expect(figures.associations.members).toBe(N);
  expect(figures.notices).toMatchObject({ published: 2, audience: N + active0, reads: Math.ceil(N * READ_SHARE) });
});

test('建议 queue and 五必访 due list', async () => {
  const queue = await measure('suggestion.queue', () => call<{ total: number; counts: Record<string, number> }>('suggestion', 'queue', {}), (q) => q.total === 90);
  expect(queue.total).toBe(90);
  const due = await measure('staff.visitsDue', () => call<{ birthdays: Array<{ visited: boolean }>; hospital: unknown[] }>('staff', 'visitsDue', {}), (d) => d.birthdays.length === Math.ceil(N / 50));
  expect(due.birthdays).toHaveLength(Math.ceil(N / 50));
  expect(due.birthdays.filter((b) => b.visited)).toHaveLength(Math.ceil(N / 100));
});
