/** Shared setup of the issue 7 member e2e: a preview over the H5 build in H5_DIR (default dist/h5) and one phone. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_H5_DIR, startPreview, type Preview } from '../../local/preview';
import { openPhone, type Phone } from './browser';
import { cutOffText, overlappingSiblings } from './checks';
import { SCREENSHOTS, setLargest, waitText } from './member-helpers';

export interface Stage {
  preview: Preview;
  phone: Phone;
  page: Page;
  /** uncaught errors in the page since it opened */
  pageErrors: string[];
  stop(): Promise<void>;
}

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

/** The text blocks of the issue 7 screens that must never be cut off at the largest text. */
export const ISSUE7_TEXT =
  '.tile__label, .tile__hint, .facts__row, .notice-body, .notice-files__gone, .text-area__count, .tracking__number, .tracking__hint, .steps__label, .steps__when, .timeline__what, .timeline__line, .timeline__note, .suggest-result__outcome, .suggest-result__reply, .suggest-text, .acting-banner__text, .link-card__more, .card__badge';

/** At the largest text (already set): the issue 7 blocks fit and nothing overlaps. */
export async function expectFitsLargest(page: Page): Promise<void> {
  expect(await cutOffText(page, ISSUE7_TEXT)).toEqual([]);
  expect(await overlappingSiblings(page, '.steps__item, .timeline__item, .tracking, .suggest-result, .text-area')).toEqual([]);
}

export async function withLargest(page: Page, ready: string, check: () => Promise<void>): Promise<void> {
  await setLargest(page, true);
  await waitText(page, ready);
  await check();
  await setLargest(page, false);
  await waitText(page, ready);
}

export function tile(page: Page, label: string) {
  return page.locator('.tile:visible', { hasText: label }).first();
}
