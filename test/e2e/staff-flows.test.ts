/**
 * The staff section (issues 4, 7, 8) in Debian's Chromium against the local preview: demo-staff imports an .xlsx
 * roster with bad rows, approves a review request, accepts and concludes a suggestion that the member then reads,
 * sees a notice's read count go up when a member opens it, publishes a notice with a PDF; a member has no entry
 * and gets 没有权限. Every staff screen is checked (axe WCAG 2.1 AA, 60 px buttons) and shot at normal and largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Preview } from '../../local/preview';
import { CONSENT_VERSION } from '../../src/shared/consent';
import type { ReadersPage, StaffNoticeListPage } from '../../src/shared/contracts-notice';
import { ROSTER_COLUMNS } from '../../src/shared/contracts-roster';
import type { SuggestionDetail } from '../../src/shared/contracts-suggestion';
import { openPhone, type Phone } from '../support/browser';
import { api, baseUrl, button, checkScreen, field, screenshot, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

const STAFF = 'demo-staff';
const MEMBER = 'demo-member';
const SUGGESTION_ID = 'suggestion-yuelanshi';
const REPLY = '阅览室从下个月起周六上午开放，欢迎老同志们来。';

let stage: Stage;
let preview: Preview;
let memberPhone: Phone;
let page: Page;

const url = (route: string) => `${baseUrl(preview.url)}/#${route}`;

async function open(p: Page, route: string, ready: string): Promise<void> {
  await p.goto(url(route));
  await waitText(p, ready);
}

/** A roster sheet: five good people and two bad rows (no name; a type that is neither 离休 nor 退休). */
async function rosterXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  const person = (no: number, name: string, type: string) => [
    `E2E${String(no).padStart(4, '0')}`, name, type, '男', 1950, '县教育局', '城关镇', '人民路社区', '是', `1390000${String(no).padStart(4, '0')}`, '书法',
  ];
  sheet.addRow(person(1, '测试甲', '退休'));
  sheet.addRow(person(2, '', '退休')); // line 3: no name
  sheet.addRow(person(3, '测试丙', '退休'));
  sheet.addRow(person(4, '测试丁', '下岗')); // line 5: bad type
  sheet.addRow(person(5, '测试戊', '离休'));
  sheet.addRow(person(6, '测试己', '退休'));
  sheet.addRow(person(7, '测试庚', '退休'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  stage = await startStage('staff');
  ({ preview, page } = stage);
  await signIn(page, preview.url, STAFF);
}, 120000);

afterAll(async () => {
  await memberPhone?.close();
  await stage?.stop();
});

describe('the staff section', () => {
  it('is entered from 我的 and shows what waits', async () => {
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click();
    await button(page, '老干部局工作台').click();
    await waitText(page, '建言献策工作台');
    await waitText(page, '建议超期未受理');
    await checkScreen(page, 'staff-home', '建议超期未受理');
  });

  it('imports an .xlsx roster, reports the bad rows by line, and a second import changes nothing', async () => {
    await open(page, '/pages/staff/roster/import/index', '表格模板');
    for (const column of ROSTER_COLUMNS) expect(await visibleText(page)).toContain(column.header);
    const file = { name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await rosterXlsx() };
    const importOnce = async () => {
      const chooser = page.waitForEvent('filechooser');
      await button(page, '选择Excel文件并导入').click();
      await (await chooser).setFiles(file);
      await waitText(page, '有2行没有导入');
    };
    await importOnce();
    const text = await visibleText(page);
    expect(text).toMatch(/7\s*读到的行/);
    expect(text).toMatch(/5\s*新增/);
    expect(text).toMatch(/2\s*有问题没导入/);
    expect(text).toContain('第3行');
    expect(text).toContain('第5行 测试丁（E2E0004）');
    await checkScreen(page, 'staff-import', '表格模板');
    await importOnce();
    expect(await visibleText(page)).toMatch(/5\s*没有变化/);
  });

  it('finds an imported person on the roster with the phone masked', async () => {
    await open(page, '/pages/staff/roster/list/index', '找到');
    await field(page, '姓名或花名册编号').fill('测试戊');
    await button(page, '查找').click();
    await waitText(page, '找到1人');
    const text = await visibleText(page);
    expect(text).toContain('找到1人');
    expect(text).toContain('139****0005');
    expect(text).not.toContain('13900000005');
    await checkScreen(page, 'staff-roster', '测试戊（E2E0005）');
  });

  it('approves a review request from someone not on the roster', async () => {
    await api(preview.url, 'e2e-stranger', 'member', 'requestReview', {
      consentVersion: CONSENT_VERSION, name: '赵审核', memberType: 'tuixiu', gender: 'female', birthYear: 1952,
      formerUnit: '县供销社', town: '城关镇', phone: '13911112222', note: '刚从外地迁回',
    });
    await open(page, '/pages/staff/roster/reviews/index', '赵审核');
    await checkScreen(page, 'staff-reviews', '赵审核');
    const card = page.locator('.card:visible', { hasText: '赵审核' });
    await card.locator('.big-button', { hasText: '同意，登记入册' }).click();
    await waitText(page, '已同意，已登记入册');
    expect(await visibleText(page)).toContain('本人的微信已绑定');
  });

  it('accepts an overdue suggestion and concludes it with a reply and 采纳; the member reads both', async () => {
    await open(page, '/pages/staff/suggestions/list/index', '超过3个工作日');
    const overdue = page.locator('.staff-overdue:visible').first();
    expect(await overdue.innerText()).toContain('超期未受理');
    await checkScreen(page, 'staff-suggestions', '超过3个工作日');
    await page.locator('.link-card:visible', { hasText: '阅览室' }).first().click();
    await waitText(page, '办理经过');
    await checkScreen(page, 'staff-suggestion', '办理经过');
    await button(page, '受理').click();
    await waitText(page, '已受理，老同志会收到通知');
    await page.locator('.chip:visible', { hasText: '县文化和旅游局' }).click();
    await button(page, '交办').click();
    await waitText(page, '已交办给县文化和旅游局');
    await page.locator('textarea[aria-label="答复内容（老同志会看到）"]:visible').fill(REPLY);
    await page.locator('.chip:visible', { hasText: /^采纳$/ }).click();
    await button(page, '办结并答复').click();
    await waitText(page, '已办结（已采纳）');
    await screenshot(page, 'staff-suggestion-concluded');

    const seen = await api<SuggestionDetail>(preview.url, MEMBER, 'suggestion', 'detail', { suggestionId: SUGGESTION_ID });
    expect([seen.status, seen.outcome, seen.reply]).toEqual(['concluded', 'adopted', REPLY]);
    memberPhone = await openPhone();
    await signIn(memberPhone.page, preview.url, MEMBER);
    await open(memberPhone.page, `/pages/suggestion/detail?id=${SUGGESTION_ID}`, REPLY);
    expect(await visibleText(memberPhone.page)).toContain('已采纳');
  });

  it('shows the rates for a period', async () => {
    await open(page, '/pages/staff/suggestions/rates/index', '平均办结天数');
    expect(await visibleText(page)).toContain('采纳率');
    await checkScreen(page, 'staff-rates', '平均办结天数');
  });

  it('counts a member opening a notice on 通知管理', async () => {
    const list = await api<StaffNoticeListPage>(preview.url, STAFF, 'notice', 'staffList', {});
    const notice = list.items.find((row) => row.audience.kind === 'everyone' && row.status === 'published')!;
    const unread = await api<ReadersPage>(preview.url, STAFF, 'notice', 'readers', { noticeId: notice.id, filter: 'unread' });
    const before = notice.readCount;
    await open(page, `/pages/staff/notices/readers/index?noticeId=${notice.id}`, '名单');
    expect(await visibleText(page)).toMatch(new RegExp(`${before}人\\s*已读`));
    expect(unread.items[0]?.phone).toMatch(/^1\d{10}$/);
    expect(await visibleText(page)).toContain(unread.items[0]!.phone);
    await checkScreen(page, 'staff-readers', '名单');

    // a demo member who has not read it yet opens it
    const read = await api<ReadersPage>(preview.url, STAFF, 'notice', 'readers', { noticeId: notice.id, filter: 'read' });
    const reader = [['demo-lixiu', '刘振山'], ['demo-leader', '陈志刚'], ['demo-member', '王建国']].find(([, name]) => !read.items.some((r) => r.name === name))![0]!;
    await api(preview.url, reader, 'notice', 'open', { noticeId: notice.id });
    await open(page, '/pages/staff/notices/list/index', '发布新通知');
    const card = page.locator('.link-card:visible', { hasText: notice.title }).first();
    expect(await card.innerText()).toContain(`已读${before + 1}人`);
    await checkScreen(page, 'staff-notices', '发布新通知');
  });

  it('publishes a notice with a PDF attachment that members then see', async () => {
    await open(page, '/pages/staff/notices/edit/index', '发给谁');
    await checkScreen(page, 'staff-notice-edit', '发给谁');
    await field(page, '标题').fill('关于春节走访慰问的通知');
    await page.locator('.chip:visible', { hasText: /^学习资料$/ }).click();
    // nothing is chosen for staff: the audience too (a notice to everyone by mistake cannot be taken back)
    await page.locator('.chip:visible', { hasText: /^全体老同志$/ }).click();
    await page.locator('textarea[aria-label="正文"]:visible').fill('# 安排\n春节前走访全体离休干部。\n- 带慰问品\n- 记录困难');
    const chooser = page.waitForEvent('filechooser');
    await button(page, '添加图片或PDF').click();
    await (await chooser).setFiles({ name: '走访名单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await waitText(page, '附件：走访名单.pdf');
    await button(page, '发布通知').click();
    await waitText(page, '通知已发布');
    const home = await api<{ notices: { title: string }[] }>(preview.url, MEMBER, 'catalog', 'home', {});
    expect(home.notices.map((n) => n.title)).toContain('关于春节走访慰问的通知');
  });

  it('confirms a deletion request', async () => {
    await api(preview.url, 'demo-lixiu', 'member', 'requestDeletion', { reason: '不用了' });
    await open(page, '/pages/staff/roster/deletions/index', '确认注销');
    await checkScreen(page, 'staff-deletions', '确认注销');
    await button(page, '确认注销').click();
    await button(page, '确定注销').click();
    await waitText(page, '已注销，个人信息已删除');
  });
});

describe('a member', () => {
  it('has no staff entry on 我的 and gets 没有权限 on a staff page opened directly', async () => {
    const p = memberPhone.page;
    await open(p, '/pages/me/index', '我的资料');
    expect(await visibleText(p)).not.toContain('工作台');
    for (const route of ['/pages/staff/index/index', '/pages/staff/roster/list/index', '/pages/staff/suggestions/detail/index?suggestionId=' + SUGGESTION_ID]) {
      await p.goto(url(route));
      await p.reload();
      await waitText(p, '没有权限');
      const text = await visibleText(p);
      expect(text).not.toContain('花名册编号');
      expect(text).not.toContain(REPLY);
    }
    await checkScreen(p, 'staff-denied', '没有权限');
  });
});
