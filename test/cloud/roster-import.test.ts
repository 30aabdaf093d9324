/** roster.importRoster through the real SDK into the emulator: bad rows by line, re-import, ownership, bad files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { unpackedSize } from '../../cloudfunctions/_lib/xlsx';
import { memberIdFor } from '../../cloudfunctions/roster/import';
import type { ImportRosterResult } from '../../src/shared/contracts-roster';
import type { MemberDoc } from '../../src/shared/documents';
import { HEADERS, person, upload, xlsx, type Cell } from '../fixtures/roster/sheet';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';

const importFile = (buffer: Buffer, fileName?: string) => cloud.call('roster', 'importRoster', upload(buffer, fileName), STAFF);

async function allMembers(): Promise<MemberDoc[]> {
  const { data } = await cloud.db.collection('members').orderBy('_id', 'asc').limit(1000).get();
  return data as MemberDoc[];
}

async function memberByRosterNo(rosterNo: string): Promise<MemberDoc> {
  const { data } = await cloud.db.collection('members').where({ rosterNo }).get();
  expect(data).toHaveLength(1);
  return data[0] as MemberDoc;
}

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' })]);
});

afterAll(() => cloud?.stop());

describe('a file with bad rows', () => {
  const rows: Cell[][] = [
    HEADERS,
    person('A001', '张三'), // 2: fine
    person('A002', ''), // 3: no name
    person('A003', '李四', { 手机号: '1234' }), // 4: bad phone
    person('A004', '王五', { 类别: '在职' }), // 5: unknown 类别
    person('A005', '赵六'), // 6: duplicate roster number (with 8)
    [], // 7: blank, skipped
    person('A005', '赵六'), // 8
    person('A006', '孙七', { 手机号: '１３９ １２３４ ５６７８', 出生年份: '1948年', 是否党员: '' }), // 9: fine (full-width digits)
    person('A007', '周八', { 性别: '男性', 出生年份: 2020 }), // 10: two reasons
  ];
  let first: ImportRosterResult;

  beforeAll(async () => {
    first = dataOf(await importFile(await xlsx(rows)));
  });

  it('imports the valid rows and reports every bad one by its Excel line, in plain words', () => {
    expect(first).toEqual({
      rows: 8,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejectedCount: 6,
      rejected: [
        { line: 3, rosterNo: 'A002', name: null, reasons: ['缺少姓名'] },
        { line: 4, rosterNo: 'A003', name: '李四', reasons: ['手机号不对，应是11位手机号或带区号的座机，现在是“1234”'] },
        { line: 5, rosterNo: 'A004', name: '王五', reasons: ['类别应填“离休”或“退休”，现在是“在职”'] },
        { line: 6, rosterNo: 'A005', name: '赵六', reasons: ['花名册编号“A005”在第6、8行重复出现，请核对后只留一行'] },
        { line: 8, rosterNo: 'A005', name: '赵六', reasons: ['花名册编号“A005”在第6、8行重复出现，请核对后只留一行'] },
        {
          line: 10,
          rosterNo: 'A007',
          name: '周八',
          reasons: [
            '性别应填“男”或“女”，现在是“男性”',
            `出生年份不对，应是1900到${new Date().getFullYear() - 40}之间的四位数字，现在是“2020”`,
          ],
        },
      ],
    });
  });

  it('stores the valid rows normalised, under an id derived from the roster number', async () => {
    const sun = await memberByRosterNo('A006');
    expect(sun).toMatchObject({
      _id: memberIdFor('A006'),
      name: '孙七',
      memberType: 'tuixiu',
      gender: 'male',
      birthYear: 1948,
      phone: '13912345678',
      partyMember: false,
      skills: ['书法', '教学'],
      emergencyContact: null,
    });
    expect(await cloud.db.collection('members').where({ rosterNo: 'A005' }).count()).toMatchObject({ total: 0 });
  });

  it('changes nothing when the same file is imported again: 0 new, N unchanged, documents byte-identical', async () => {
    const before = JSON.stringify(await allMembers());
    const again = dataOf(await importFile(await xlsx(rows)));
    expect(again).toEqual({ ...first, created: 0, unchanged: 2 });
    expect(JSON.stringify(await allMembers())).toBe(before);
  });
});

describe('what an import may change', () => {
  beforeAll(async () => {
    await insert(cloud.db, 'members', [
      member('m-bound', { rosterNo: 'B001', name: '钱一', phone: '13911110000', town: '东关街道', skills: ['法律'], emergencyContact: { name: '钱小', relation: '儿子', phone: '13700000000' } }),
      member('m-free', { rosterNo: 'B002', name: '吴二', phone: '13922220000' }),
      member('m-gone', { rosterNo: 'B003', name: '已注销用户', phone: '', erasedAt: new Date() }),
    ]);
    await insert(cloud.db, 'accounts', [account('openid-qian', { name: '钱一', memberId: 'm-bound' })]);
  });

  it('updates the bureau fields; a bound member keeps the phone, town and skills they corrected', async () => {
    const file = await xlsx([
      HEADERS,
      person('B001', '钱一', { 类别: '离休', 手机号: '13800001111', 乡镇街道: '城关镇', 特长: '' }),
      person('B002', '吴二', { 原单位: '县财政局', 手机号: '13800002222' }),
    ]);
    const answer = dataOf(await importFile(file));
    expect(answer).toMatchObject({ rows: 2, created: 0, updated: 2, unchanged: 0, rejectedCount: 0 });
    expect(await memberByRosterNo('B001')).toMatchObject({
      _id: 'm-bound',
      memberType: 'lixiu',
      phone: '13911110000',
      town: '东关街道',
      skills: ['法律'],
      emergencyContact: { name: '钱小', relation: '儿子', phone: '13700000000' },
    });
    expect(await memberByRosterNo('B002')).toMatchObject({ _id: 'm-free', formerUnit: '县财政局', phone: '13800002222' });
  });

  it('does not revive an entry erased on the member\'s request', async () => {
    const before = await memberByRosterNo('B003');
    const answer = dataOf(await importFile(await xlsx([HEADERS, person('B003', '郑三')])));
    expect(answer.rejected).toEqual([{ line: 2, rosterNo: 'B003', name: '郑三', reasons: ['此人已申请注销，个人信息已删除，不再导入'] }]);
    expect(await memberByRosterNo('B003')).toEqual(before);
  });

  it('finds the header below a title row, in any column order, with notes in brackets', async () => {
    const headers = ['姓名', '花名册编号', '类别（离休/退休）', '性别', '出生年份', '乡镇(街道)', '手机号', '备注'];
    const file = await xlsx([
      ['某某县离退休干部花名册'],
      headers,
      ['冯四', 'C001', '离休', '女', 1931, '城关镇', '0531-8888888', '随便写的'],
    ]);
    expect(dataOf(await importFile(file))).toMatchObject({ created: 1, rejectedCount: 0 });
    expect(await memberByRosterNo('C001')).toMatchObject({ name: '冯四', memberType: 'lixiu', gender: 'female', phone: '0531-8888888', formerUnit: '', skills: [] });
  });
});

describe('files that are not a roster', () => {
  it('names the missing columns', async () => {
    const answer = await importFile(await xlsx([['姓名', '性别'], ['张三', '男']]));
    expect(answer).toEqual({
      ok: false,
      error: { code: 'ROSTER.BAD_HEADER', message: '表格第一行缺少这些列：花名册编号、类别、出生年份、乡镇街道、手机号。请按花名册模板填写' },
    });
  });

  it('refuses a sheet with no one on it', async () => {
    expect(await importFile(await xlsx([HEADERS]))).toMatchObject({ ok: false, error: { code: 'ROSTER.NO_ROWS' } });
  });

  it('refuses a file that is not an .xlsx workbook', async () => {
    const text = Buffer.from('花名册编号,姓名\nA001,张三\n');
    expect(await importFile(text)).toMatchObject({ ok: false, error: { code: 'ROSTER.BAD_FILE' } });
    expect(await importFile(await xlsx([HEADERS, person('X001', '张三')]), '花名册.xls')).toMatchObject({ ok: false, error: { code: 'ROSTER.BAD_FILE' } });
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    expect(await importFile(await zip.generateAsync({ type: 'nodebuffer' }))).toMatchObject({ ok: false, error: { code: 'ROSTER.BAD_FILE' } });
  });

  it('refuses a zip bomb (80 MB unpacked) without unpacking it', async () => {
    const bomb = readFileSync(join(__dirname, '..', 'fixtures', 'roster', 'bomb.xlsx')); // see make-bomb.ts
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(unpackedSize(bomb)).toBeGreaterThan(80 * 1024 * 1024); // what the guard reads from the central directory
    expect(await importFile(bomb)).toMatchObject({ ok: false, error: { code: 'ROSTER.BAD_FILE' } });
  });

  it('refuses more than 2 MB and content that is not base64', async () => {
    const big = { fileName: '花名册.xlsx', contentBase64: Buffer.alloc(2 * 1024 * 1024 + 3).toString('base64') };
    expect(await cloud.call('roster', 'importRoster', big, STAFF)).toEqual({
      ok: false,
      error: { code: 'INPUT.INVALID', message: '文件太大了，不能超过2MB，请分成几个文件上传', field: 'contentBase64' },
    });
    const notBase64 = { fileName: '花名册.xlsx', contentBase64: '<?xml version="1.0"?>' };
    expect(await cloud.call('roster', 'importRoster', notBase64, STAFF)).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
  });
});
