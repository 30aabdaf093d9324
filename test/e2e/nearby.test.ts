/**
 * 就近入学 in the H5 build, in Chromium against the local preview: a retiree sorts 老年大学选课 by distance from
 * where the browser says they are (Playwright's context geolocation, permission granted), sees the nearest campus's
 * courses first with 约 x 公里; with the permission refused the list falls back to their home town and says so;
 * 活动 sorts from the home town without asking for a position. Screens checked and shot at normal and largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import type { Preview } from '../../local/preview';
import type { CourseListData } from '../../src/shared/contracts-enrollment';
import { distanceWords } from '../../src/shared/distance';
import { api, checkAtBothSizes, exactButton, expectTargetsUsable, linkCard, openRoute, signIn, startStage, visibleText, waitText, type ScreenRules, type Stage } from '../support/e2e';

const MEMBER = { openid: 'demo-member', name: '王建国' }; // lives in 城关镇
const AT_QINGSHAN = { longitude: 117.0822, latitude: 36.1081 }; // at the door of 青山分校

let stage: Stage;
let preview: Preview;
let page: Page;

const SCREEN: ScreenRules = {
  expectUsable: (p) => expectTargetsUsable(p, '.big-button, .chip, .tile, .link-card'),
  textBlocks: '.page-title__text, .page-title__intro, .card__title, .card__line, .card__badge, .notice__text, .big-button, .chip, .chips__label, .nearby-sort__text, .link-card__more',
  blocks: '.card, .link-card, .big-button, .section, .chip, .notice, .nearby-sort__text',
};

/** The /api/ requests the page makes while `act` runs, with their payloads. */
async function requestsDuring(act: () => Promise<void>): Promise<Array<{ url: string; body: { action: string; payload: Record<string, unknown> } }>> {
  const seen: Array<{ url: string; body: { action: string; payload: Record<string, unknown> } }> = [];
  const onRequest = (request: { url(): string; postData(): string | null }) => {
    if (request.url().includes('/api/')) seen.push({ url: request.url(), body: JSON.parse(request.postData() ?? '{}') });
  };
  page.on('request', onRequest);
  try {
    await act();
  } finally {
    page.off('request', onRequest);
  }
  return seen;
}

async function sortFromHere(): Promise<void> {
  await exactButton(page, '按离我远近排序').click();
  await exactButton(page, '用我现在的位置').click();
  await waitText(page, '按离您现在的位置由近到远排列');
}

beforeAll(async () => {
  stage = await startStage('nearby');
  ({ preview, page } = stage);
  await signIn(page, preview.url, MEMBER.openid);
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

describe('老年大学选课 by distance', () => {
  it('with the location allowed: the nearest campus first, distances in words, the position sent once and not kept', async () => {
    await stage.phone.context.grantPermissions(['geolocation'], { origin: new URL(preview.url).origin });
    await stage.phone.context.setGeolocation(AT_QINGSHAN);
    await openRoute(page, preview.url, '/pages/enroll/courses/index');
    await waitText(page, '按离我远近排序');
    await exactButton(page, '按离我远近排序').click();
    await waitText(page, '位置只用这一次，不会保存');
    await checkAtBothSizes(page, SCREEN, 'nearby-courses-ask', '用我现在的位置', async () => {
      await exactButton(page, '按离我远近排序').click();
    });

    const requests = await requestsDuring(async () => {
      await exactButton(page, '用我现在的位置').click();
      await waitText(page, '按离您现在的位置由近到远排列');
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.body).toEqual({ action: 'courses', payload: { near: AT_QINGSHAN } });

    const expected = await api<CourseListData>(preview.url, MEMBER.openid, 'enrollment', 'courses', { near: AT_QINGSHAN });
    expect(expected.courses[0]!.campusId).toBe('campus-qingshan');
    const firstCard = page.locator('.link-card:visible').first();
    await expect(firstCard.textContent()).resolves.toContain(expected.courses[0]!.title);
    await expect(firstCard.textContent()).resolves.toContain('青山分校');
    const text = await visibleText(page);
    expect(text).toContain(`距离：${distanceWords(expected.courses[0]!.distanceM!)}`);
    const main = expected.courses.find((c) => c.campusId === 'campus-main')!;
    await expect(linkCard(page, main.title).textContent()).resolves.toMatch(/距离：约 1\d 公里/);
    // the campus chips carry the distance too
    expect(text).toMatch(/青山分校 · (不到 100 米|约 \d+ 米)/);
    await checkAtBothSizes(page, SCREEN, 'nearby-courses', '按离您现在的位置由近到远排列', sortFromHere);

    // nothing about the position stays on the phone
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain('117.08');
    expect(stored).not.toContain('36.10');

    await exactButton(page, '改回按上课地点排列').click();
    await waitText(page, '按离我远近排序');
    expect(await visibleText(page)).not.toContain('距离：');
  });

  it('with the location refused: falls back to the home town and says so', async () => {
    await stage.phone.context.clearPermissions();
    await openRoute(page, preview.url, '/pages/enroll/courses/index');
    await exactButton(page, '按离我远近排序').click();
    await exactButton(page, '用我现在的位置').click();
    await waitText(page, '没能取得您的位置');
    await waitText(page, '按离您家所在的城关镇由近到远排列');
    const first = page.locator('.link-card:visible').first();
    await expect(first.textContent()).resolves.toContain('本部');
  });
});

describe('活动 by distance', () => {
  it('from where the member is: the screen kept on the phone is only the usual order, never the position', async () => {
    await stage.phone.context.grantPermissions(['geolocation'], { origin: new URL(preview.url).origin });
    await stage.phone.context.setGeolocation(AT_QINGSHAN);
    await openRoute(page, preview.url, '/pages/activities/index');
    await sortFromHere();
    await expect(page.locator('.link-card:visible').first().textContent()).resolves.toMatch(/距离：/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).toContain(':catalog.activities:{}'); // the usual list is kept, keyed by person (screens there at once)
    expect(stored).not.toContain('117.08');
    expect(stored).not.toContain('distanceM');
    await exactButton(page, '改回按时间排列').click();
    await waitText(page, '按离我远近排序');
    await stage.phone.context.clearPermissions();
  });

  it('from the home town: asks for no position and lists the nearest venues first', async () => {
    await openRoute(page, preview.url, '/pages/activities/index');
    await waitText(page, '按离我远近排序');
    await exactButton(page, '按离我远近排序').click();
    const requests = await requestsDuring(async () => {
      await exactButton(page, '按我家所在乡镇').click();
      await waitText(page, '按离您家所在的城关镇由近到远排列');
    });
    expect(requests.map((r) => r.body)).toEqual([{ action: 'activities', payload: { near: 'home' } }]);
    const cards = await page.locator('.link-card:visible').allTextContents();
    const metres = cards.map((card) => /距离：(不到 100 米|约 ([\d.]+) (米|公里))/.exec(card)).filter((m) => m !== null).map((m) => (m![2] ? Number(m![2]) * (m![3] === '公里' ? 1000 : 1) : 0));
    expect(metres.length).toBeGreaterThan(3);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    await checkAtBothSizes(page, SCREEN, 'nearby-activities', '按离您家所在的城关镇由近到远排列', async () => {
      await exactButton(page, '按离我远近排序').click();
      await exactButton(page, '按我家所在乡镇').click();
    });
  });
});
