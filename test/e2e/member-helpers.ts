/** Helpers of the member e2e tests: signing in a phone, fields, buttons, per-page checks at normal and largest text. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Result } from '../../src/shared/result';
import { setBrowserFontSize } from './browser';
import { axeViolations, boxes, cutOffText, fontSizePx, overlappingSiblings } from './checks';

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');
const TEXT_BLOCKS =
  '.page-title__text, .page-title__intro, .consent__title, .consent__line, .field__label, .field__hint, .field__input, .chip, .chips__label, .notice__text, .card__title, .card__line, .section__title, .section__empty, .me__name, .me__text, .me__acting, .invitation__code, .invitation__line, .two-step__question, .big-button, .profile__note, .status__text';
const BLOCKS = '.card, .big-button, .section, .field, .chip, .notice, .consent';

export function baseUrl(url: string): string {
  return url.replace(/\/$/, '');
}

/** Calls a function as a demo identity, like the app does through the gateway. */
export async function api<T>(previewUrl: string, openid: string, fn: string, action: string, payload: object = {}): Promise<T> {
  const res = await fetch(`${baseUrl(previewUrl)}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const result = (await res.json()) as Result<T>;
  if (!result.ok) throw new Error(`${fn}.${action}: ${result.error.code}`);
  return result.data;
}

export async function signIn(page: Page, previewUrl: string, openid: string): Promise<void> {
  page.setDefaultTimeout(10000);
  await page.goto(`${baseUrl(previewUrl)}/local/signin`);
  await page.locator(`button[value="${openid}"]`).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/local/'));
  await page.locator('.page:visible').first().waitFor();
}

export function button(page: Page, text: string) {
  return page.locator('.big-button:visible', { hasText: text }).first();
}

export function field(page: Page, label: string) {
  return page.locator(`input[aria-label="${label}"]:visible`).first();
}

export async function waitText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).locator('visible=true').first().waitFor();
}

export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((el) => el.offsetParent !== null);
    return pages.map((el) => el.innerText).join('\n');
  });
}

/** Waits for Taro's page slide-in (and any other animation) to finish. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/** The page scrolls inside Taro's .taro_page box: shoot its top and, when longer than the screen, its end. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  const scroller = page.locator('.taro_page:visible').first();
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  if (await scroller.evaluate((el) => el.scrollHeight > el.clientHeight)) {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-end.png`) });
    await scroller.evaluate((el) => el.scrollTo(0, 0));
  }
}

/** Big buttons narrower than the content box of the block they sit in (they must be full width). */
async function narrowButtons(page: Page): Promise<string[]> {
  return page.$$eval('.big-button', (els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.parentElement)
      .flatMap((el) => {
        const parent = el.parentElement!;
        const style = getComputedStyle(parent);
        const inner = parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const width = el.getBoundingClientRect().width;
        return width >= inner - 1 ? [] : [`${(el.textContent ?? '').trim()}: ${width} < ${inner}`];
      }),
  );
}

/** axe WCAG 2.1 AA clean, body text >= 18 px, every big button >= 60 px tall and full width. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await fontSizePx(page, '.page')).toBeGreaterThanOrEqual(18);
  const buttons = await boxes(page, '.big-button');
  expect(buttons.length).toBeGreaterThan(0);
  for (const box of buttons) expect(box.height).toBeGreaterThanOrEqual(60);
  expect(await narrowButtons(page)).toEqual([]);
  for (const chip of await boxes(page, '.chip')) expect(chip.height).toBeGreaterThanOrEqual(60);
}

/** Sets the in-app switch on this phone (Taro's storage format) and a larger browser font, then reloads. */
export async function setLargest(page: Page, on: boolean): Promise<void> {
  await page.evaluate((large) => {
    if (large) localStorage.setItem('largeText', JSON.stringify({ data: true }));
    else localStorage.removeItem('largeText');
  }, on);
  await setBrowserFontSize(page, on ? 20 : 16);
  await page.reload();
}

/**
 * The current screen: checks and a screenshot at normal text, then again at the largest text (nothing cut off or
 * overlapping), then back to normal. `ready` is a text the screen shows once loaded.
 */
export async function checkScreen(page: Page, name: string, ready: string): Promise<void> {
  await waitText(page, ready);
  await settled(page);
  await expectAccessible(page);
  await screenshot(page, name);
  await setLargest(page, true);
  await waitText(page, ready);
  expect(await fontSizePx(page, '.page')).toBeGreaterThanOrEqual(30);
  expect(await cutOffText(page, TEXT_BLOCKS)).toEqual([]);
  expect(await overlappingSiblings(page, BLOCKS)).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, `${name}-largest`);
  await setLargest(page, false);
  await waitText(page, ready);
}
