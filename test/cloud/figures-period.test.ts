/**
 * The bureau's figures for a period (2026-01-01 .. 2026-03-31, Beijing) on a small county whose every expected
 * figure is worked out by hand below; then the .xlsx export opened with exceljs and compared row by row.
 */
import ExcelJS from 'exceljs';
import type { FiguresData } from '../../src/shared/contracts-figures';
import { dbStats, resetStats } from './enrollment-kit';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
const STAFF = 'openid-staff';
const bj = (day: string, time = '10:00:00') => new Date(`${day}T${time}+08:00`);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);

beforeAll(async () => {
  cloud = await startCloud();
  const created = bj('2025-06-01');
  await insert(cloud.db, 'members', [
    member('m1', { rosterNo: 'R1', memberType: 'lixiu', createdAt: created }),
    member('m2', { rosterNo: 'R2', memberType: 'lixiu', createdAt: created }),
    member('m3', { rosterNo: 'R3', createdAt: created }),
    member('m4', { rosterNo: 'R4', createdAt: created }),
    member('m5', { rosterNo: 'R5', createdAt: created }),
    member('m6', { rosterNo: 'R6', createdAt: bj('2026-04-05') }), // joined the roster after the period
    member('m7', { rosterNo: 'R7', memberType: 'lixiu', createdAt: created, erasedAt: bj('2026-02-01') }), // erased within it
    member('m8', { rosterNo: 'R8', createdAt: created, erasedAt: bj('2026-04-10') }), // erased after it: still counted
  ]);
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' })]);
  const enrollment = (kind: string, targetId: string, memberId: string, status = 'active', at = bj('2026-01-10')) => ({
    _id: `${kind}~${targetId}~${memberId}`, kind, targetId, memberId, status, termSlot: `${kind}~${targetId}~${memberId}`, createdAt: at, updatedAt: at,
  });
  await insert(cloud.db, 'enrollments', [
    enrollment('association', 'A1', 'm1'),
    enrollment('association', 'A1', 'm2'),
    enrollment('association', 'A2', 'm1'),
    enrollment('association', 'A2', 'm3', 'pending'),
    enrollment('association', 'A2', 'm4', 'cancelled'),
    enrollment('association', 'A1', 'm5', 'active', bj('2026-04-02')),
    enrollment('team', 'T1', 'm3'),
    enrollment('team', 'T1', 'm4'),
    enrollment('team', 'T2', 'm3'),
    enrollment('team', 'T2', 'm5', 'cancelled'),
  ]);
  await insert(cloud.db, 'volunteerTeams', ['T1', 'T2', 'T3'].map((_id) => ({ _id, name: _id, posts: [] })));
  const entry = (_id: string, memberId: string, kind: string, hours: number, day: string) => ({ _id, memberId, kind, hours, serviceDate: bj(day), sessionId: 'S1' });
  await insert(cloud.db, 'timeBankEntries', [
    entry('c1', 'm3', 'credit', 2, '2026-02-10'),
    entry('c2', 'm4', 'credit', 1.5, '2026-03-05'),
    entry('r2', 'm4', 'reversal', -1.5, '2026-03-05'),
    entry('c2b', 'm4', 'credit', 1, '2026-03-05'),
    entry('c3', 'm3', 'credit', 3, '2026-04-02'),
  ]);
  const course = (_id: string, opens: string, closes: string, seats: number, taken: number, line: string[]) => ({
    _id, termId: '2026-spring', title: _id, seats, taken, line, enrollOpensAt: bj(opens), enrollClosesAt: bj(closes),
  });
  await insert(cloud.db, 'courses', [
    course('C1', '2025-12-20', '2026-01-15', 10, 12, ids(12)),
    course('C2', '2026-02-01', '2026-02-20', 20, 15, ids(5)),
    course('C3', '2026-05-01', '2026-05-20', 30, 30, ids(30)),
  ]);
  const activity = (_id: string, day: string, status: string, seats: number, taken: number, line: string[]) => ({
    _id, title: _id, status, seats, taken, line, startAt: bj(day), endAt: bj(day, '12:00:00'),
  });
  await insert(cloud.db, 'activities', [
    activity('AC1', '2026-02-15', 'published', 5, 6, ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']),
    activity('AC2', '2026-03-20', 'published', 10, 4, []),
    activity('AC3', '2026-02-20', 'cancelled', 10, 3, ['m1', 'm2', 'm3']),
    activity('AC4', '2026-04-03', 'published', 10, 2, ['m1', 'm2']),
  ]);
  const checkin = (kind: string, targetId: string, memberId: string) => ({ _id: `${kind}~${targetId}~${memberId}`, kind, targetId, memberId, at: bj('2026-02-15') });
  await insert(cloud.db, 'checkins', [
    checkin('activity', 'AC1', 'm1'),
    checkin('activity', 'AC1', 'm2'),
    checkin('activity', 'AC1', 'm3'),
    checkin('activity', 'AC2', 'm4'),
    checkin('activity', 'AC3', 'm1'),
    checkin('activity', 'AC4', 'm1'),
    checkin('session', 'S1', 'm3'),
  ]);
  const notice = (_id: string, day: string, audienceKey: string) => ({ _id, title: _id, status: 'published', audienceKey, publishedAt: bj(day) });
  await insert(cloud.db, 'notices', [notice('N1', '2026-01-05', 'everyone'), notice('N2', '2026-02-01', 'association:A1'), notice('N3', '2025-12-30', 'everyone')]);
  const read = (noticeId: string, memberId: string) => ({ _id: `${noticeId}-${memberId}`, noticeId, memberId, readAt: bj('2026-02-02') });
  await insert(cloud.db, 'noticeReads', [read('N1', 'm1'), read('N1', 'm2'), read('N1', 'm3'), read('N2', 'm1'), read('N3', 'm1'), read('N3', 'm2')]);
  const suggestion = (_id: string, day: string, status: string, outcome: string | null, concluded: string | null) => ({
    _id, trackingNo: `JY-2026-${_id}`, category: '文化养老', status, outcome, submittedAt: bj(day), concludedAt: concluded ? bj(concluded) : null,
  });
  await insert(cloud.db, 'suggestions', [
    suggestion('S1', '2026-01-10', 'concluded', 'adopted', '2026-01-20'),
    suggestion('S2', '2026-02-01', 'concluded', 'notAdopted', '2026-02-11'),
    suggestion('S3', '2026-02-05', 'accepted', null, null),
    suggestion('S4', '2026-03-30', 'submitted', null, null),
    suggestion('S5', '2026-04-01', 'submitted', null, null),
  ]);
  const visit = (_id: string, reason: string, visitedOn: string) => ({ _id, memberId: 'm1', reason, visitedOn });
  await insert(cloud.db, 'visits', [
    visit('V1', 'illness', '2026-01-03'),
    visit('V2', 'birthday', '2026-02-14'),
    visit('V3', 'illness', '2026-03-31'),
    visit('V4', 'festival', '2026-04-01'),
    visit('V5', 'hardship', '2025-12-31'),
  ]);
});
afterAll(() => cloud.stop());

let figures: FiguresData;

describe('figures for 2026-01-01 .. 2026-03-31', () => {
  beforeAll(async () => {
    await resetStats(cloud);
    figures = dataOf(await cloud.call('figures', 'figures', PERIOD, STAFF));
  });

  it("loads no documents: one read of the caller's account, the rest counts and aggregates", async () => {
    const stats = await dbStats(cloud);
    expect(stats['database.getDocument']).toBe(1);
    expect(stats['database.aggregateDocuments']).toBeGreaterThanOrEqual(8);
  });

  it('counts members by type at the end of the period', () => {
    // m1, m2 离休; m3, m4, m5 退休; m8 (erased after the period) 退休; not m6 (joined after) nor m7 (erased within)
    expect(figures.members).toEqual({ total: 6, lixiu: 2, tuixiu: 4 });
  });

  it('counts members in at least one association once, over the roster', () => {
    // m1 (A1 and A2: once), m2; not m3 (pending), m4 (cancelled), m5 (joined after the period): 2 of 6 = 33.3%
    expect(figures.associations).toEqual({ members: 2, sharePercent: 33.3 });
  });

  it('counts volunteers, teams, and hours net of reversals', () => {
    // volunteers m3 (T1, T2: once), m4; teams T1..T3; hours 2 + 1.5 - 1.5 + 1 = 3 (the 04-02 credit is outside)
    expect(figures.volunteers).toEqual({ volunteers: 2, teams: 3, hours: 3 });
  });

  it('counts course places and waitlists of the courses open for sign-up in the period', () => {
    // C1: 12 in a line of 12 for 10 seats -> 10 placed, 2 waiting; C2: 15 taken, 10 of them outside the app, line of 5
    // fits the 10 places left -> 15 placed, 0 waiting; C3 opens after the period.
    expect(figures.courses).toEqual({ courses: 2, seats: 30, enrolled: 25, waitlisted: 2 });
  });

  it('counts activities held, their sign-ups and check-ins', () => {
    // AC1: 6 in line for 5 seats -> 5 signed up, 3 check-ins; AC2: 4 taken outside the app, 1 check-in.
    // AC3 is cancelled, AC4 after the period, the session check-in is not an activity's. 4 / 9 = 44.4%
    expect(figures.activities).toEqual({ held: 2, signedUp: 9, checkIns: 4, attendancePercent: 44.4 });
  });

  it('counts notices and their read rate over each audience', () => {
    // N1 to everyone: 6 members not erased (m1..m6) with 3 reads; N2 to A1: 3 active (m1, m2, m5) with 1 read;
    // N3 was before the period. 4 / 9 = 44.4%
    expect(figures.notices).toEqual({ published: 2, audience: 9, reads: 4, readPercent: 44.4 });
  });

  it('computes the suggestion rates with the suggestion rules', () => {
    // S1..S4 in the period: handled S1, S2, S3 (3/4 = 75%); concluded S1, S2 (2/4 = 50%); adopted S1 (1/2 = 50%);
    // days to conclude: 10 and 10 -> 10
    expect(figures.suggestions).toMatchObject({ total: 4, handled: 3, concluded: 2, adopted: 1, handlingRate: 75, concludeRate: 50, adoptionRate: 50, avgDaysToConclude: 10 });
  });

  it('counts visits by reason', () => {
    // V1, V3 illness; V2 birthday; V4 and V5 outside
    expect(figures.visits.total).toBe(3);
    expect(Object.fromEntries(figures.visits.byReason.map((row) => [row.label, row.count]))).toEqual({
      生病住院: 2, 生日: 1, 重大节日: 0, 家庭变故: 0, 特殊困难: 0, 去世: 0,
    });
  });

  it('answers every figure of a period without data with zeros and no rates', async () => {
    const empty = dataOf(await cloud.call('figures', 'figures', { from: '2020-01-01', to: '2020-01-31' }, STAFF));
    expect(empty.members.total).toBe(0);
    expect(empty.associations.sharePercent).toBeNull();
    expect(empty.activities).toEqual({ held: 0, signedUp: 0, checkIns: 0, attendancePercent: null });
    expect(empty.suggestions.handlingRate).toBeNull();
  });
});

describe('the .xlsx export', () => {
  it('holds the same figures, row by row', async () => {
    const file = dataOf(await cloud.call('figures', 'exportFigures', PERIOD, STAFF));
    expect(file.fileName).toBe('老干部工作统计-2026-01-01至2026-03-31.xlsx');
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('统计');
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell))));
    expect(rows[0]).toEqual(['分类', '指标', '数值']);
    expect(rows).toHaveLength(file.rows + 1);
    const value = (group: string, label: string) => rows.find((row) => row[0] === group && row[1] === label)?.[2];
    expect(value('统计时段', '起止日期')).toBe('2026-01-01 至 2026-03-31');
    expect([value('老干部', '合计'), value('老干部', '离休'), value('老干部', '退休')]).toEqual(['6', '2', '4']);
    expect(value('涉老协会', '参加协会比例')).toBe('33.3%');
    expect(value('志愿服务', '服务时长（小时）')).toBe('3');
    expect([value('老年大学', '报名人数'), value('老年大学', '候补人数')]).toEqual(['25', '2']);
    expect([value('活动', '举办场次'), value('活动', '签到人次'), value('活动', '到场率')]).toEqual(['2', '4', '44.4%']);
    expect(value('通知', '阅读率')).toBe('44.4%');
    expect([value('建言献策', '办理率'), value('建言献策', '办结率'), value('建言献策', '采纳率')]).toEqual(['75%', '50%', '50%']);
    expect([value('走访慰问', '生病住院'), value('走访慰问', '生日'), value('走访慰问', '去世')]).toEqual(['2', '1', '0']);
  });
});
