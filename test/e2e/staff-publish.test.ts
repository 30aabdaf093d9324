/**
 * The staff section of issue 8 in Debian's Chromium against the local preview: 工作台 in one call; demo-staff
 * publishes an activity on 发布活动 and demo-member (a second browser) sees it on the home page and signs up; its
 * 名单 exports an .xlsx; the activity is cancelled with a reason; 数据统计 shows the figures and exports; a visit
 * recorded from 走访慰问 leaves the due list; a member gets 没有权限; 操作记录 is for admins only. Every new screen is
 * checked (axe WCAG 2.1 AA, 60 px targets, nothing cut off at the largest text) and shot into test-results/screenshots.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import type { Preview } from '../../local/preview';
import type { StaffNoticeListPage } from '../../src/shared/contracts-notice';
import type { StaffCatalogData, VisitsDueData } from '../../src/shared/contracts-staff';
import { dayFromToday } from '../../src/pages/staff/form-values';
import { openPhone, type Phone } from '../support/browser';
import { checkEnrollScreen, exactButton, linkCard, api, baseUrl, button, field, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

const STAFF = 'demo-staff';
const ADMIN = 'demo-admin';
const MEMBER = 'demo-member';
const TITLE = '银龄书法交流会';

let stage: Stage;
let preview: Preview;
let memberPhone: Phone | undefined;
let page: Page;
let activityId = '';

const url = (route: string) => `${baseUrl(preview.url)}/#${route}`;

/** A fresh load of the route (from a blank page: a hash-only goto would first navigate inside the old document). */
async function open(p: Page, route: string, ready: string): Promise<void> {
  await p.goto('about:blank');
  await p.goto(url(route));
  await waitText(p, ready);
}

/** The export link's file: fetched as a download would be; an .xlsx is a zip ('PK'). */
async function exportedBytes(p: Page, buttonText: string): Promise<Buffer> {
  await button(p, buttonText).click();
  const link = p.locator('a.export-file__link:visible').last();
  await link.waitFor();
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  const res = await fetch(href as string);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function fillActivity(): Promise<void> {
  await field(page, '活动名称').fill(TITLE);
  await page.locator('.chip:visible', { hasText: '座谈会' }).first().click();
  await field(page, '地点').fill('县老干部活动中心三楼书画室');
  await field(page, '活动日期').fill(dayFromToday(1));
  await field(page, '开始时间').fill('09:00');
  await field(page, '结束时间').fill('11:00');
  await field(page, '报名截止日期').fill(dayFromToday(1));
  await field(page, '报名截止时间').fill('08:00');
  await field(page, '名额（人）').fill('30');
}

beforeAll(async () => {
  stage = await startStage('staff8');
  ({ preview, page } = stage);
  await signIn(page, preview.url, STAFF);
}, 120000);

afterAll(async () => {
  await memberPhone?.close();
  await stage?.stop();
});

describe('工作台', () => {
  it('loads everything it shows in one call and leads to every staff screen', async () => {
    const calls: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/api/staff')) calls.push(req.postData() ?? '');
    });
    await open(page, '/pages/staff/index/index', '今天的活动');
    page.removeAllListeners('request');
    expect(calls.map((body) => (JSON.parse(body) as { action: string }).action)).toEqual(['home']);
    const text = await visibleText(page);
    for (const entry of ['入会申请待审核', '住院待走访', '学期与课程', '协会与志愿服务队', '走访慰问', '数据统计', '最新通知的阅读情况']) expect(text).toContain(entry);
    expect(text).not.toContain('操作记录');
    await checkEnrollScreen(page, 'staff-workbench', '今天的活动');
  });
});

describe('publishing an activity', () => {
  it('says what is missing by the field it concerns, scrolled there and focused', async () => {
    await open(page, '/pages/staff/catalog/activity-edit/index', '活动名称');
    expect(await visibleText(page)).toContain('写好后点最下面的“发布活动”');
    await exactButton(page, '发布活动').click();
    const titleError = page.locator('#field-title .field__error');
    await titleError.waitFor();
    expect(await titleError.innerText()).toBe('请填写活动名称');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('活动名称');
    await field(page, '活动名称').fill(TITLE);
    await exactButton(page, '发布活动').click();
    // no category is pre-selected: it must be chosen, and the error sits by the category chips
    const kindError = page.locator('#field-kind .field__error');
    await kindError.waitFor();
    expect(await kindError.innerText()).toBe('请选择活动类别');
    expect(await page.locator('#field-title .field__error').count()).toBe(0);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#field-kind')))).toBe(true);
    await checkEnrollScreen(page, 'staff-activity-field-error', '活动名称', async () => {
      await field(page, '活动名称').fill(TITLE);
      await exactButton(page, '发布活动').click();
      await kindError.waitFor();
    });
  });

  it('publishes one on 发布活动', async () => {
    await open(page, '/pages/staff/catalog/activity-edit/index', '活动名称');
    await fillActivity();
    await checkEnrollScreen(page, 'staff-activity-new', '活动名称');
    await fillActivity(); // the checks reload the page
    await exactButton(page, '发布活动').click();
    await waitText(page, '活动已发布');
    const catalog = await api<StaffCatalogData>(preview.url, STAFF, 'staff', 'catalog');
    const published = catalog.activities.find((a) => a.title === TITLE);
    expect(published).toMatchObject({ kind: '座谈会', seats: 30, place: '县老干部活动中心三楼书画室', status: 'published' });
    activityId = published!.id;
  });

  it('a member sees it on the home page and signs up', async () => {
    memberPhone = await openPhone();
    const member = memberPhone.page;
    await signIn(member, preview.url, MEMBER);
    await waitText(member, TITLE);
    await linkCard(member, TITLE).click();
    await exactButton(member, '报名').click();
    await waitText(member, '我的状态：已报名');
  });

  it('shows the member on its 名单 and exports it as an .xlsx', async () => {
    await open(page, `/pages/staff/catalog/group-roster/index?kind=activity&id=${activityId}`, '王建国');
    expect(await visibleText(page)).toContain('还没签到');
    await checkEnrollScreen(page, 'staff-group-roster', '王建国');
    const bytes = await exportedBytes(page, '导出Excel名单');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lists it on 活动管理 and cancels it with a reason, saying how many will be told', async () => {
    await open(page, '/pages/staff/catalog/activities/index', TITLE);
    await checkEnrollScreen(page, 'staff-activities', TITLE);
    await linkCard(page, TITLE).click();
    await waitText(page, '取消原因');
    await field(page, '取消原因（会告诉报名的人）').fill('场地临时维修');
    await button(page, '取消这个活动').click();
    await waitText(page, '1人会收到取消通知');
    await checkEnrollScreen(page, 'staff-activity-cancel-ask', '1人会收到取消通知', async () => {
      await field(page, '取消原因（会告诉报名的人）').fill('场地临时维修');
      await button(page, '取消这个活动').click();
    });
    await field(page, '取消原因（会告诉报名的人）').fill('场地临时维修');
    await exactButton(page, '确定取消活动').click();
    await waitText(page, '活动已取消');
    expect(await visibleText(page)).toContain('已报名和候补的1人都会收到取消通知');
  });
});

describe('the other publishing screens', () => {
  it.each([
    ['staff-courses', '/pages/staff/catalog/courses/index', '本学期的课程'],
    ['staff-course-new', '/pages/staff/catalog/course-edit/index', '报名方式'],
    ['staff-groups', '/pages/staff/catalog/groups/index', '志愿服务队'],
    ['staff-association-new', '/pages/staff/catalog/association-edit/index', '入会方式'],
    ['staff-notice-edit', '/pages/staff/notices/edit/index', '发给谁'],
  ])('%s is usable', async (name, route, ready) => {
    await open(page, route, ready);
    await checkEnrollScreen(page, name, ready);
  });

  it('opens a notice for editing in one call, its fields filled in', async () => {
    const { items } = await api<StaffNoticeListPage>(preview.url, STAFF, 'notice', 'staffList');
    const notice = items[0]!;
    const actions: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/api/notice')) actions.push((JSON.parse(req.postData() ?? '{}') as { action: string }).action);
    });
    await open(page, `/pages/staff/notices/edit/index?noticeId=${notice.id}`, '保存修改');
    page.removeAllListeners('request');
    expect(actions).toEqual(['publishForm']);
    expect(await field(page, '标题').inputValue()).toBe(notice.title);
  });

  it('opens a team with its posts for editing', async () => {
    const { teams } = await api<StaffCatalogData>(preview.url, STAFF, 'staff', 'catalog');
    const team = teams[0]!;
    await open(page, `/pages/staff/catalog/team-edit/index?id=${team.id}`, '岗位1名称');
    expect(await field(page, '服务队名称').inputValue()).toBe(team.name);
    await checkEnrollScreen(page, 'staff-team-edit', '岗位1名称');
  });
});

describe('数据统计', () => {
  it('shows the figures for a period and exports them as an .xlsx', async () => {
    await open(page, '/pages/staff/figures/index/index', '花名册人数');
    for (const label of ['本月', '本季度', '本年', '上半年', '下半年', '参加协会的比例', '办结率', '走访合计']) expect(await visibleText(page)).toContain(label);
    await page.locator('.chip:visible', { hasText: '本年' }).first().click();
    await waitText(page, `${dayFromToday(0).slice(0, 4)}-01-01 至`);
    await checkEnrollScreen(page, 'staff-figures', '花名册人数');
    const bytes = await exportedBytes(page, '导出Excel');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('走访慰问', () => {
  it('records a visit from the due list, and the member leaves it', async () => {
    const due = await api<VisitsDueData>(preview.url, STAFF, 'staff', 'visitsDue');
    const first = due.hospital[0]!;
    expect(first).toBeDefined();
    await open(page, '/pages/staff/visits/list/index', '住院待走访');
    await checkEnrollScreen(page, 'staff-visits', '住院待走访');
    await button(page, `记录对${first.name}的住院走访`).click();
    await waitText(page, `走访对象：${first.name}`);
    await checkEnrollScreen(page, 'staff-visit', `走访对象：${first.name}`);
    await field(page, '走访人').fill('干事刘芳');
    await exactButton(page, '保存走访记录').click();
    await waitText(page, '已记录');
    await exactButton(page, '回到走访慰问').click();
    await waitText(page, '住院待走访');
    await page.waitForFunction((name) => !document.body.innerText.includes(`记录对${name}的住院走访`), first.name);
    const after = await api<VisitsDueData>(preview.url, STAFF, 'staff', 'visitsDue');
    expect(after.hospital.map((h) => h.memberId)).not.toContain(first.memberId);
  });

  it('finds a member on 记录走访 by name', async () => {
    await open(page, '/pages/staff/visits/record/index', '找到走访的老同志');
    await field(page, '姓名或花名册编号').fill('王建国');
    await button(page, '查找').click();
    await waitText(page, '走访的是王建国');
    await checkEnrollScreen(page, 'staff-visit-search', '找到走访的老同志', async () => {
      await field(page, '姓名或花名册编号').fill('王建国');
      await button(page, '查找').click();
    });
  });
});

describe('who may enter', () => {
  it('gives a member 没有权限 on a staff page', async () => {
    const member = memberPhone!.page;
    await open(member, '/pages/staff/figures/index/index', '没有权限');
    expect(await visibleText(member)).not.toContain('花名册人数');
  });

  it('keeps 操作记录 for admins: staff are refused, an admin reads who did what', async () => {
    await open(page, '/pages/staff/admin/audit/index', '没有权限');
    expect(await visibleText(page)).toContain('只有管理员');
    await checkEnrollScreen(page, 'staff-audit-refused', '没有权限');
    await signIn(page, preview.url, ADMIN);
    await open(page, '/pages/staff/admin/audit/index', '取消活动');
    const text = await visibleText(page);
    expect(text).toContain('发布或修改活动');
    expect(text).toContain('记录走访');
    expect(text).toContain('状态：published → cancelled');
    expect(text).toContain('取消原因：（空） → 场地临时维修');
    await checkEnrollScreen(page, 'staff-audit', '取消活动');
    await open(page, '/pages/staff/index/index', '今天的活动');
    expect(await visibleText(page)).toContain('操作记录');
  });
});
