/**
 * The e2e kit, one module: a preview with one phone, calling functions as a demo identity, signing in, finding
 * screens, cards, fields and buttons, screenshots, and the screen checks at normal and largest text that every
 * suite runs (one set of rules per family of screens: member, sign-up, check-in, notices and suggestions).
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

// --- finding things on screen ---

/** Counts the taps a flow takes. */
export class TapCounter {
  count = 0;
  async tap(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
}

/** The screen on top (pages below stay in the document, hidden or sliding out). */
export function topPage(page: Page): Locator {
  return page.locator('.taro_page:visible').last();
}

/** The card with this title on the newest page (the page below stays visible while the next one slides in). */
export function linkCard(page: Page, title: string): Locator {
  return page.locator('.link-card:visible', { hasText: title }).last();
}

/**
 * The page instance of one route (Taro gives each page's container the route as its id). After a tab switch the
 * previous tab page stays visible until its hide animation ends, and may show the same cards.
 */
export function routePage(page: Page, route: string): Locator {
  return page.locator(`.taro_page[id^="${route}"]:visible`).last();
}

/** Opens a screen by its route on a fresh load (as a subscribe message's link would): no pages left below it. */
export async function openRoute(page: Page, previewUrl: string, route: string): Promise<void> {
  await page.goto(`${previewUrl.replace(/\/$/, '')}/#${route}`);
  await page.reload();
  await page.locator('.page:visible').first().waitFor();
}

/** The big button whose whole text is exactly `text` (a tab page below may show other buttons with 报名 in them). */
export function exactButton(page: Page, text: string): Locator {
  return page.locator('.big-button:visible').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).last();
}

// --- the families of screens and their rules ---

/**
 * axe WCAG 2.1 AA clean, body text >= 18 px, every big button and chip >= 60 px tall, big buttons full width; the
 * screen offers something to tap (a big button, or the cards of a list such as 我的报名).
 */
export async function expectAccessible(page: Page): Promise<void> {
  expect((await boxes(page, '.big-button, .link-card')).length).toBeGreaterThan(0);
  await expectTargetsUsable(page, '.big-button, .chip');
}

const MEMBER_SCREENS: ScreenRules = {
  expectUsable: expectAccessible,
  textBlocks:
    '.page-title__text, .page-title__intro, .consent__title, .consent__line, .field__label, .field__hint, .field__input, .chip, .chips__label, .notice__text, .card__title, .card__line, .section__title, .section__empty, .me__name, .me__text, .me__acting, .invitation__code, .invitation__line, .two-step__question, .big-button, .profile__note, .status__text',
  blocks: '.card, .big-button, .section, .field, .chip, .notice, .consent',
};

const ENROLL_SCREENS: ScreenRules = {
  /** everything a finger taps on these screens */
  expectUsable: (page) => expectTargetsUsable(page, '.big-button, .chip, .tile, .link-card'),
  textBlocks: [
    '.page-title__text', '.page-title__intro', '.card__title', '.card__line', '.card__badge', '.section__title', '.section__empty',
    '.notice__text', '.big-button', '.chip', '.chips__label', '.two-step__question', '.status__text', '.greeting',
    '.tile__label', '.tile__hint', '.link-card__more', '.acting-banner__text', '.enroll-status__label', '.enroll-status__next',
    '.facts__label', '.facts__value', '.enroll-text', '.field__label', '.field__input',
  ].join(', '),
  blocks: '.card, .link-card, .big-button, .section, .chip, .notice, .tile, .facts, .enroll-status, .acting-banner',
};

const CHECKIN_SCREENS: ScreenRules = {
  expectUsable: (page) => expectTargetsUsable(page, '.big-button, .link-card'),
  textBlocks: [
    '.page-title__text', '.page-title__intro', '.card__title', '.card__line', '.card__badge', '.section__title', '.section__empty',
    '.notice__text', '.big-button', '.status__text', '.link-card__more', '.field__label', '.field__hint', '.field__input',
    '.venue-code__lead', '.venue-code__line', '.venue-code__token', '.board-counts__value', '.board-counts__label',
    '.roster-row__name', '.roster-row__state', '.scan-result__headline', '.scan-result__title', '.scan-result__line',
    '.hours-total__label', '.hours-total__value', '.certificate__title', '.certificate__name', '.certificate__body',
    '.certificate__hours', '.certificate__issuer', '.certificate__date', '.acting-banner__text',
  ].join(', '),
  blocks: '.card, .link-card, .big-button, .section, .notice, .field, .venue-code, .board-counts__item, .roster-row, .scan-result, .hours-total',
};

/**
 * The current screen: checks and a screenshot at normal text, then again at the largest text (nothing cut off or
 * overlapping), then back to normal. `ready` is a text the screen shows once loaded.
 */
export async function checkScreen(page: Page, name: string, ready: string): Promise<void> {
  await checkAtBothSizes(page, MEMBER_SCREENS, name, ready);
}

/** A sign-up screen at both sizes; `again` brings back a state reached by taps (e.g. a cancel's second step). */
export async function checkEnrollScreen(page: Page, name: string, ready: string, again?: () => Promise<void>): Promise<void> {
  await checkAtBothSizes(page, ENROLL_SCREENS, name, ready, again);
}

/** A check-in or time-bank screen at both sizes; `again` brings back what it showed (e.g. a scan with a fresh code). */
export async function checkCheckinScreen(page: Page, name: string, ready: string, again?: () => Promise<void>): Promise<void> {
  await checkAtBothSizes(page, CHECKIN_SCREENS, name, ready, again);
}

/** The text blocks of the notice and suggestion screens that must never be cut off at the largest text. */
export const NOTICE_SUGGEST_TEXT =
  '.tile__label, .tile__hint, .facts__row, .notice-body, .notice-files__gone, .text-area__count, .tracking__number, .tracking__hint, .steps__label, .steps__when, .timeline__what, .timeline__line, .timeline__note, .suggest-result__outcome, .suggest-result__reply, .suggest-text, .acting-banner__text, .link-card__more, .card__badge';

/** At the largest text (already set): the notice and suggestion blocks fit and nothing overlaps. */
export async function expectFitsLargest(page: Page): Promise<void> {
  expect(await cutOffText(page, NOTICE_SUGGEST_TEXT)).toEqual([]);
  expect(await overlappingSiblings(page, '.steps__item, .timeline__item, .tracking, .suggest-result, .text-area')).toEqual([]);
}

/** Runs `check` at the largest text, then goes back to normal. */
export async function withLargest(page: Page, ready: string, check: () => Promise<void>): Promise<void> {
  await setLargest(page, true);
  await waitText(page, ready);
  await check();
  await setLargest(page, false);
  await waitText(page, ready);
}
