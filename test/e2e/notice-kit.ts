/** Shared checks of the member e2e of notices and suggestions; the stage and helpers come from the kit. */
import type { Page } from 'playwright-core';
import { cutOffText, overlappingSiblings } from './checks';
import { setLargest, waitText } from './kit';

export { startStage, tile, type Stage } from './kit';

/** The text blocks of the notice and suggestion screens that must never be cut off at the largest text. */
export const NOTICE_SUGGEST_TEXT =
  '.tile__label, .tile__hint, .facts__row, .notice-body, .notice-files__gone, .text-area__count, .tracking__number, .tracking__hint, .steps__label, .steps__when, .timeline__what, .timeline__line, .timeline__note, .suggest-result__outcome, .suggest-result__reply, .suggest-text, .acting-banner__text, .link-card__more, .card__badge';

/** At the largest text (already set): those blocks fit and nothing overlaps. */
export async function expectFitsLargest(page: Page): Promise<void> {
  expect(await cutOffText(page, NOTICE_SUGGEST_TEXT)).toEqual([]);
  expect(await overlappingSiblings(page, '.steps__item, .timeline__item, .tracking, .suggest-result, .text-area')).toEqual([]);
}

export async function withLargest(page: Page, ready: string, check: () => Promise<void>): Promise<void> {
  await setLargest(page, true);
  await waitText(page, ready);
  await check();
  await setLargest(page, false);
  await waitText(page, ready);
}
