/** Checks of the check-in and time-bank screens: axe clean, tap targets >= 60 px, nothing cut off at the largest text. */
import type { Page } from 'playwright-core';
import { axeViolations, boxes, cutOffText, fontSizePx, overlappingSiblings } from './checks';
import { screenshot, setLargest, waitText } from './member-helpers';

const TEXT_BLOCKS = [
  '.page-title__text', '.page-title__intro', '.card__title', '.card__line', '.card__badge', '.section__title', '.section__empty',
  '.notice__text', '.big-button', '.status__text', '.link-card__more', '.field__label', '.field__hint', '.field__input',
  '.venue-code__lead', '.venue-code__line', '.venue-code__token', '.board-counts__value', '.board-counts__label',
  '.roster-row__name', '.roster-row__state', '.scan-result__headline', '.scan-result__title', '.scan-result__line',
  '.hours-total__label', '.hours-total__value', '.certificate__title', '.certificate__name', '.certificate__body',
  '.certificate__hours', '.certificate__issuer', '.certificate__date', '.acting-banner__text',
].join(', ');
const BLOCKS = '.card, .link-card, .big-button, .section, .notice, .field, .venue-code, .board-counts__item, .roster-row, .scan-result, .hours-total';
const TARGETS = '.big-button, .link-card';

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

export async function expectUsable(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await fontSizePx(page, '.page')).toBeGreaterThanOrEqual(18);
  const small = (await boxes(page, TARGETS)).filter((box) => box.height < 60).map((box) => `${box.text.slice(0, 20)}: ${box.height}`);
  expect(small).toEqual([]);
  expect(await narrowButtons(page)).toEqual([]);
}

/**
 * The current screen at normal and at the largest text: checks and screenshots (name, name-largest). Switching the
 * text size reloads the page; `again` brings back what the screen showed (e.g. a scan with a fresh code).
 */
export async function checkCheckinScreen(page: Page, name: string, ready: string, again?: () => Promise<void>): Promise<void> {
  await waitText(page, ready);
  await expectUsable(page);
  await screenshot(page, name);
  await setLargest(page, true);
  if (again) await again();
  await waitText(page, ready);
  expect(await fontSizePx(page, '.page')).toBeGreaterThanOrEqual(30);
  expect(await cutOffText(page, TEXT_BLOCKS)).toEqual([]);
  expect(await overlappingSiblings(page, BLOCKS)).toEqual([]);
  await expectUsable(page);
  await screenshot(page, `${name}-largest`);
  await setLargest(page, false);
  if (again) await again();
  await waitText(page, ready);
}
