/**
 * 党支部 in Debian's Chromium against the local preview (the seeded demo county): the secretary 陈志刚 opens his
 * branch from 我的, the 党课 going on now, checks a member in on its 签到码 screen, and the bureau's 数据统计 shows
 * the branch's attendance counted with it; the 送学上门 list of the held 主题党日 offers each member's number and
 * marks one done; 王建国 sees his branch's meetings and study material. Each new screen is checked (axe WCAG 2.1 AA,
 * 60 px targets, nothing cut off at the largest text) and shot into test-results/screenshots/branch-*.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_H5_DIR, startPreview, type Preview } from '../../local/preview';
import type { DeliveriesPage, MeetingDetail } from '../../src/shared/contracts-branch';
import type { BoardData } from '../../src/shared/contracts-checkin';
import type { FiguresData } from '../../src/shared/contracts-figures';
import { openPhone, type Phone } from '../support/browser';
import { checkEnrollScreen, exactButton, linkCard, api, baseUrl, button, field, SCREENSHOTS, signIn, visibleText, waitText } from '../support/e2e';
import { dayFromToday } from '../../src/pages/staff/form-values';

const SECRETARY = 'demo-leader';
const STAFF = 'demo-staff';
const MEMBER = 'demo-member';
const BRANCH = '城关镇离退休干部党支部';
const LIVE = 'meeting-dangke';
const HELD = 'meeting-zhutidangri';

let preview: Preview;
let dataDir: string;
let secretaryPhone: Phone;
let staffPhone: Phone;
let secretary: Page;
let staff: Page;

const url = (route: string) => `${baseUrl(preview.url)}/#${route}`;
async function open(p: Page, route: string, ready: string): Promise<void> {
  await p.goto('about:blank');
  await p.goto(url(route));
  await waitText(p, ready);
}
const flat = async (p: Page) => (await visibleText(p)).replace(/\s/g, '');

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) throw new Error(`${DEFAULT_H5_DIR} is missing: build H5 first`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-e2e-branch-'));
  preview = await startPreview({ port: 0, dataDir, reset: true });
  [secretaryPhone, staffPhone] = await Promise.all([openPhone(), openPhone()]);
  secretary = secretaryPhone.page;
  staff = staffPhone.page;
  await signIn(secretary, preview.url, SECRETARY);
  await signIn(staff, preview.url, STAFF);
}, 120000);

afterAll(async () => {
  await secretaryPhone?.close();
  await staffPhone?.close();
  await preview?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('党支部', () => {
  it('the secretary reaches his branch from 我的; he sees his branch only', async () => {
    await open(secretary, '/pages/me/index', '党支部书记：管理本支部');
    await button(secretary, '党支部书记：管理本支部').click();
    await waitText(secretary, '打开这个党支部');
    expect(await visibleText(secretary)).not.toContain('城东街道离退休干部党支部');
    await checkEnrollScreen(secretary, 'branch-list', '打开这个党支部');
    await linkCard(secretary, BRANCH).click();
    await waitText(secretary, '党员名单');
    await checkEnrollScreen(secretary, 'branch-detail', '党员名单');
    // another branch's page is refused
    await open(secretary, '/pages/branch/detail/index?id=branch-chengdong', '没有权限');
  });

  it('staff see every branch and edit its members from its page', async () => {
    await open(staff, '/pages/staff/index/index', '党支部');
    await linkCard(staff, '党支部').click();
    await waitText(staff, '城东街道离退休干部党支部');
    expect(await visibleText(staff)).toContain('建好这个党支部');
    await linkCard(staff, '城东街道离退休干部党支部').click();
    await waitText(staff, '给本支部发学习资料');
    expect(await visibleText(staff)).toContain('为支部书记');
    expect(await visibleText(staff)).toContain('移出本支部');
    await checkEnrollScreen(staff, 'branch-detail-staff', '给本支部发学习资料');
    await field(staff, '支部名称').fill('城东街道离退休干部第一党支部');
    await button(staff, '保存支部名称').click();
    await waitText(staff, '城东街道离退休干部第一党支部');
    expect(await visibleText(staff)).not.toContain('保存支部名称');
  });

  it('the secretary arranges a 主题党日 on the meeting form', async () => {
    await open(secretary, '/pages/branch/meeting-edit/index?branch=branch-chengguan', '会议类别');
    const fill = async () => {
      await secretary.locator('.chip:visible', { hasText: '主题党日' }).first().click();
      await field(secretary, '会议主题').fill('参观县革命纪念馆');
      await secretary.locator('textarea:visible').first().fill('一、参观纪念馆\n二、交流体会');
      await field(secretary, '地点').fill('县革命纪念馆');
      await field(secretary, '日期').fill(dayFromToday(3));
      await field(secretary, '开始时间').fill('09:00');
      await field(secretary, '结束时间').fill('08:00');
    };
    await fill();
    await exactButton(secretary, '安排好这次会议').click();
    await waitText(secretary, '结束时间要晚于开始时间');
    await field(secretary, '结束时间').fill('11:00');
    await checkEnrollScreen(secretary, 'branch-meeting-edit', '会议类别', async () => {
      await fill();
      await field(secretary, '结束时间').fill('11:00');
    });
    await exactButton(secretary, '安排好这次会议').click();
    await waitText(secretary, '会议已安排好');
    expect(await visibleText(secretary)).toContain('参观县革命纪念馆');
  });

  it('attendance at the branch meeting flows into the branch figures', async () => {
    const row = async () => (await api<FiguresData>(preview.url, STAFF, 'figures', 'figures', { from: today(), to: today() })).branches.rows.find((b) => b.name === BRANCH)!;
    const before = await row();
    await open(secretary, `/pages/branch/meeting/index?id=${LIVE}`, '打开签到码');
    await checkEnrollScreen(secretary, 'branch-meeting', '会议议程');
    await button(secretary, '打开签到码').click();
    await waitText(secretary, '代签到');
    const board = await api<BoardData>(preview.url, SECRETARY, 'checkin', 'board', { kind: 'meeting', id: LIVE });
    const name = board.roster.find((r) => !r.checkedIn)!.name;
    await button(secretary, `为${name}代签到`).click();
    const attended = async () => (await api<MeetingDetail>(preview.url, SECRETARY, 'branch', 'meeting', { meetingId: LIVE })).meeting.attended;
    for (let tries = 0; tries < 50 && (await attended()) === 0; tries += 1) await secretary.waitForTimeout(200);
    expect(await attended()).toBe(1);
    await secretary.goBack();
    await waitText(secretary, '会议议程');
    // the screen comes back at once as it was, then refreshes
    for (let tries = 0; tries < 50 && !(await flat(secretary)).includes('1人已签到'); tries += 1) await secretary.waitForTimeout(200);
    expect(await flat(secretary)).toContain('1人已签到');
    const after = await row();
    expect(after.attendances).toBe(before.attendances + 1);
    // 数据统计 for today shows the branch with that attendance
    await open(staff, '/pages/staff/figures/index/index', '统计时段');
    const shown = (await flat(staff)).match(/统计时段：(\d{4}-\d{2}-\d{2})至(\d{4}-\d{2}-\d{2})/)!;
    const period = (await api<FiguresData>(preview.url, STAFF, 'figures', 'figures', { from: shown[1], to: shown[2] })).branches.rows.find((b) => b.name === BRANCH)!;
    await waitText(staff, BRANCH);
    expect(await flat(staff)).toContain(`${BRANCH}党员${period.members}人${period.meetings}次开会${period.attendancePercent}%到会率`);
    await staff.locator('.card:visible', { hasText: BRANCH }).first().scrollIntoViewIfNeeded();
    await checkEnrollScreen(staff, 'branch-figures', BRANCH);
  });

  it('the 送学上门 list offers each number and marks a visit done', async () => {
    const list = await api<DeliveriesPage>(preview.url, SECRETARY, 'branch', 'deliveries', { source: { kind: 'meeting', id: HELD } });
    const first = list.items[0]!;
    await open(secretary, `/pages/branch/deliveries/index?kind=meeting&id=${HELD}`, `给${first.name}打电话`);
    expect(await flat(secretary)).toContain(`待送学${list.todo}人，已送学0人`);
    expect(await visibleText(secretary)).toContain(`给${first.name}打电话：${first.phone}`);
    await checkEnrollScreen(secretary, 'branch-deliveries', `给${first.name}打电话`);
    await secretary.locator('.card:visible', { hasText: `给${first.name}打电话` }).locator('.big-button', { hasText: '已上门送学' }).first().click();
    await waitText(secretary, `待送学${list.todo - 1}人，已送学1人`);
    const done = await api<DeliveriesPage>(preview.url, SECRETARY, 'branch', 'deliveries', { source: { kind: 'meeting', id: HELD }, filter: 'done' });
    expect(done.items.map((r) => [r.name, r.done?.how])).toEqual([[first.name, 'visit']]);
  });

  it('the member sees his branch’s meetings and study material', async () => {
    await signIn(secretary, preview.url, MEMBER);
    await open(secretary, '/pages/me/index', '我的党支部');
    await button(secretary, '我的党支部').click();
    await waitText(secretary, '学习资料：《中国共产党章程》总纲');
    const text = await visibleText(secretary);
    expect(text).toContain(BRANCH);
    expect(text).toContain('支部书记：陈志刚');
    expect(text).toContain('重温入党誓词');
    await checkEnrollScreen(secretary, 'branch-mine', '学习资料');
  });
});

function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
