/**
 * Volunteer service for staff in Debian's Chromium against the local preview: demo-staff creates a session for
 * 矛盾纠纷调解队 on 新建时段, confirms demo-member's hours on 确认时长 (seeing the hours the rule credits first), the
 * member's 我的志愿时长 shows the credit; staff correct it with a reason (an inline second step) and the member sees
 * the reversal and the reason; a member opening these pages gets 没有权限. Each new screen is checked (axe WCAG 2.1
 * AA, 60 px targets, nothing cut off at the largest text) and shot into test-results/screenshots/staff-service-*.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_H5_DIR, startPreview, type Preview } from '../../local/preview';
import type { SessionsData } from '../../src/shared/contracts-checkin';
import { dayFromToday } from '../../src/pages/staff/form-values';
import { openPhone, type Phone } from '../support/browser';
import { checkEnrollScreen, exactButton, linkCard, api, baseUrl, button, field, SCREENSHOTS, signIn, visibleText, waitText } from '../support/e2e';

const STAFF = 'demo-staff';
const MEMBER = 'demo-member';
const MEMBER_NAME = '王建国';
const TEAM = '矛盾纠纷调解队';
const TITLE = '入户调解回访';
const REASON = '那天只在岗一个小时，按实际时间重记';

let preview: Preview;
let dataDir: string;
let staffPhone: Phone;
let memberPhone: Phone;
let page: Page;
let member: Page;
let sessionId = '';

const url = (route: string) => `${baseUrl(preview.url)}/#${route}`;

async function open(p: Page, route: string, ready: string): Promise<void> {
  await p.goto('about:blank');
  await p.goto(url(route));
  await waitText(p, ready);
}

async function fillSession(): Promise<void> {
  await page.locator('.chip:visible', { hasText: '人民调解员' }).first().click();
  await field(page, '服务内容').fill(TITLE);
  await field(page, '服务地点').fill('城关镇东街社区');
  await field(page, '日期').fill(dayFromToday(-1));
  await field(page, '开始时间').fill('09:00');
  await field(page, '结束时间').fill('11:00');
  await page.locator('.chip:visible', { hasText: '由队长或工作人员确认时长' }).first().click();
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) throw new Error(`${DEFAULT_H5_DIR} is missing: build H5 first`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-e2e-service-'));
  preview = await startPreview({ port: 0, dataDir, reset: true });
  // demo-member volunteers as 人民调解员 in the team
  await api(preview.url, MEMBER, 'enrollment', 'signUp', { kind: 'team', targetId: 'team-tiaojie', postId: 'post-tiaojieyuan' });
  [staffPhone, memberPhone] = await Promise.all([openPhone(), openPhone()]);
  page = staffPhone.page;
  member = memberPhone.page;
  await signIn(page, preview.url, STAFF);
  await signIn(member, preview.url, MEMBER);
}, 120000);

afterAll(async () => {
  await staffPhone?.close();
  await memberPhone?.close();
  await preview?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('staff run volunteer service', () => {
  it('工作台 leads to 志愿服务时段, which lists a team\'s sessions', async () => {
    await open(page, '/pages/staff/index/index', '今天的活动');
    await linkCard(page, '志愿服务时段').click();
    await waitText(page, '还没结束的时段');
    await page.locator('.chip:visible', { hasText: TEAM }).first().click();
    await waitText(page, '综治中心值班');
    await checkEnrollScreen(page, 'staff-service-sessions', '综治中心值班', async () => {
      await page.locator('.chip:visible', { hasText: TEAM }).first().click();
      await waitText(page, '综治中心值班');
    });
  });

  it('creates a session on 新建时段 (refusing an end before the start first)', async () => {
    await button(page, '新建时段').click();
    await waitText(page, '服务内容');
    await fillSession();
    await field(page, '结束时间').fill('08:00');
    await exactButton(page, '建好这个时段').click();
    await waitText(page, '结束时间要晚于开始时间');
    await field(page, '结束时间').fill('11:00');
    await checkEnrollScreen(page, 'staff-service-session-new', '服务内容', fillSession);
    await fillSession();
    await exactButton(page, '建好这个时段').click();
    await waitText(page, '时段已建好');
    const list = await api<SessionsData>(preview.url, STAFF, 'checkin', 'sessions', { teamId: 'team-tiaojie' });
    const created = list.recent.find((s) => s.title === TITLE);
    expect(created).toMatchObject({ place: '城关镇东街社区', postName: '人民调解员', mode: 'confirm', scheduledMinutes: 120 });
    sessionId = created!.id;
  });

  it('confirms the member\'s hours, showing what the rule credits before saving', async () => {
    await open(page, `/pages/staff/service/session/index?id=${sessionId}`, '打开签到码');
    expect(await visibleText(page)).toContain(MEMBER_NAME);
    await button(page, '确认时长').click();
    await waitText(page, '按姓名找');
    await field(page, '按姓名找').fill('建国');
    await page.locator('.chip:visible', { hasText: MEMBER_NAME }).first().click();
    await field(page, '服务了多少分钟').fill('90');
    await waitText(page, '每人在岗90分钟，按规则记入1.5小时');
    await field(page, '服务了多少分钟').fill('60');
    await waitText(page, '不足计划时长120分钟的60%');
    await field(page, '服务了多少分钟').fill('90');
    await field(page, '备注（可以不写）').fill('电话核实');
    await checkEnrollScreen(page, 'staff-service-hours', '按规则记入1.5小时', async () => {
      await field(page, '按姓名找').fill('建国');
      await page.locator('.chip:visible', { hasText: MEMBER_NAME }).first().click();
      await field(page, '服务了多少分钟').fill('90');
      await field(page, '备注（可以不写）').fill('电话核实');
    });
    await exactButton(page, '给选中的1位记入时长').click();
    await waitText(page, `${MEMBER_NAME}：已记入1.5小时`);
  });

  it('the member sees the credit on 我的志愿时长', async () => {
    await open(member, '/pages/timebank/index', `${TEAM}·${TITLE}`);
    expect(await visibleText(member)).toContain('+1.5小时');
  });

  it('staff correct it with a reason in two steps; the member sees the reversal and the reason', async () => {
    await open(page, `/pages/staff/service/session/index?id=${sessionId}`, '更正这笔时长');
    await checkEnrollScreen(page, 'staff-service-session', '更正这笔时长');
    await linkCard(page, `${MEMBER_NAME}的时长：+1.5小时`).click();
    await waitText(page, '更正原因');
    const fill = async () => {
      await page.locator('textarea:visible').first().fill(REASON);
      await field(page, '改成在岗多少分钟（不填就是整笔撤销）').fill('60');
      await waitText(page, '改记为1小时');
      await button(page, '更正这笔时长').click();
      await waitText(page, '确定撤销');
    };
    await fill();
    await checkEnrollScreen(page, 'staff-service-correct', '确定撤销', fill);
    await exactButton(page, '确定更正').click();
    await waitText(page, '已更正');
    await open(member, '/pages/timebank/index', `更正扣减：${TEAM}·${TITLE}`);
    const text = await visibleText(member);
    expect(text).toContain(`更正原因：${REASON}`);
    expect(text).toContain('-1.5小时');
  });

  it('a member opening these staff pages gets 没有权限', async () => {
    for (const route of ['/pages/staff/service/sessions/index', `/pages/staff/service/session-hours/index?id=${sessionId}`, '/pages/staff/service/session-edit/index']) {
      await open(member, route, '没有权限');
      expect(await visibleText(member)).not.toContain(TITLE);
    }
  });
});
