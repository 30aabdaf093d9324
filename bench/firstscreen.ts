/**
 * bench:firstscreen — how soon the home screen shows its first activity title, against a bare Taro 4 page with the
 * same cards built with the same config (bench/firstscreen-bare, data handed in, no cloud): headless Chromium as a
 * phone, CPU throttled 1× and 4×, first visit (fresh profile) and repeat visit (same profile, reloaded),
 * interleaved runs, medians and the ratio app/bare. Goal: ≤ 1.0× on a repeat visit, ≤ 1.2× on a first visit.
 *
 *   npm run bench:firstscreen            (builds dist/bench-bare if missing; needs dist/h5 and dist/cloudfunctions)
 *   H5_DIR=/other/dist/h5 RUNS=7 npm run bench:firstscreen
 *   COMPARE=dist/h5-before [COMPARE_BARE=dist/bench-bare-before] RUNS=7 npm run bench:firstscreen
 *     also another build of the app (and of the bare page, when the build config changed), e.g. from before a
 *     change, in the same interleaved runs against the same data: the only fair before/after on a shared machine
 *   VERBOSE=1 prints every sample; SETTLE_MS (default 1000) is how long a newly launched browser is left to
 *   finish starting before the first visit (without it, Chromium's own start-up ran into the page's first 300 ms)
 * RUNS defaults to 9; the medians of one run move by about ±0.1× at 4× on a shared 2-core machine (the middle half
 * of the per-run ratios is printed beside each ratio): use 11 or more for a figure to report.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { withPersonTag } from '../local/gateway/identity';
import { createStaticHandler } from '../local/gateway/static';
import { startPreview } from '../local/preview';
import type { HomeData } from '../src/shared/contracts';
import { openPhone } from '../test/support/browser';
import { api } from '../test/support/e2e';

const ROOT = path.join(__dirname, '..');
const BARE_DIR = path.join(ROOT, 'dist', 'bench-bare');
const H5_DIR = process.env.H5_DIR ? path.resolve(process.env.H5_DIR) : path.join(ROOT, 'dist', 'h5');
const RUNS = Number(process.env.RUNS ?? 9);
const COMPARE = process.env.COMPARE ? path.resolve(process.env.COMPARE) : null;
const COMPARE_BARE = process.env.COMPARE_BARE ? path.resolve(process.env.COMPARE_BARE) : null;
const OPENID = 'demo-member';
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);

function buildBare(): void {
  if (fs.existsSync(path.join(BARE_DIR, 'index.html')) && !process.env.REBUILD) return;
  // the same page template as the app (Taro reads index.html from the source root), without the app's own work
  // in it (the early home call and the kept home shell: the bare page is handed its cards and asks nothing)
  const template = fs.readFileSync(path.join(ROOT, 'src', 'index.html'), 'utf8').replace(/\s*<!-- app:([\w-]+)[\s\S]*?<!-- \/app:\1 -->/g, '');
  fs.writeFileSync(path.join(ROOT, 'bench', 'firstscreen-bare', 'index.html'), template);
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], {
    cwd: ROOT,
    env: { ...process.env, TARO_SOURCE_ROOT: 'bench/firstscreen-bare', TARO_OUTPUT_ROOT: 'dist/bench-bare', NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}

/** Serves the bare build with the cards handed in through window.__CARDS__ (the page asks nothing). */
function serveBare(cards: unknown, dir = BARE_DIR): Promise<{ url: string; close(): void }> {
  const inject = `<script>window.__CARDS__=${JSON.stringify(cards).replace(/</g, '\\u003c')}</script>`;
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]!));
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, 'index.html');
    let body: Buffer | string = fs.readFileSync(target);
    if (target.endsWith('index.html')) body = body.toString('utf8').replace('<head>', `<head>${inject}`);
    const type = target.endsWith('.js') ? 'text/javascript' : target.endsWith('.css') ? 'text/css' : target.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': target.endsWith('.html') ? 'no-cache' : 'max-age=31536000' }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

/** Serves another build of the app beside the preview: its own files, the preview's calls and sign-in (proxied). */
function serveOtherBuild(dir: string, previewUrl: string): Promise<{ url: string; close(): void }> {
  const serveStatic = createStaticHandler(dir, withPersonTag);
  const upstream = new URL(previewUrl);
  const server = http.createServer((req, res) => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (!rawPath.startsWith('/api/') && !rawPath.startsWith('/local/')) return serveStatic(req, res, rawPath);
    const proxied = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    proxied.on('error', () => res.destroy());
    req.pipe(proxied);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

const SEEN = 'bench:firstscreen seen';

/**
 * Reports, from navigation start, when the text `title` is first rendered and laid out (on screen or below it), as
 * a console message: nothing of Playwright's runs in the page while it loads (waitForFunction would inject its
 * script into the page at its load event, in the middle of the app's first render).
 */
function watchFor(page: Page, title: string): Promise<void> {
  // a string, not a function: tsx would wrap a function in helpers the page does not have
  return page.addInitScript(`(() => {
    const wanted = ${JSON.stringify(title)};
    let seen = false;
    const check = () => {
      if (seen) return;
      const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent || '').trim() !== wanted) continue;
        const box = node.parentElement && node.parentElement.getBoundingClientRect();
        if (box && box.height > 0 && box.width > 0) {
          seen = true;
          console.debug(${JSON.stringify(SEEN)}, performance.now());
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`);
}

/** Opens url and resolves with the time the watched title was seen in that page load. */
async function visit(page: Page, url: string): Promise<number> {
  const seen = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url}: the title did not show within 60 s`)), 60_000);
    const listen = (message: ConsoleMessage) => {
      const text = message.text();
      if (!text.startsWith(`${SEEN} `)) return;
      clearTimeout(timer);
      page.off('console', listen);
      resolve(Number(text.slice(SEEN.length + 1)));
    };
    page.on('console', listen);
  });
  await page.goto(url, { waitUntil: 'commit' });
  return seen;
}

interface Sample {
  first: number;
  repeat: number;
}

async function measure(url: string, title: string, throttle: number, cookie?: { name: string; value: string }): Promise<Sample> {
  const phone = await openPhone();
  try {
    if (cookie) await phone.context.addCookies([{ ...cookie, url }]);
    const cdp = await phone.context.newCDPSession(phone.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await watchFor(phone.page, title);
    // a browser just launched is still busy starting up for a second or so: let it settle, or the first visit
    // measures Chromium's own start-up as much as the page
    await phone.page.goto('about:blank');
    await phone.page.waitForTimeout(SETTLE_MS);
    const first = await visit(phone.page, url);
    await phone.page.waitForTimeout(300); // the fresh answer is kept
    await phone.page.goto('about:blank');
    const repeat = await visit(phone.page, url);
    return { first, repeat };
  } finally {
    await phone.close();
  }
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
const median = (values: number[]) => quantile(values, 0.5);

/** The middle half of the per-run ratios (app and bare of the same interleaved run): how far one median may be off. */
function ratioSpread(app: Sample[], bare: Sample[], visit: keyof Sample): string {
  const ratios = app.map((sample, i) => sample[visit] / (bare[i]?.[visit] ?? Number.NaN)).filter(Number.isFinite);
  return `${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}×`;
}

async function main(): Promise<void> {
  buildBare();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-bench-firstscreen-'));
  const preview = await startPreview({ port: 0, dataDir, reset: true, h5Dir: H5_DIR });
  try {
    const home = await api<HomeData>(preview.url, OPENID, 'catalog', 'home');
    const title = home.activities[0]?.title;
    if (!title) throw new Error('the demo home has no activity');
    const cards = [
      ...home.notices.map((n) => ({ title: n.title, lines: [n.categoryLabel] })),
      ...home.activities.map((a) => ({ title: a.title, lines: [a.place] })),
      ...home.courses.map((c) => ({ title: c.title, lines: [c.campusName] })),
    ];
    const bare = await serveBare(cards);
    const other = COMPARE ? await serveOtherBuild(COMPARE, preview.url) : null;
    const otherBare = COMPARE_BARE ? await serveBare(cards, COMPARE_BARE) : null;
    const appUrl = `${preview.url.replace(/\/$/, '')}/#/pages/index/index`;
    const otherUrl = other ? `${other.url.replace(/\/$/, '')}/#/pages/index/index` : '';
    const cookie = { name: 'local_openid', value: OPENID };
    console.log(`bench:firstscreen  app ${H5_DIR}${COMPARE ? `  compare ${COMPARE}` : ''}  ${cards.length} cards  first activity "${title}"  ${RUNS} interleaved runs each  load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const throttle of [1, 4]) {
      const app: Sample[] = [];
      const compared: Sample[] = [];
      const base: Sample[] = [];
      const comparedBase: Sample[] = [];
      const targets: Array<() => Promise<void>> = [
        async () => void base.push(await measure(bare.url, title, throttle)),
        async () => void app.push(await measure(appUrl, title, throttle, cookie)),
        ...(other ? [async () => void compared.push(await measure(otherUrl, title, throttle, cookie))] : []),
        ...(otherBare ? [async () => void comparedBase.push(await measure(otherBare.url, title, throttle))] : []),
      ];
      // interleaved, each run starting with the next target (no build always measured right after another)
      for (let run = 0; run < RUNS; run += 1) {
        for (let i = 0; i < targets.length; i += 1) await targets[(run + i) % targets.length]!();
      }
      if (process.env.VERBOSE) for (const [name, samples] of [['app', app], ['bare', base], ['compare', compared]] as const) if (samples.length) console.log(`    ${name.padEnd(7)} first ${samples.map((s) => s.first.toFixed(0)).join(' ')}  repeat ${samples.map((s) => s.repeat.toFixed(0)).join(' ')}`);
      for (const visit of ['first', 'repeat'] as const) {
        const a = median(app.map((s) => s[visit]));
        const b = median(base.map((s) => s[visit]));
        const c = median(compared.map((s) => s[visit]));
        const cb = otherBare ? median(comparedBase.map((s) => s[visit])) : b;
        const also = other ? `; compare ${c.toFixed(0)} ms${otherBare ? ` vs its bare ${cb.toFixed(0)} ms` : ''}, ratio ${(c / cb).toFixed(2)}×` : '';
        console.log(`  CPU ${throttle}×  ${visit.padEnd(6)} visit: app ${a.toFixed(0)} ms, bare ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}× (per run, middle half ${ratioSpread(app, base, visit)})${also}`);
      }
    }
    console.log(`  load at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    other?.close();
    otherBare?.close();
    bare.close();
  } finally {
    await preview.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
