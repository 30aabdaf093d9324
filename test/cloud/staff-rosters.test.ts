/**
 * Rosters of any group with check-in status, for staff and for a leader's own group only, and their .xlsx export
 * opened with exceljs and compared with the roster row by row.
 */
import ExcelJS from 'exceljs';
import { ROSTER_PAGE_SIZE, type GroupRosterData } from '../../src/shared/contracts-staff';
import { codeOf } from './checkin-kit';
import { memberIdOf, members } from './enrollment-kit';
import { account, activity } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';
const LEADER = 'openid-leader';
let people: string[];
let ids: string[];

beforeAll(async () => {
  cloud = await startCloud();
  people = await members(cloud, 'ros', 4);
  ids = people.map(memberIdOf);
  await insert(cloud.db, 'accounts', [
    account(STAFF, { role: 'staff', name: '刘干事' }),
    account(LEADER, { role: 'leader', name: '陈队长', memberId: 'm-lead', leads: [{ kind: 'team', id: 'team-1' }, { kind: 'activity', id: 'act-1' }] }),
  ]);
  // 4 in line for 3 seats: ros-3 waits; ros-0 and ros-1 checked in
  await insert(cloud.db, 'activities', [activity('act-1', 1, { seats: 3, taken: 4, line: ids }), activity('act-2', 1)]);
  const at = new Date('2026-03-10T01:30:00Z');
  const checkin = (kind: string, targetId: string, memberId: string) => ({ _id: `${kind}~${targetId}~${memberId}`, kind, targetId, memberId, at, method: 'scan' });
  await insert(cloud.db, 'volunteerTeams', [{
    _id: 'team-1', name: '环境卫生监督队', category: '送技术', description: '', skills: [], leaderMemberId: null,
    posts: [{ id: 'p1', name: '巡查', duties: '', capacity: 1, taken: 2, line: [ids[0], ids[1]] }, { id: 'p2', name: '宣传', duties: '', capacity: 5, taken: 1, line: [ids[2]] }],
  }]);
  await insert(cloud.db, 'serviceSessions', [{ _id: 's1', teamId: 'team-1' }, { _id: 's2', teamId: 'team-1' }, { _id: 's3', teamId: 'team-other' }]);
  await insert(cloud.db, 'checkins', [
    checkin('activity', 'act-1', ids[0] as string),
    checkin('activity', 'act-1', ids[1] as string),
    checkin('session', 's1', ids[0] as string),
    checkin('session', 's2', ids[0] as string),
    checkin('session', 's3', ids[2] as string),
  ]);
  await insert(cloud.db, 'associations', [{ _id: 'as-1', name: '老年书画研究会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'approval', memberCount: 1, line: [ids[0]] }]);
  await insert(cloud.db, 'enrollments', [{ _id: `association~as-1~${ids[1]}`, kind: 'association', targetId: 'as-1', memberId: ids[1], status: 'pending', termSlot: `association~as-1~${ids[1]}` }]);
});
afterAll(() => cloud.stop());

describe('rosters', () => {
  it('lists an activity in line order with who holds a place, who waits, and who checked in', async () => {
    const data = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-1' }, STAFF));
    expect(data.counts).toEqual({ enrolled: 3, waitlisted: 1, pending: 0, checkedIn: 2 });
    expect(data.rows.map((r) => [r.memberId, r.state, r.position, r.checkedIn])).toEqual([
      [ids[0], 'enrolled', null, true],
      [ids[1], 'enrolled', null, true],
      [ids[2], 'enrolled', null, false],
      [ids[3], 'waitlisted', 1, false],
    ]);
    expect(data.rows[0]).toMatchObject({ name: '张建国', town: '城关镇', memberType: 'tuixiu', phoneMasked: '138****5678', checkedInAt: '2026-03-10T01:30:00.000Z' });
  });

  it('filters an activity by check-in on the server; counts stay over everyone, total follows the filter', async () => {
    const checkedIn = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-1', checked: 'in' }, STAFF));
    expect(checkedIn.rows.map((r) => r.memberId)).toEqual([ids[0], ids[1]]);
    expect(checkedIn).toMatchObject({ total: 2, page: 1, pageSize: ROSTER_PAGE_SIZE, counts: { enrolled: 3, waitlisted: 1, checkedIn: 2 } });
    const notYet = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-1', checked: 'out' }, STAFF));
    expect(notYet.rows.map((r) => r.memberId)).toEqual([ids[2], ids[3]]);
    const beyond = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-1', page: 2 }, STAFF));
    expect(beyond).toMatchObject({ rows: [], total: 4, page: 2 });
  });

  it('lists a team by post with the sessions each volunteer checked in at', async () => {
    const data = dataOf(await cloud.call('staff', 'roster', { kind: 'team', id: 'team-1' }, LEADER));
    expect(data.rows.map((r) => [r.memberId, r.postName, r.state, r.sessions])).toEqual([
      [ids[0], '巡查', 'enrolled', 2],
      [ids[1], '巡查', 'waitlisted', 0],
      [ids[2], '宣传', 'enrolled', 0], // s3 is another team's session
    ]);
    const onePost = dataOf(await cloud.call('staff', 'roster', { kind: 'team', id: 'team-1', postId: 'p2' }, STAFF));
    expect(onePost.rows.map((r) => r.memberId)).toEqual([ids[2]]);
  });

  it('lists an association with its join requests waiting for approval', async () => {
    const data = dataOf(await cloud.call('staff', 'roster', { kind: 'association', id: 'as-1' }, STAFF));
    expect(data.rows.map((r) => [r.memberId, r.state, r.checkedIn])).toEqual([[ids[0], 'enrolled', null], [ids[1], 'pending', null]]);
  });

  it('lets a leader see only the groups they lead', async () => {
    expect(codeOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-2' }, LEADER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('staff', 'exportRoster', { kind: 'association', id: 'as-1' }, LEADER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-1' }, LEADER))).toBe('ok');
    expect(codeOf(await cloud.call('staff', 'roster', { kind: 'course', id: 'no-such' }, STAFF))).toBe('DATA.NOT_FOUND');
  });
});

async function sheetRows(url: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await (await fetch(url)).arrayBuffer()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ''))));
  return rows;
}

describe('.xlsx export', () => {
  it('writes the activity roster row by row as the screen shows it', async () => {
    const roster: GroupRosterData = dataOf(await cloud.call('staff', 'roster', { kind: 'activity', id: 'act-1' }, STAFF));
    const file = dataOf(await cloud.call('staff', 'exportRoster', { kind: 'activity', id: 'act-1' }, STAFF));
    expect(file).toMatchObject({ fileName: '活动名单-活动act-1.xlsx', rows: 4 });
    const rows = await sheetRows(file.url);
    expect(rows[0]).toEqual(['序号', '姓名', '类别', '乡镇街道', '电话', '状态', '候补位次', '签到', '签到时间']);
    expect(rows.slice(1).map((row) => [row[1], row[5], row[6], row[7]])).toEqual(
      roster.rows.map((r) => [r.name, r.state === 'waitlisted' ? '候补' : '已报名', r.position === null ? '' : String(r.position), r.checkedIn ? '已签到' : '未签到']),
    );
    expect(rows[1]?.[8]).toBe('2026年3月10日 09:30');
  });

  it('writes a team roster with posts and sessions', async () => {
    const file = dataOf(await cloud.call('staff', 'exportRoster', { kind: 'team', id: 'team-1' }, LEADER));
    const rows = await sheetRows(file.url);
    expect(rows.slice(1).map((row) => [row[7], row[8]])).toEqual([['巡查', '2'], ['巡查', '0'], ['宣传', '0']]);
  });
});
