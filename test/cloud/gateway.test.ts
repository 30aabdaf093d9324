/** The local preview end to end: real gateway + runtime (bundled functions) + emulator + seeded demo county. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startPreview, type Preview } from '../../local/preview';
import { DEMO_ACCOUNTS } from '../../local/seed/demo-accounts';
import { buildFunctions, REPO_ROOT } from '../../scripts/build-functions';
import { ERROR_MESSAGES } from '../../src/shared/errors';
import { runWithIdentity } from '../../local/runtime/sdk-env';
import { connectSdk } from '../helpers/sdk';

let work: string;
let functionsDir: string;
let preview: Preview;

/** Fixture functions next to the real bundles: one slower than its timeout, one that throws. */
function writeFixtureFunction(dir: string, name: string, source: string, timeout: number): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'index.js'), source);
  fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify({ timeout }));
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-gateway-'));
  // inside the repo, so the bundles resolve wx-server-sdk from its node_modules as in dist/cloudfunctions
  functionsDir = path.join(REPO_ROOT, 'dist', 'test-fixtures', `gateway-${process.pid}`);
  await buildFunctions({ outDir: functionsDir });
  writeFixtureFunction(functionsDir, 'slow', 'exports.main = () => new Promise((r) => setTimeout(r, 1500).unref());', 1);
  writeFixtureFunction(functionsDir, 'crash', 'exports.main = async () => { throw new Error("secret stack detail"); };', 3);
  const h5Dir = path.join(work, 'h5');
  fs.mkdirSync(path.join(h5Dir, 'js'), { recursive: true });
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>银龄通</title><div id="app"></div></html>');
  fs.writeFileSync(path.join(h5Dir, 'js', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(work, 'secret.txt'), 'TOP SECRET');
  preview = await startPreview({ port: 0, dataDir: path.join(work, 'data'), h5Dir, functionsDir });
});

afterAll(async () => {
  await preview.stop();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(functionsDir, { recursive: true, force: true });
});

const url = (p: string) => new URL(p, preview.url).toString();

async function callApi(fn: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url(`/api/${fn}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } } };
}

/** A raw request, so the path reaches the server exactly as written (fetch would normalise "..") */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(preview.url);
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local preview gateway', () => {
  it('seeded the demo county on first start', () => {
    expect(preview.seeded?.counts.members).toBe(300);
  });

  it('runs catalog.home for a demo member sent as X-Local-Openid', async () => {
    const { status, body } = await callApi('catalog', { action: 'home', payload: {} }, { 'X-Local-Openid': 'demo-member' });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data.viewerName).toBe('王建国');
    expect(body.data.notices.length).toBeGreaterThan(0);
    expect(body.data.activities.length).toBeGreaterThan(0);
    expect(body.data.courses.length).toBeGreaterThan(0);
  });

  it('refuses a call without identity with AUTH.NO_IDENTITY', async () => {
    const { status, body } = await callApi('catalog', { action: 'home', payload: {} });
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, error: { code: 'AUTH.NO_IDENTITY', message: ERROR_MESSAGES['AUTH.NO_IDENTITY'] } });
  });

  it('sends someone who has not chosen an identity to the sign-in page before the app starts (no call answered 401)', async () => {
    const res = await fetch(url('/'), { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/local/signin');
  });

  it('signs in through the sign-in page: the cookie identifies the caller', async () => {
    const page = await fetch(url('/local/signin'));
    const html = await page.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('本地预览（仅供开发演示，不存在于小程序中）');
    expect(html).not.toMatch(/user-scalable\s*=\s*no/);
    for (const account of DEMO_ACCOUNTS) expect(html).toContain(account.label);

    const signin = await fetch(url('/local/signin'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'openid=demo-helper',
      redirect: 'manual',
    });
    expect(signin.status).toBe(303);
    expect(signin.headers.get('location')).toBe('/');
    const cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toBe('local_openid=demo-helper');

    const me = await callApi('member', { action: 'me', payload: {} }, { cookie });
    expect(me.body).toMatchObject({ ok: true, data: { name: '王晓梅', role: 'helper', actingFor: { name: '王建国' } } });

    const signedIn = await (await fetch(url('/local/signin'), { headers: { cookie } })).text();
    expect(signedIn).toContain('当前身份：王晓梅（王建国的女儿，代办）');
    const signout = await fetch(url('/local/signout'), { headers: { cookie }, redirect: 'manual' });
    expect(signout.headers.get('set-cookie')).toMatch(/^local_openid=;.*Max-Age=0/);
  });

  it('refuses an unknown demo identity on the sign-in form', async () => {
    const res = await fetch(url('/local/signin'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'openid=someone-else',
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('rejects a body over 256 KB, bad JSON, a bad shape and an unknown function with coded errors', async () => {
    const who = { 'X-Local-Openid': 'demo-member' };
    const huge = await callApi('catalog', { action: 'home', payload: { text: 'x'.repeat(300 * 1024) } }, who);
    expect(huge).toEqual({ status: 413, body: { ok: false, error: { code: 'INPUT.TOO_LARGE', message: ERROR_MESSAGES['INPUT.TOO_LARGE'] } } });
    expect((await callApi('catalog', '{"action":', who)).body.error?.code).toBe('INPUT.INVALID');
    expect((await callApi('catalog', { payload: {} }, who)).body.error?.code).toBe('INPUT.INVALID');
    expect((await callApi('nosuch', { action: 'home' }, who)).body.error?.code).toBe('INPUT.UNKNOWN_FUNCTION');
    expect((await callApi('..%2f..%2fetc', { action: 'home' }, who)).body.error?.code).toBe('INPUT.UNKNOWN_FUNCTION');
    // the gateway still serves normal calls afterwards
    expect((await callApi('catalog', { action: 'home', payload: {} }, who)).body.ok).toBe(true);
  });

  it('maps a function timeout to SYSTEM.TIMEOUT and a thrown error to SYSTEM.ERROR, without stack traces', async () => {
    const who = { 'X-Local-Openid': 'demo-member' };
    const slow = await callApi('slow', { action: 'x', payload: {} }, who);
    expect(slow).toEqual({ status: 504, body: { ok: false, error: { code: 'SYSTEM.TIMEOUT', message: ERROR_MESSAGES['SYSTEM.TIMEOUT'] } } });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const crash = await callApi('crash', { action: 'x', payload: {} }, who);
    errors.mockRestore();
    expect(crash).toEqual({ status: 500, body: { ok: false, error: { code: 'SYSTEM.ERROR', message: ERROR_MESSAGES['SYSTEM.ERROR'] } } });
    expect(JSON.stringify(crash.body)).not.toContain('secret');
  });

  it('serves the H5 build with content types and falls back to index.html for page paths', async () => {
    const index = await fetch(url('/'), { headers: { cookie: 'local_openid=demo-member' } });
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<div id="app">');
    const js = await fetch(url('/js/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const page = await fetch(url('/pages/me/index'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect((await fetch(url('/js/missing.js'))).status).toBe(404);
  });

  it('serves a rebuilt file as it is now, not the bytes it kept from before', async () => {
    const file = path.join(work, 'h5', 'js', 'rebuilt.js');
    fs.writeFileSync(file, 'console.log("one")');
    expect(await (await fetch(url('/js/rebuilt.js'))).text()).toBe('console.log("one")');
    fs.writeFileSync(file, 'console.log("two")'); // same size
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await (await fetch(url('/js/rebuilt.js'))).text()).toBe('console.log("two")');
    fs.writeFileSync(file, 'console.log("three, longer")');
    const answer = await fetch(url('/js/rebuilt.js'));
    expect([answer.headers.get('content-length'), await answer.text()]).toEqual(['28', 'console.log("three, longer")']);
  });

  it('blocks path traversal out of the H5 directory', async () => {
    for (const attempt of ['/../secret.txt', '/..%2fsecret.txt', '/js/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..\\secret.txt']) {
      const res = await rawGet(attempt);
      expect(res.body).not.toContain('TOP SECRET');
      expect([403, 404]).toContain(res.status);
    }
  });

  it('shows the subscribe-message outbox', async () => {
    expect(await (await fetch(url('/local/outbox'))).text()).toContain('还没有发出任何订阅消息');
    const { cloud } = connectSdk(preview.adminUrl);
    await runWithIdentity({ openid: 'demo-member' }, () =>
      cloud.openapi.subscribeMessage.send({ touser: 'demo-member', templateId: 'tpl-activity', page: 'pages/index/index', data: { thing1: { value: '<门球赛>' } } }),
    );
    const html = await (await fetch(url('/local/outbox'))).text();
    expect(html).toContain('订阅消息发件箱');
    expect(html).toContain('王建国（退休干部，普通成员）');
    expect(html).toContain('thing1：&#60;门球赛&#62;');
  });

  // Last: a preview points the process's SDK at its own emulator, so this one takes over from the shared one.
  it('keeps what users changed across a restart, and reseeds on reset', async () => {
    const options = { port: 0, dataDir: path.join(work, 'data2'), h5Dir: path.join(work, 'h5'), functionsDir };
    const xiangqi = (adminUrl: string) => connectSdk(adminUrl).db.collection('activities').doc('activity-xiangqi');
    const takenOf = async (adminUrl: string): Promise<number> => (await xiangqi(adminUrl).get()).data.taken;
    const first = await startPreview(options);
    expect(first.seeded).not.toBeNull();
    await xiangqi(first.adminUrl).update({ data: { taken: 12 } });
    await first.stop();

    const again = await startPreview(options);
    expect(again.seeded).toBeNull();
    expect(await takenOf(again.adminUrl)).toBe(12);
    await again.stop();

    const reset = await startPreview({ ...options, reset: true });
    expect(reset.seeded?.counts.members).toBe(300);
    expect(await takenOf(reset.adminUrl)).toBe(11);
    await reset.stop();
  });
});
