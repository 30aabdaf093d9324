/**
 * Screens there at once (issue 18), H5: the home call starts from index.html before the scripts load and is made
 * once; the last answer is kept on the device and shown at once marked 正在更新…, then replaced; on a repeat visit
 * index.html shows the kept home screen itself before the scripts have run (the shell: same place to the pixel as
 * the real screen that replaces it, at normal and large text; a tap on it is answered and replayed); a kept answer
 * or shell belongs to one person: after switching the demo person the previous person's screen never shows, not
 * even for a moment. On a first visit (nothing kept) home is drawn once, with its answer, when that comes within
 * EARLY_ANSWER_HOLD_MS (no 正在加载… flashed before it), and says 正在加载… when it is slower. Assumes
 * dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5).
 */
import type { Page, Route } from 'playwright-core';
import type { Preview } from '../../local/preview';
import { EARLY_ANSWER_HOLD_MS } from '../../src/shared/h5-shell';
import { baseUrl, screenshot, setLargest, signIn, SCREENSHOTS, startStage, type Stage } from '../support/e2e';
import fs from 'node:fs';
import path from 'node:path';

const WANG = { openid: 'demo-member', name: '王建国' };
const LIU = { openid: 'demo-lixiu', name: '刘振山' };

let stage: Stage;
let preview: Preview;
let page: Page;

/** Every text the page showed since it opened (a MutationObserver from the first byte), joined. */
async function everShown(): Promise<string> {
  return page.evaluate(() => (window as unknown as { __shown: string[] }).__shown.join('\n'));
}

/** Holds /api/catalog answers until release() (the kept screen is then all there is to see). */
function holdCatalog(): { release(): void; calls: () => number } {
  let count = 0;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  void page.route('**/api/catalog', async (route: Route) => {
    count += 1;
    await gate;
    await route.continue();
  });
  return {
    release: () => open(),
    calls: () => count,
  };
}

/** Holds the app's scripts until release() (what shows meanwhile is index.html's own doing). */
function holdScripts(): { release(): Promise<void> } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  void page.route('**/js/*.js', async (route: Route) => {
    await gate;
    await route.continue();
  });
  return {
    release: async () => {
      open();
      await page.waitForLoadState('load');
      await page.unroute('**/js/*.js');
    },
  };
}

/** A screenshot while the page is still loading (the app's scripts held: Playwright's own waits for the load). */
async function shootNow(name: string): Promise<Buffer> {
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  const png = Buffer.from(data, 'base64');
  fs.writeFileSync(path.join(SCREENSHOTS, `${name}.png`), png);
  await cdp.detach();
  return png;
}

/** The people whose home shell this browser keeps (by person tag). */
async function keptShells(): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ylt-shell:home:')));
}

/** Where the first activity's title is: in the shell, or on the real screen. */
async function titleBox(where: '#ylt-shell' | '.taro_page', title: string) {
  return page.locator(`${where} .card__title`, { hasText: title }).first().boundingBox();
}

beforeAll(async () => {
  stage = await startStage('first-screen');
  ({ preview, page } = stage);
  await page.addInitScript(`(() => {
    window.__shown = [];
    const record = () => { if (document.body) window.__shown.push(document.body.innerText); };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  })();`);
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

describe('H5 first screen', () => {
  it('makes the home call once, started by the page before the app scripts have arrived', async () => {
    let calls = 0;
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/api/catalog')) calls += 1;
    };
    page.on('request', onRequest);
    // the app's scripts are held until the home call is seen (or 5 s): only index.html can have made it
    let heldUntilCall = true;
    await page.route('**/js/*.js', async (route) => {
      const since = Date.now();
      while (calls === 0 && Date.now() - since < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      if (calls === 0) heldUntilCall = false;
      await route.continue();
    });
    await signIn(page, preview.url, WANG.openid);
    await page.getByText(`${WANG.name}，您好`).waitFor();
    await page.waitForTimeout(300);
    await page.unroute('**/js/*.js');
    page.off('request', onRequest);
    expect(heldUntilCall).toBe(true);
    expect(calls).toBe(1);
    // the page says whom it is for, not by the openid
    const html = await page.content();
    expect(html).toMatch(/<meta name="ylt-person" content="[\w-]{16}">/);
    expect(html).not.toContain(WANG.openid);
  });

  it('shows the kept home screen at once, marked 正在更新…, until the fresh answer replaces it', async () => {
    const held = holdCatalog();
    await page.reload();
    await page.getByText(`${WANG.name}，您好`).waitFor();
    await page.getByText('正在更新…').waitFor();
    expect(held.calls()).toBe(1);
    held.release();
    await page.getByText('正在更新…').waitFor({ state: 'detached' });
    await page.getByText(`${WANG.name}，您好`).waitFor();
    await page.unroute('**/api/catalog');
  });

  for (const large of [false, true]) {
    it(`on a repeat visit shows the kept home screen before the scripts run, exactly where the real one comes${large ? ' (largest text)' : ''}`, async () => {
      if (large) await setLargest(page, true); // the shell kept at normal size is not shown at large text
      await page.getByText(`${WANG.name}，您好`).waitFor();
      await page.getByText('正在更新…').waitFor({ state: 'detached' });
      await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('ylt-shell:home:')) && !document.getElementById('ylt-shell'));
      await page.waitForTimeout(300); // the fresh screen at this size is kept
      const scripts = holdScripts();
      const held = holdCatalog();
      const title = (await page.locator('.taro_page .card__title').nth(3).textContent()) ?? '';
      await page.reload({ waitUntil: 'commit' });
      // nothing of the app has run: this is index.html showing the kept screen
      await page.locator('#ylt-shell').getByText(`${WANG.name}，您好`).waitFor();
      await page.locator('#ylt-shell').getByText('正在更新…').waitFor();
      expect(await page.evaluate(() => document.querySelectorAll('.taro_page').length)).toBe(0);
      const before = await titleBox('#ylt-shell', title);
      const shellShot = await shootNow(`first-screen-shell${large ? '-largest' : ''}`);
      await scripts.release();
      await page.locator('#ylt-shell').waitFor({ state: 'detached' });
      // the real screen, still the kept answer (its call is held), in the very same place
      await page.locator('.taro_page').getByText('正在更新…').waitFor();
      const after = await titleBox('.taro_page', title);
      expect(before).not.toBeNull();
      expect(after).toEqual(before);
      // and the whole screen looks the same to the pixel: nothing moves when the app takes over
      expect((await shootNow(`first-screen-real${large ? '-largest' : ''}`)).equals(shellShot)).toBe(true);
      held.release();
      await page.getByText('正在更新…').waitFor({ state: 'detached' });
      await page.unroute('**/api/catalog');
      if (large) {
        await screenshot(page, 'first-screen-home-largest');
        await setLargest(page, false);
        await page.getByText(`${WANG.name}，您好`).waitFor();
      }
    });
  }

  it('answers a tap on the shell at once (正在打开…) and carries it out once the app is there', async () => {
    await page.getByText('正在更新…').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    const scripts = holdScripts();
    await page.reload({ waitUntil: 'commit' });
    const shellTile = page.locator('#ylt-shell .tile', { hasText: '志愿服务' });
    await shellTile.waitFor();
    await shellTile.click();
    await page.locator('#ylt-shell').getByText('正在打开，请稍候…').waitFor();
    await scripts.release();
    await page.waitForURL((url) => url.hash.includes('/pages/enroll/teams/'));
    await page.locator('#ylt-shell').waitFor({ state: 'detached' });
    await page.goto(`${baseUrl(preview.url)}/#/pages/index/index`);
    await page.getByText(`${WANG.name}，您好`).waitFor();
  });

  it("never shows the previous person's kept screen after switching person, and keeps each person's own", async () => {
    // 王建国's home (answer and shell) is kept on this browser; now 刘振山 signs in on it, with his answer held back
    await page.getByText('正在更新…').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    expect(await keptShells()).toHaveLength(1);
    const held = holdCatalog();
    await page.goto(`${baseUrl(preview.url)}/local/signin`);
    await page.locator(`button[value="${LIU.openid}"]`).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/local/'));
    await page.getByText('正在加载…').waitFor();
    await page.waitForTimeout(500);
    expect(await everShown()).not.toContain(WANG.name);
    held.release();
    await page.getByText(`${LIU.name}，您好`).waitFor();
    expect(await everShown()).not.toContain(WANG.name);
    await page.unroute('**/api/catalog');
    await page.waitForTimeout(300);
    expect(await keptShells()).toHaveLength(2);

    // back to 王建国: his own kept screen comes at once, never 刘振山's
    const again = holdCatalog();
    await page.goto(`${baseUrl(preview.url)}/local/signin`);
    await page.locator(`button[value="${WANG.openid}"]`).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/local/'));
    await page.getByText(`${WANG.name}，您好`).waitFor();
    await page.getByText('正在更新…').waitFor();
    expect(await everShown()).not.toContain(LIU.name);
    again.release();
    await page.getByText('正在更新…').waitFor({ state: 'detached' });
    expect(await everShown()).not.toContain(LIU.name);
    await page.unroute('**/api/catalog');
  });

  /** A first visit (nothing kept) whose home answer is handed over once the app has put up its page, after `delayMs`. */
  async function firstVisitAnsweredAfter(delayMs: number): Promise<void> {
    await signIn(page, preview.url, WANG.openid);
    await page.getByText(`${WANG.name}，您好`).waitFor();
    // home keeps its shell just after it paints: cleared before that, it would be kept again and shown on reload
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('ylt-shell:home:')));
    await page.evaluate(() => localStorage.clear());
    let pageUp: () => void = () => undefined;
    const appPageUp = new Promise<void>((resolve) => (pageUp = resolve));
    await page.route('**/api/catalog', async (route: Route) => {
      const response = await route.fetch();
      await appPageUp;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      // a request of the page being replaced by the reload is cancelled with it: nothing to hand over there
      await route.fulfill({ response }).catch(() => undefined);
    });
    await page.reload({ waitUntil: 'commit' });
    await page.locator('.taro_page').first().waitFor({ state: 'attached' });
    pageUp();
    await page.getByText(`${WANG.name}，您好`).waitFor();
    await page.unroute('**/api/catalog');
  }

  it('on a first visit draws home once, with its answer: no 正在加载… flashed when the answer comes within moments', async () => {
    await firstVisitAnsweredAfter(0);
    expect(await everShown()).not.toContain('正在加载…');
  });

  it('on a first visit says 正在加载… when the answer is slow, then shows home', async () => {
    await firstVisitAnsweredAfter(EARLY_ANSWER_HOLD_MS + 700);
    expect(await everShown()).toContain('正在加载…');
    await page.getByText('正在加载…').waitFor({ state: 'detached' });
  });
});
