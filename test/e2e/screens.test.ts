/**
 * Screens that lead somewhere (issue 19 items 5, 7, 8, 9) in Debian's Chromium against the local preview: no call
 * before an identity is chosen; 返回 and 回首页 on every page that is not a tab page and the browser's back never on
 * the sign-in page; large text saved with the account restored in a fresh session on another device; the hotline
 * and notice numbers tappable; every axe rule (not only WCAG: `region` too) clean on each page visited, as 王建国,
 * 刘振山 (large text) and 张丽 (staff), at normal and the largest text, with screenshots.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import { openPhone, type Phone } from '../support/browser';
import { axeAllRules } from '../support/checks';
import { baseUrl, button, checkScreen, screenshot, setLargest, settled, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

const MEMBER = 'demo-member';
const LIXIU = 'demo-lixiu';
const STAFF = 'demo-staff';

let stage: Stage;
let page: Page;
let other: Phone | undefined;

const url = (route: string) => `${baseUrl(stage.preview.url)}/#${route}`;

async function open(p: Page, route: string, ready: string): Promise<void> {
  await p.goto('about:blank');
  await p.goto(url(route));
  await waitText(p, ready);
}

/** Every axe rule clean at normal and at the largest text, with the usual screen checks and screenshots. */
async function everyRule(p: Page, name: string, ready: string): Promise<void> {
  await waitText(p, ready);
  await settled(p);
  expect(await axeAllRules(p)).toEqual([]);
  await checkScreen(p, name, ready);
  await setLargest(p, true);
  await waitText(p, ready);
  await settled(p);
  expect(await axeAllRules(p)).toEqual([]);
  await setLargest(p, false);
  await waitText(p, ready);
}

function navButton(p: Page, text: string) {
  return p.locator('.h5-nav__button:visible', { hasText: text }).last();
}

beforeAll(async () => {
  stage = await startStage('screens');
  page = stage.page;
}, 120000);

afterAll(async () => {
  await other?.close();
  await stage?.stop();
});

describe('before anyone is chosen', () => {
  it('goes straight to the sign-in page without calling any function', async () => {
    const calls: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/')) calls.push(req.url());
    });
    await page.goto(stage.preview.url);
    await page.waitForURL((u) => u.pathname === '/local/signin');
    await page.waitForTimeout(500);
    page.removeAllListeners('request');
    expect(calls).toEqual([]);
  });
});

describe('王建国: no dead ends', () => {
  beforeAll(async () => {
    await signIn(page, stage.preview.url, MEMBER);
  });

  it('home and the 活动 tab have no back bar; every axe rule passes', async () => {
    await waitText(page, '近期活动');
    expect(await page.locator('.h5-nav:visible').count()).toBe(0);
    await everyRule(page, 'screens-home', '近期活动');
  });

  it('activity detail, 我的报名 and the notice have 返回 and 回首页', async () => {
    for (const [name, route, ready] of [
      ['screens-mine', '/pages/enroll/mine/index', '我的报名'],
      ['screens-notices', '/pages/notices/index', '通知'],
    ] as const) {
      await open(page, route, ready);
      await navButton(page, '返回').waitFor();
      await navButton(page, '回首页').waitFor();
      await everyRule(page, name, ready);
    }
    await navButton(page, '回首页').click();
    await waitText(page, '近期活动');
    await page.locator('.link-card:visible').filter({ hasText: '查看详情' }).first().click();
    await navButton(page, '返回').waitFor();
    await everyRule(page, 'screens-activity', '地点');
    await navButton(page, '返回').click();
    await waitText(page, '近期活动');
  });

  it('the browser back never lands a signed-in person on the sign-in page', async () => {
    for (let i = 0; i < 4; i++) {
      await page.goBack().catch(() => undefined);
      expect(new URL(page.url()).pathname.startsWith('/local/signin')).toBe(false);
    }
  });

  it('a phone number in a notice is a button that calls it', async () => {
    await signIn(page, stage.preview.url, MEMBER);
    await waitText(page, '近期活动');
    await page.goto(url('/pages/notices/index'));
    await page.locator('.link-card:visible', { hasText: '健康查体' }).first().click();
    await button(page, '打电话：0000-1234567').waitFor();
    await everyRule(page, 'screens-notice-phone', '打电话：0000-1234567');
  });
});

describe('刘振山: large text follows the person', () => {
  it('turned on on one phone, it is there in a fresh session on another', async () => {
    await signIn(page, stage.preview.url, LIXIU);
    await open(page, '/pages/me/index', '把字调大');
    await button(page, '把字调大').click();
    await button(page, '恢复标准字体').waitFor();
    await page.waitForTimeout(1000); // saved to the account in the background

    other = await openPhone();
    const fresh = other.page;
    await signIn(fresh, stage.preview.url, LIXIU);
    await waitText(fresh, '近期活动');
    await fresh.waitForFunction(() => parseFloat(getComputedStyle(document.documentElement).fontSize) >= 21);
    await screenshot(fresh, 'screens-lixiu-home-fresh-session');
    expect(await axeAllRules(fresh)).toEqual([]);
    await open(fresh, '/pages/me/index', '恢复标准字体');
    await screenshot(fresh, 'screens-lixiu-me-fresh-session');
    // back to standard for the next people on this shared preview
    await button(fresh, '恢复标准字体').click();
    await button(fresh, '把字调大').waitFor();
  });
});

describe('张丽: staff pages', () => {
  it('workbench and editors pass every axe rule, with 返回 and 回首页', async () => {
    await signIn(page, stage.preview.url, STAFF);
    for (const [name, route, ready] of [
      ['screens-staff-home', '/pages/staff/index/index', '今天的活动'],
      ['screens-staff-activity-new', '/pages/staff/catalog/activity-edit/index', '活动名称'],
      ['screens-staff-course-new', '/pages/staff/catalog/course-edit/index', '报名方式'],
      ['screens-staff-team-new', '/pages/staff/catalog/team-edit/index', '服务类别'],
    ] as const) {
      await open(page, route, ready);
      await navButton(page, '回首页').waitFor();
      await everyRule(page, name, ready);
    }
    expect(await visibleText(page)).toContain('写好后点最下面的“发布志愿服务队”');
  });
});
