/**
 * 服务热线 (issue 16 item 3) in Debian's Chromium against the local preview: 王建国 finds the bureau's hotline with
 * its hours on home and on 使用帮助 and one tap follows a tel: link to it; 张丽 (staff) logs a call on 记录来电 —
 * the form says what is missing by its field, nothing is pre-chosen — sees it on 王建国's 档案 and in 待回访, and
 * marks the follow-up done. Screens checked (axe, 60 px targets, nothing cut off) at normal and the largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import { settingsDefaults } from '../../src/shared/settings';
import { checkEnrollScreen, exactButton, baseUrl, button, checkScreen, field, SCREENSHOTS, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

const MEMBER = 'demo-member';
const STAFF = 'demo-staff';
/** the demo county's hotline (local/seed: 系统设置) */
const HOTLINE = '0000-1234567';
const HOURS = settingsDefaults().hotlineHours;
const CALL_TEXT = '问书法班什么时候开课，想给老伴也报上';

let stage: Stage;
let page: Page;

const url = (route: string) => `${baseUrl(stage.preview.url)}/#${route}`;

async function open(route: string, ready: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url(route));
  await waitText(page, ready);
}

/** The tel: link the last tap followed (recorded, and not followed further, by the init script below). */
const lastTel = () => page.evaluate(() => (window as unknown as { __tel?: string }).__tel ?? null);
const chip = (text: string) => page.locator('.chip:visible', { hasText: text }).first();
const textArea = (label: string) => page.locator(`textarea[aria-label="${label}"]:visible`).first();
const errorOf = (name: string) => page.locator(`#field-${name} .field__error`);
const focusedIn = (name: string) => page.evaluate((id) => Boolean(document.activeElement?.closest(`#field-${id}`)), name);

beforeAll(async () => {
  stage = await startStage('hotline');
  page = stage.page;
  await page.addInitScript(() => {
    document.addEventListener(
      'click',
      (event) => {
        const link = (event.target as Element | null)?.closest?.('a[href^="tel:"]');
        if (!link) return;
        (window as unknown as { __tel?: string }).__tel = link.getAttribute('href') ?? '';
        event.preventDefault();
      },
      true,
    );
  });
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

describe('王建国: the hotline one tap away', () => {
  beforeAll(async () => {
    await signIn(page, stage.preview.url, MEMBER);
  });

  it('home shows the hotline with its hours; a tap follows tel: to the number', async () => {
    await waitText(page, '服务热线');
    expect(await visibleText(page)).toContain(HOURS);
    await button(page, `拨打服务热线：${HOTLINE}`).click();
    await page.waitForFunction(() => Boolean((window as unknown as { __tel?: string }).__tel));
    expect(await lastTel()).toBe(`tel:${HOTLINE}`);
    const card = page.locator('.card:visible', { hasText: '服务热线' }).first();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/home-hotline.png` });
  });

  it('使用帮助 shows it too, one tap to call; checked at both text sizes', async () => {
    await open('/pages/help/index', '服务热线');
    expect(await visibleText(page)).toContain(HOURS);
    await page.evaluate(() => delete (window as unknown as { __tel?: string }).__tel);
    await button(page, `拨打服务热线：${HOTLINE}`).click();
    await page.waitForFunction(() => Boolean((window as unknown as { __tel?: string }).__tel));
    expect(await lastTel()).toBe(`tel:${HOTLINE}`);
    await checkScreen(page, 'help-hotline', '服务热线');
  });
});

describe('张丽: the call log', () => {
  beforeAll(async () => {
    await signIn(page, stage.preview.url, STAFF);
  });

  it('记录来电 says what is missing by its field, focused; nothing is chosen for her', async () => {
    await open('/pages/staff/hotline/log/index', '来电人');
    expect(await page.locator('.chip--on:visible').count()).toBe(0);
    await exactButton(page, '保存来电记录').click();
    await errorOf('caller').waitFor();
    expect(await errorOf('caller').innerText()).toBe('来电人：请选是不是花名册上的老同志');
    expect(await focusedIn('caller')).toBe(true);

    const chooseWang = async () => {
      await chip('花名册上的老同志').click();
      await field(page, '姓名或花名册编号').fill('王建国');
      await button(page, '查找').click();
      await button(page, '是王建国打来的').click();
      await waitText(page, '来电人：王建国');
      await exactButton(page, '保存来电记录').click();
      await errorOf('topic').waitFor();
    };
    await chooseWang();
    expect(await errorOf('topic').innerText()).toBe('来电事由：请选一项');
    expect(await errorOf('caller').count()).toBe(0);
    expect(await focusedIn('topic')).toBe(true);
    // switching the text size reloads the page: the state is brought back by the same taps
    await checkEnrollScreen(page, 'staff-call-log-error', '来电事由', chooseWang);
  });

  it('logs the call with a follow-up; it shows on 王建国’s 档案', async () => {
    await chip('老年大学').click();
    await textArea('来电内容').fill(CALL_TEXT);
    await chip('转给科室办理').click();
    await exactButton(page, '保存来电记录').click();
    await errorOf('followUp').waitFor();
    expect(await errorOf('followUp').innerText()).toBe('要不要回访：请选一项');
    await chip('要回访').click();
    await exactButton(page, '保存来电记录').click();
    await waitText(page, '已记下王建国的来电');
    await button(page, '看王建国的档案').click();
    await waitText(page, '服务热线来电（1次）');
    const record = await visibleText(page);
    expect(record).toContain(CALL_TEXT);
    expect(record).toContain('要回访：还没办');
    await checkScreen(page, 'staff-member-record', '服务热线来电');
  });

  it('待回访 lists it until the follow-up is written down', async () => {
    await open('/pages/staff/hotline/calls/index', '待回访（1条');
    expect(await visibleText(page)).toContain(CALL_TEXT);
    await exactButton(page, '回访办完了').click();
    const noteField = page.locator('.field--error:visible').first();
    await noteField.waitFor();
    expect(await noteField.innerText()).toContain('回访情况：请写上怎么回访的');
    await checkScreen(page, 'staff-hotline-open', '待回访');
    await textArea('回访情况').fill('已回电：书法班12月8日开课，老伴可以一起报');
    await exactButton(page, '回访办完了').click();
    await waitText(page, '没有要回访的来电');
    await chip('全部来电').click();
    await waitText(page, '已回访（张丽');
  });
});
