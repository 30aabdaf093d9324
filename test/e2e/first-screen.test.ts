/**
 * Screens there at once (issue 18), H5: the home call starts from index.html before the scripts load and is made
 * once; the last answer is kept on the device and shown at once marked 正在更新…, then replaced; a kept answer
 * belongs to one person: after switching the demo person the previous person's screen never shows, not even for
 * a moment. Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5).
 */
import type { Page, Route } from 'playwright-core';
import type { Preview } from '../../local/preview';
import { baseUrl, signIn, startStage, type Stage } from '../support/e2e';

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

  it("never shows the previous person's kept screen after switching person, and keeps each person's own", async () => {
    // 王建国's home is kept on this browser; now 刘振山 signs in on it, with his answer held back
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
});
