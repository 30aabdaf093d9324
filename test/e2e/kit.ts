/**
 * The shared e2e kit: a preview with one phone, calling functions as a demo identity, signing in, finding fields and
 * buttons, screenshots, and the screen checks at normal and largest text that every suite runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_H5_DIR, startPreview, type Preview } from '../../local/preview';
import type { Result } from '../../src/shared/result';
import { openPhone, setBrowserFontSize, type Phone } from './browser';
import { axeViolations, boxes, cutOffText, fontSizePx, overlappingSiblings } from './checks';

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export interface Stage {
  preview: Preview;
  phone: Phone;
  page: Page;
  /** uncaught errors in the page since it opened */
  pageErrors: string[];
  stop(): Promise<void>;
}

/** A fresh preview (emulator + built functions + gateway over the H5 build in H5_DIR) with demo data, and one phone. */
export async function startStage(name: string): Promise<Stage> {
  if (!fs.existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) throw new Error(`${DEFAULT_H5_DIR} is missing: build the H5 app first`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ylt-e2e-${name}-`));
  const preview = await startPreview({ port: 0, dataDir, reset: true });
  const phone = await openPhone();
  const pageErrors: string[] = [];
  phone.page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    preview,
    phone,
    page: phone.page,
    pageErrors,
    async stop() {
      await phone.close();
      await preview.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

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

export function tile(page: Page, label: string): Locator {
  return page.locator('.tile:visible', { hasText: label }).first();
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

/** Sets the in-app switch on this phone (Taro's storage format) and a larger browser font, then reloads. */
export async function setLargest(page: Page, on: boolean): Promise<void> {
  await page.evaluate((large) => {
    if (large) localStorage.setItem('largeText', JSON.stringify({ data: true }));
    else localStorage.removeItem('largeText');
  }, on);
  await setBrowserFontSize(page, on ? 20 : 16);
  await page.reload();
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

/** axe WCAG 2.1 AA clean, body text >= 18 px, every tap target in `targets` >= 60 px tall, big buttons full width. */
export async function expectTargetsUsable(page: Page, targets: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await fontSizePx(page, '.page')).toBeGreaterThanOrEqual(18);
  const small = (await boxes(page, targets)).filter((box) => box.height < 60).map((box) => `${box.text.slice(0, 20)}: ${box.height}`);
  expect(small).toEqual([]);
  expect(await narrowButtons(page)).toEqual([]);
}

/** What one family of screens checks: its usability rule, the text that must not be cut off, the blocks that must not overlap. */
export interface ScreenRules {
  expectUsable(page: Page): Promise<void>;
  textBlocks: string;
  blocks: string;
}

/**
 * The current screen at normal and at the largest text: checks and screenshots (name, name-largest), then back to
 * normal. `ready` is a text the screen shows once loaded. Switching text size reloads the page; `again` brings back
 * a state reached by taps (e.g. a cancel's second step).
 */
export async function checkAtBothSizes(page: Page, rules: ScreenRules, name: string, ready: string, again?: () => Promise<void>): Promise<void> {
  await waitText(page, ready);
  await settled(page);
  await rules.expectUsable(page);
  await screenshot(page, name);
  await setLargest(page, true);
  if (again) await again();
  await waitText(page, ready);
  expect(await fontSizePx(page, '.page')).toBeGreaterThanOrEqual(30);
  expect(await cutOffText(page, rules.textBlocks)).toEqual([]);
  expect(await overlappingSiblings(page, rules.blocks)).toEqual([]);
  await rules.expectUsable(page);
  await screenshot(page, `${name}-largest`);
  await setLargest(page, false);
  if (again) await again();
  await waitText(page, ready);
}
