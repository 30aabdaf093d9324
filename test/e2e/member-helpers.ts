/** Checks of the member screens (normal and largest text); the shared helpers come from the kit. */
import type { Page } from 'playwright-core';
import { boxes } from './checks';
import { checkAtBothSizes, expectTargetsUsable, type ScreenRules } from './kit';

export {
  api, baseUrl, button, field, SCREENSHOTS, screenshot, setLargest, settled, signIn, visibleText, waitText,
} from './kit';

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

/**
 * The current screen: checks and a screenshot at normal text, then again at the largest text (nothing cut off or
 * overlapping), then back to normal. `ready` is a text the screen shows once loaded.
 */
export async function checkScreen(page: Page, name: string, ready: string): Promise<void> {
  await checkAtBothSizes(page, MEMBER_SCREENS, name, ready);
}
