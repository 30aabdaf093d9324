/** Checks of the check-in and time-bank screens: axe clean, tap targets >= 60 px, nothing cut off at the largest text. */
import type { Page } from 'playwright-core';
import { checkAtBothSizes, expectTargetsUsable, type ScreenRules } from './kit';

const TARGETS = '.big-button, .link-card';

export async function expectUsable(page: Page): Promise<void> {
  await expectTargetsUsable(page, TARGETS);
}

const CHECKIN_SCREENS: ScreenRules = {
  expectUsable,
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
 * The current screen at normal and at the largest text: checks and screenshots (name, name-largest). Switching the
 * text size reloads the page; `again` brings back what the screen showed (e.g. a scan with a fresh code).
 */
export async function checkCheckinScreen(page: Page, name: string, ready: string, again?: () => Promise<void>): Promise<void> {
  await checkAtBothSizes(page, CHECKIN_SCREENS, name, ready, again);
}
