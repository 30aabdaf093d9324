/** Checks of the sign-up screens: every tap target big enough, axe clean, nothing cut off at the largest text. */
import type { Locator, Page } from 'playwright-core';
import { checkAtBothSizes, expectTargetsUsable, type ScreenRules } from './kit';

export { tile } from './kit';

/** everything a finger taps on these screens */
const TARGETS = '.big-button, .chip, .tile, .link-card';

export async function expectUsable(page: Page): Promise<void> {
  await expectTargetsUsable(page, TARGETS);
}

const ENROLL_SCREENS: ScreenRules = {
  expectUsable,
  textBlocks: [
    '.page-title__text', '.page-title__intro', '.card__title', '.card__line', '.card__badge', '.section__title', '.section__empty',
    '.notice__text', '.big-button', '.chip', '.chips__label', '.two-step__question', '.status__text', '.greeting',
    '.tile__label', '.tile__hint', '.link-card__more', '.acting-banner__text', '.enroll-status__label', '.enroll-status__next',
    '.facts__label', '.facts__value', '.enroll-text', '.field__label', '.field__input',
  ].join(', '),
  blocks: '.card, .link-card, .big-button, .section, .chip, .notice, .tile, .facts, .enroll-status, .acting-banner',
};

/**
 * The current screen at normal and at the largest text: checks and screenshots (name, name-largest). Switching
 * text size reloads the page; `again` brings back a state reached by taps (e.g. a cancel's second step).
 */
export async function checkEnrollScreen(page: Page, name: string, ready: string, again?: () => Promise<void>): Promise<void> {
  await checkAtBothSizes(page, ENROLL_SCREENS, name, ready, again);
}

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
