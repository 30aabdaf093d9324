/**
 * Sign-up pages of issue 5 in Debian's Chromium against the local preview: a retiree enrolls in a course and an
 * activity, each in at most 3 taps from the home page, sees both in 我的报名, joins a waitlist, cancels and frees
 * the place; a helper signs up for the member; associations, volunteer posts and 报名审核. Every new screen is
 * checked (axe WCAG 2.1 AA, 60 px targets) and shot at normal and largest text.
 * Assumes dist/h5 and dist/cloudfunctions are built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from '../../local/preview';
import type { ActivityList, HomeData } from '../../src/shared/contracts';
import type { ActivityView, CourseDetailData, CourseListData, MineData } from '../../src/shared/contracts-enrollment';
import { openPhone, type Phone } from './browser';
import { checkEnrollScreen, exactButton, linkCard, openRoute, TapCounter, tile } from './enroll-screens';
import { api, button, SCREENSHOTS, signIn, visibleText, waitText } from './member-helpers';

const H5_DIR = path.resolve(__dirname, '..', '..', 'dist', 'h5');
const MEMBER = { openid: 'demo-member', name: '王建国' };
const HELPER = { openid: 'demo-helper', name: '王晓梅' };

let preview: Preview;
let dataDir: string;
let phone: Phone;
let page: Page;

const call = <T>(openid: string, action: string, payload: object = {}) => api<T>(preview.url, openid, 'enrollment', action, payload);
const mine = (openid = MEMBER.openid) => call<MineData>(openid, 'mine');
const mineItem = async (targetId: string) => (await mine()).items.find((item) => item.targetId === targetId);

/** Starts from the home page afresh (as after opening the mini-program). */
async function goHome(p: Page): Promise<void> {
  await openRoute(p, preview.url, '/pages/index/index');
  await tile(p, '老年大学选课').waitFor();
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-e2e-enroll-'));
  preview = await startPreview({ port: 0, dataDir, reset: true });
  phone = await openPhone();
  page = phone.page;
}, 120000);

afterAll(async () => {
  await phone?.close();
  await preview?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a retiree signs up from the home page', () => {
  let course: CourseListData['courses'][number];
  let activity: HomeData['activities'][number];

  beforeAll(async () => {
    const list = await call<CourseListData>(MEMBER.openid, 'courses');
    const titles = list.courses.map((c) => c.title);
    // an open first-come course with places whose title is unique (so its card is unambiguous)
    course = list.courses.find((c) => c.window === 'open' && c.mode === 'firstCome' && c.seatsLeft > 1 && c.me.canSignUp && titles.indexOf(c.title) === titles.lastIndexOf(c.title))!;
    const home = await api<HomeData>(preview.url, MEMBER.openid, 'catalog', 'home');
    const open = await Promise.all(home.activities.map((a) => call<{ activity: ActivityView }>(MEMBER.openid, 'activity', { activityId: a.id })));
    activity = home.activities.find((a, i) => open[i]!.activity.me.canSignUp && a.seatsLeft > 1)!;
    expect(course).toBeDefined();
    expect(activity).toBeDefined();
  });

  it('shows four big entries on the home page, and its courses and activities lead to their details', async () => {
    await signIn(page, preview.url, MEMBER.openid);
    await tile(page, '老年大学选课').waitFor();
    const text = await visibleText(page);
    for (const label of ['老年大学选课', '活动报名', '协会', '志愿服务', '我的报名']) expect(text).toContain(label);
    await checkEnrollScreen(page, 'enroll-home', '老年大学选课');
  });

  it('enrolls in a course in at most 3 taps: 老年大学选课, the course, 报名', async () => {
    const taps = new TapCounter();
    await taps.tap(tile(page, '老年大学选课'));
    await waitText(page, '选上课地点');
    await taps.tap(linkCard(page, course.title));
    await waitText(page, `老师`);
    await taps.tap(exactButton(page, '报名'));
    await waitText(page, '我的状态：已报名');
    expect(taps.count).toBeLessThanOrEqual(3);
    await waitText(page, '报名成功');
    await waitText(page, '上课');
    const item = await mineItem(course.id);
    expect(item?.me.state).toBe('enrolled');
    await checkEnrollScreen(page, 'enroll-course-detail', '我的状态：已报名');
  });

  it('enrolls in an activity in at most 3 taps: the activity on the home page, 报名', async () => {
    await goHome(page);
    const taps = new TapCounter();
    await taps.tap(linkCard(page, activity.title));
    await waitText(page, '取消规则');
    await taps.tap(exactButton(page, '报名'));
    await waitText(page, '我的状态：已报名');
    expect(taps.count).toBeLessThanOrEqual(3);
    expect(await visibleText(page)).toContain('扫码签到');
    expect((await mineItem(activity.id))?.me.state).toBe('enrolled');
    await checkEnrollScreen(page, 'enroll-activity-detail', '我的状态：已报名');
  });

  it('shows both in 我的报名 (reached from the home page) with 已报名 and the next thing to do', async () => {
    await goHome(page);
    await button(page, '我的报名').click();
    await waitText(page, '正在进行');
    const courseCard = linkCard(page, course.title);
    const activityCard = linkCard(page, activity.title);
    await expect(courseCard.innerText()).resolves.toContain('已报名');
    await expect(courseCard.innerText()).resolves.toMatch(/下一步：每周.+到.+上课/);
    await expect(activityCard.innerText()).resolves.toContain('已报名');
    await checkEnrollScreen(page, 'enroll-mine', course.title);
  });
});
