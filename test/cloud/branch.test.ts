/**
 * 党支部 through the real SDK into the emulator: branches imported with the roster, the secretary's rights over
 * their own branch only, meetings with check-in attendance flowing into the branch figures, study material as a
 * notice audience with read receipts, the 送学上门 list, and bad input refused with nothing changed.
 */
import ExcelJS from 'exceljs';
import type { MeetingRow } from '../../src/shared/contracts-branch';
import type { AccountDoc, BranchMeetingDoc, MemberDoc } from '../../src/shared/documents';
import { HEADERS, person, upload, xlsx } from '../fixtures/roster/sheet';
import { codeOf, minutesFromNow } from './checkin-kit';
import { account } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { beijingDay } from '../../src/shared/date-rules';

let cloud: CloudHarness;
const STAFF = 'openid-staff';
const SEC = 'openid-secretary';
const M2 = 'openid-m2';
const OTHER = 'openid-other-member';

const EAST = '城关镇离退休干部第一党支部';
const WEST = '西街离退休干部党支部';

async function memberByRosterNo(rosterNo: string): Promise<MemberDoc> {
  const { data } = await cloud.db.collection('members').where({ rosterNo }).get();
  return data[0] as MemberDoc;
}
async function branchIdByName(name: string): Promise<string> {
  const { data } = await cloud.db.collection('partyBranches').where({ name }).get();
  return (data[0] as { _id: string })._id;
}

let east: string;
let west: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' })]);
  const file = await xlsx([
    HEADERS,
    person('B001', '书记老赵', { 党支部: EAST }),
    person('B002', '钱老', { 党支部: EAST }),
    person('B003', '孙老', { 党支部: EAST }),
    person('B004', '李老', { 党支部: WEST }),
    person('B005', '周老', { 是否党员: '否' }),
    person('B006', '吴老', { 是否党员: '否', 党支部: EAST }), // refused: not a party member
  ]);
  const answer = dataOf(await cloud.call('roster', 'importRoster', upload(file), STAFF));
  expect(answer).toMatchObject({ created: 5, rejectedCount: 1 });
  expect(answer.rejected[0]?.reasons).toEqual(['填了党支部的，“是否党员”应填“是”']);
  east = await branchIdByName(EAST);
  west = await branchIdByName(WEST);
  for (const no of ['B001', 'B002', 'B003', 'B004', 'B005']) ids[no] = (await memberByRosterNo(no))._id;
  await insert(cloud.db, 'accounts', [
    account(SEC, { memberId: ids.B001, name: '书记老赵' }),
    account(M2, { memberId: ids.B002, name: '钱老' }),
    account(OTHER, { memberId: ids.B004, name: '李老' }),
  ]);
});
afterAll(() => cloud?.stop());

describe('branches from the roster', () => {
  it('puts each party member in the branch the 党支部 column names, creating the branches', async () => {
    expect((await memberByRosterNo('B002')).branchId).toBe(east);
    expect((await memberByRosterNo('B004')).branchId).toBe(west);
    expect((await memberByRosterNo('B005')).branchId).toBeUndefined();
    const page = dataOf(await cloud.call('branch', 'branches', {}, STAFF));
    expect(new Map(page.items.map((b) => [b.name, b.members]))).toEqual(new Map([[EAST, 3], [WEST, 1]]));
  });

  it('re-importing the same file changes nothing; a member moved by the file moves', async () => {
    const again = await xlsx([HEADERS, person('B003', '孙老', { 党支部: WEST })]);
    expect(dataOf(await cloud.call('roster', 'importRoster', upload(again), STAFF))).toMatchObject({ updated: 1 });
    expect((await memberByRosterNo('B003')).branchId).toBe(west);
    const back = await xlsx([HEADERS, person('B003', '孙老', { 党支部: EAST })]);
    expect(dataOf(await cloud.call('roster', 'importRoster', upload(back), STAFF))).toMatchObject({ updated: 1 });
    expect(dataOf(await cloud.call('roster', 'importRoster', upload(back), STAFF))).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it('staff move a member and refuse a non-party member', async () => {
    expect(codeOf(await cloud.call('branch', 'setMemberBranch', { memberId: ids.B005, branchId: east }, STAFF))).toBe('BRANCH.NOT_PARTY_MEMBER');
    expect(dataOf(await cloud.call('branch', 'setMemberBranch', { memberId: ids.B003, branchId: west }, STAFF))).toEqual({ memberId: ids.B003, branchId: west });
    dataOf(await cloud.call('branch', 'setMemberBranch', { memberId: ids.B003, branchId: east }, STAFF));
    expect(codeOf(await cloud.call('branch', 'setMemberBranch', { memberId: ids.B003, branchId: east }, SEC))).toBe('AUTH.FORBIDDEN');
  });

  it('makes a bound member of the branch its secretary (a leader leading the branch); an unbound one is refused', async () => {
    expect(codeOf(await cloud.call('branch', 'saveBranch', { branchId: east, name: EAST, secretaryMemberId: ids.B003 }, STAFF))).toBe('BRANCH.NOT_BOUND');
    expect(codeOf(await cloud.call('branch', 'saveBranch', { branchId: east, name: EAST, secretaryMemberId: ids.B004 }, STAFF))).toBe('BRANCH.NOT_IN_BRANCH');
    const row = dataOf(await cloud.call('branch', 'saveBranch', { branchId: east, name: EAST, secretaryMemberId: ids.B001 }, STAFF));
    expect(row).toMatchObject({ secretaryName: '书记老赵', members: 3 });
    const { data } = await cloud.db.collection('accounts').where({ openid: SEC }).get();
    expect(data[0] as AccountDoc).toMatchObject({ role: 'leader', leads: [{ kind: 'branch', id: east }] });
  });
});

describe('a secretary sees their own branch only', () => {
  let westMeeting: MeetingRow;
  beforeAll(async () => {
    westMeeting = dataOf(await cloud.call('branch', 'saveMeeting', {
      branchId: west, kind: 'lesson', title: '西街党课', agenda: '学习', place: '西街社区', startAt: minutesFromNow(-10).toISOString(), endAt: minutesFromNow(60).toISOString(),
    }, STAFF));
  });

  it('lists only their branch and refuses another branch, its meetings, minutes and lists with coded errors', async () => {
    const page = dataOf(await cloud.call('branch', 'branches', {}, SEC));
    expect(page.items.map((b) => b.id)).toEqual([east]);
    expect(page.canManage).toBe(false);
    expect(codeOf(await cloud.call('branch', 'branch', { branchId: west }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'meeting', { meetingId: westMeeting.id }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'saveMinutes', { meetingId: westMeeting.id, minutes: '改写别人的记录' }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'deliveries', { source: { kind: 'meeting', id: westMeeting.id } }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'saveMeeting', {
      branchId: west, kind: 'lesson', title: '冒名开会', agenda: '无', place: '无', startAt: minutesFromNow(10).toISOString(), endAt: minutesFromNow(60).toISOString(),
    }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'board', { kind: 'meeting', id: westMeeting.id }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'saveBranch', { name: '新支部' }, SEC))).toBe('AUTH.FORBIDDEN');
    // nothing of the other branch changed
    const { data } = await cloud.db.collection('branchMeetings').where({ _id: westMeeting.id }).get();
    expect((data[0] as BranchMeetingDoc).minutes).toBe('');
    expect((await cloud.db.collection('branchMeetings').where({ title: '冒名开会' }).count()).total).toBe(0);
  });

  it('a plain member cannot run a branch', async () => {
    expect(codeOf(await cloud.call('branch', 'branches', {}, M2))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'meeting', { meetingId: westMeeting.id }, OTHER))).toBe('AUTH.FORBIDDEN');
  });
});

describe('a meeting, its material, the figures and the 送学上门 list', () => {
  let meeting: MeetingRow;
  let materialId: string;
  const today = beijingDay(new Date());
  // the period from the day the meeting (started 10 minutes ago) began: just after midnight in Beijing that is yesterday
  const from = beijingDay(minutesFromNow(-10));

  it('sends study material to the branch as a notice audience; only its members see it', async () => {
    const row = dataOf(await cloud.call('notice', 'publish', {
      title: '学习资料：党章第一章', category: 'study', audience: { kind: 'branch', id: east }, body: [{ type: 'paragraph', text: '请认真学习。' }],
    }, STAFF));
    materialId = row.id;
    expect(row).toMatchObject({ audienceLabel: `党支部：${EAST}`, audienceCount: 3, readCount: 0 });
    const mine = dataOf(await cloud.call('notice', 'list', {}, M2));
    expect(mine.items.map((n) => n.id)).toContain(materialId);
    const others = dataOf(await cloud.call('notice', 'list', {}, OTHER));
    expect(others.items.map((n) => n.id)).not.toContain(materialId);
    expect(codeOf(await cloud.call('notice', 'open', { noticeId: materialId }, OTHER))).toBe('DATA.NOT_FOUND');
  });

  it('the secretary holds a meeting; attendance by check-in flows into the branch figures', async () => {
    meeting = dataOf(await cloud.call('branch', 'saveMeeting', {
      branchId: east, kind: 'themeDay', title: '主题党日：重温入党誓词', agenda: '一、重温入党誓词\n二、学习党章', place: '城关镇党群服务中心',
      startAt: minutesFromNow(-10).toISOString(), endAt: minutesFromNow(90).toISOString(), materialId,
    }, SEC));
    expect(meeting).toMatchObject({ kindLabel: '主题党日', attended: 0, branchName: EAST });
    // the secretary's 签到码 list has his branch's meeting, not another branch's
    const targets = dataOf(await cloud.call('checkin', 'targets', {}, SEC)).targets;
    expect(targets.filter((t) => t.kind === 'meeting').map((t) => t.title)).toEqual([`${EAST}·主题党日：重温入党誓词`]);
    const board = dataOf(await cloud.call('checkin', 'board', { kind: 'meeting', id: meeting.id }, SEC));
    expect(board.counts.expected).toBe(3);
    expect(dataOf(await cloud.call('checkin', 'assist', { kind: 'meeting', id: meeting.id, memberId: ids.B001 }, SEC)).outcome).toBe('checkedIn');
    // scanning the venue code checks a member in; a member of another branch is refused
    const scanned = dataOf(await cloud.call('checkin', 'scan', { token: board.code.token }, M2));
    expect(scanned.outcome).toBe('checkedIn');
    expect(codeOf(await cloud.call('checkin', 'scan', { token: board.code.token }, OTHER))).toBe('CHECKIN.NOT_SIGNED_UP');
    // a meeting still to come is not counted as held
    dataOf(await cloud.call('branch', 'saveMeeting', {
      branchId: east, kind: 'lesson', title: '下次党课', agenda: '讲党课', place: '会议室', startAt: minutesFromNow(240).toISOString(), endAt: minutesFromNow(300).toISOString(),
    }, SEC));
    const figures = dataOf(await cloud.call('figures', 'figures', { from, to: today }, STAFF));
    const row = figures.branches.rows.find((b) => b.branchId === east);
    expect(row).toMatchObject({ members: 3, meetings: 1, attendances: 2, attendancePercent: 66.7, materials: 1, reads: 0, readPercent: 0 });
    expect(figures.branches.rows.find((b) => b.branchId === west)).toMatchObject({ members: 1, meetings: 1, attendances: 0 });
  });

  it('the 送学上门 list names those who neither attended nor read, with their phone; marking one done moves them', async () => {
    // 孙老 (B003) neither came nor read
    let list = dataOf(await cloud.call('branch', 'deliveries', { source: { kind: 'meeting', id: meeting.id } }, SEC));
    expect(list.items.map((r) => [r.name, r.phone])).toEqual([['孙老', '13800000000']]);
    expect([list.todo, list.done]).toEqual([1, 0]);
    // the material alone: 书记老赵, 钱老 and 孙老 have not read it
    const unread = dataOf(await cloud.call('branch', 'deliveries', { source: { kind: 'material', id: materialId } }, SEC));
    expect(unread.total).toBe(3);
    // 钱老 reads it: figures count the receipt
    dataOf(await cloud.call('notice', 'open', { noticeId: materialId }, M2));
    const figures = dataOf(await cloud.call('figures', 'figures', { from, to: today }, STAFF));
    expect(figures.branches.rows.find((b) => b.branchId === east)).toMatchObject({ reads: 1, readPercent: 33.3 });
    // marking done, twice, records once
    const done = dataOf(await cloud.call('branch', 'markDelivered', { source: { kind: 'meeting', id: meeting.id }, memberId: ids.B003, how: 'visit', note: '送去学习资料' }, SEC));
    expect(done.done).toMatchObject({ how: 'visit', byName: '书记老赵' });
    dataOf(await cloud.call('branch', 'markDelivered', { source: { kind: 'meeting', id: meeting.id }, memberId: ids.B003, how: 'call' }, SEC));
    expect((await cloud.db.collection('branchDeliveries').count()).total).toBe(1);
    list = dataOf(await cloud.call('branch', 'deliveries', { source: { kind: 'meeting', id: meeting.id } }, SEC));
    expect([list.todo, list.done, list.items.length]).toEqual([0, 1, 0]);
    const detail = dataOf(await cloud.call('branch', 'meeting', { meetingId: meeting.id }, SEC));
    expect(detail).toMatchObject({ expected: 3, deliveries: { due: 0, done: 1 }, material: { id: materialId, reads: 1 } });
    // a member of another branch cannot be marked
    expect(codeOf(await cloud.call('branch', 'markDelivered', { source: { kind: 'meeting', id: meeting.id }, memberId: ids.B004, how: 'call' }, SEC))).toBe('BRANCH.NOT_IN_BRANCH');
  });

  it('the .xlsx export has a 党支部 sheet with the same figures', async () => {
    const file = dataOf(await cloud.call('figures', 'exportFigures', { from, to: today }, STAFF));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await fetch(file.url)).arrayBuffer()) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.getWorksheet('党支部')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell))));
    expect(rows[0]).toEqual(['党支部', '党员数', '会议次数', '到会人次', '到会率', '学习资料', '已读人次', '阅读率']);
    expect(rows.find((row) => row[0] === EAST)).toEqual([EAST, '3', '1', '2', '66.7%', '1', '1', '33.3%']);
  });

  it('minutes are kept; the member sees their branch’s meetings and whether they came', async () => {
    const detail = dataOf(await cloud.call('branch', 'saveMinutes', { meetingId: meeting.id, minutes: '全体党员重温了入党誓词。' }, SEC));
    expect(detail).toMatchObject({ minutes: '全体党员重温了入党誓词。', minutesBy: '书记老赵' });
    const mine = dataOf(await cloud.call('branch', 'myBranch', {}, M2));
    expect(mine.branch?.name).toBe(EAST);
    expect(mine.upcoming.map((m) => [m.title, m.present])).toEqual([['主题党日：重温入党誓词', true], ['下次党课', false]]);
    expect(mine.materials.map((m) => [m.title, m.read])).toEqual([['学习资料：党章第一章', true]]);
    expect(dataOf(await cloud.call('branch', 'myBranch', {}, OTHER)).branch?.name).toBe(WEST);
  });
});

describe('a new secretary', () => {
  it('takes the rights over the branch from the old one', async () => {
    dataOf(await cloud.call('branch', 'saveBranch', { branchId: east, name: EAST, secretaryMemberId: ids.B002 }, STAFF));
    const { data } = await cloud.db.collection('accounts').where({ openid: cloud.db.command.in([SEC, M2]) }).get();
    const byOpenid = new Map((data as AccountDoc[]).map((a) => [a.openid, a]));
    expect(byOpenid.get(SEC)).toMatchObject({ role: 'member', leads: [] });
    expect(byOpenid.get(M2)).toMatchObject({ role: 'leader', leads: [{ kind: 'branch', id: east }] });
    expect(codeOf(await cloud.call('branch', 'branch', { branchId: east }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await cloud.call('branch', 'branch', { branchId: east }, M2)).branch.secretaryName).toBe('钱老');
    // leaving the branch ends being its secretary
    dataOf(await cloud.call('branch', 'setMemberBranch', { memberId: ids.B002, branchId: '' }, STAFF));
    expect(codeOf(await cloud.call('branch', 'branch', { branchId: east }, M2))).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await cloud.call('branch', 'branches', {}, STAFF)).items.find((b) => b.id === east)).toMatchObject({ secretaryName: null, members: 2 });
    // back as they were for the tests below
    dataOf(await cloud.call('branch', 'setMemberBranch', { memberId: ids.B002, branchId: east }, STAFF));
    dataOf(await cloud.call('branch', 'saveBranch', { branchId: east, name: EAST, secretaryMemberId: ids.B001 }, STAFF));
  });
});

describe('bad input', () => {
  it('refuses operator objects, huge strings, wrong ids and another branch’s material with coded errors, changing nothing', async () => {
    const before = (await cloud.db.collection('branchMeetings').count()).total;
    const base = { branchId: east, kind: 'lesson', title: '党课', agenda: '学习', place: '会议室', startAt: minutesFromNow(60).toISOString(), endAt: minutesFromNow(120).toISOString() };
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, branchId: { $ne: '' } }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, agenda: '长'.repeat(100_000) }, STAFF))).toMatch(/^INPUT\./);
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, kind: 'party' }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, endAt: base.startAt }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, branchId: 'no-such-branch' }, STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, openid: SEC }, STAFF))).toBe('INPUT.INVALID');
    const westNotice = dataOf(await cloud.call('notice', 'publish', {
      title: '西街学习资料', category: 'study', audience: { kind: 'branch', id: west }, body: [{ type: 'paragraph', text: '学习' }],
    }, STAFF));
    expect(codeOf(await cloud.call('branch', 'saveMeeting', { ...base, materialId: westNotice.id }, STAFF))).toBe('BRANCH.BAD_MATERIAL');
    expect(codeOf(await cloud.call('branch', 'deliveries', { source: { kind: 'material', id: westNotice.id } }, SEC))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('branch', 'meeting', { meetingId: 'no-such-meeting' }, STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('branch', 'meeting', { meetingId: '../x' }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('branch', 'saveMinutes', { meetingId: 'no-such-meeting', minutes: 'x' }, STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('branch', 'saveMinutes', { meetingId: { $gt: '' }, minutes: 'x' }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('branch', 'deliveries', { source: { kind: 'activity', id: 'a' } }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('notice', 'publish', { title: 't', category: 'study', audience: { kind: 'branch', id: 'nobranch' }, body: [{ type: 'paragraph', text: 'x' }] }, STAFF))).toBe('DATA.NOT_FOUND');
    expect((await cloud.db.collection('branchMeetings').count()).total).toBe(before);
  });
});
