/**
 * 云课堂 in the weapp (miniprogram-simulate on the real build, real functions and the seeded emulator): 王建国 joins
 * 智能手机应用（入门）, plays half of a lesson and leaves; the page saved what was played, so opening it again resumes
 * mid-way; playing on to 90 % finishes it, and 我的 shows the 学习积分. Also measures the lesson page's first
 * setData and the main package's size (WeChat's limit is 2 MB).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SaveProgressData } from '../../src/shared/contracts-lessons';
import type { Result } from '../../src/shared/result';
import { termOf } from '../../local/seed/university';
import { recordingCloud, startBackend, type Backend, type RecordingCloud } from './backend-client';
import { bootWeapp, loadPage, waitFor, WEAPP_DIR, type LoadedPage } from './simulator';

const OPENID = 'demo-member';
const termId = () => termOf(new Date()).id;
const LESSON = 'lesson-shouji-1-2';
type Simulate = ReturnType<typeof bootWeapp>;
type Instance = { setData: (data: Record<string, unknown>, cb?: () => void) => void };

/** KB of every file of the build outside the subpackage roots (what WeChat counts as the main package). */
function mainPackageKb(): number {
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const roots = (app.subPackages ?? []).map((p) => `${p.root}/`);
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(WEAPP_DIR, full).split(path.sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (!roots.some((root) => rel.startsWith(root))) bytes += fs.statSync(full).size;
    }
  };
  walk(WEAPP_DIR);
  return Math.round((bytes / 1024) * 10) / 10;
}

/**
 * Opening a page a second time: miniprogram-simulate runs a page's js only once under jest (its require cache
 * cannot be cleared here), so Page() would not be called again. Keep each page's config and register it again
 * when the same file is loaded a second time, as WeChat does when a page is opened anew.
 */
function reopenable(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils = require('miniprogram-simulate/src/utils') as { runJs: (file: string) => void };
  const g = globalThis as unknown as { Page: (config: unknown) => void };
  const configs = new Map<string, unknown>();
  let loading = '';
  const page = g.Page;
  g.Page = (config) => {
    configs.set(loading, config);
    page(config);
  };
  const run = utils.runJs;
  utils.runJs = (file) => {
    loading = file;
    if (configs.has(file)) g.Page(configs.get(file));
    else run(file);
  };
}

describe('weapp 云课堂: resume a lesson mid-way, finish it, see the point', () => {
  let backend: Backend;
  let simulate: Simulate;
  let cloud: RecordingCloud;
  const saves = () => cloud.answers<SaveProgressData>('lessons', 'progress');

  beforeAll(async () => {
    backend = await startBackend();
    cloud = recordingCloud(backend, OPENID);
    simulate = bootWeapp(cloud.cloud);
    reopenable();
    // 王建国 signs up for the course (the course page's 报名)
    const signUp = (await backend.callFunction('enrollment', { action: 'signUp', payload: { kind: 'course', targetId: `course-${termId()}-shouji-1` } }, OPENID)).result as Result<unknown>;
    expect(signUp.ok).toBe(true);
  });
  afterAll(async () => {
    await backend?.stop();
  });

  const settled = () => cloud.settled(100);

  /** Plays from `from` to `to` seconds as the player reports it (a timeupdate every quarter second), then pauses. */
  async function play(page: LoadedPage, from: number, to: number): Promise<void> {
    page.fire('[class*="lesson-player__video"]', 'play');
    for (let t = from; t <= to; t += 0.25) page.fire('[class*="lesson-player__video"]', 'timeupdate', { currentTime: t, duration: 150 });
    page.fire('[class*="lesson-player__video"]', 'pause');
    await settled();
  }

  it('opens the lesson with one call, big controls and the text version; first setData measured', async () => {
    const sizes: number[] = [];
    const g = globalThis as unknown as { getCurrentPages: () => Instance[] };
    const page = await loadPage(simulate, 'pages/lessons/player', { id: LESSON });
    const instance = g.getCurrentPages().at(-1)!;
    const original = instance.setData.bind(instance);
    instance.setData = (data, cb) => {
      sizes.push(Buffer.byteLength(JSON.stringify(data)));
      original(data, cb);
    };
    cloud.calls.length = 0;
    await waitFor(() => page.text().includes('第二讲 和家人视频通话'));
    await settled();
    expect(cloud.names()).toEqual(['lessons.lesson']);
    const text = page.text();
    for (const words of ['播放', `后退15秒`, '字幕和文字稿', '看完90%就算学完', '下一课：第三讲 识别电信诈骗']) expect(text).toContain(words);
    // the lesson arrives in one setData
    console.log(`setData sizes while opening: ${JSON.stringify(sizes)}`);
    const first = Math.max(...sizes);
    console.log(`lesson page: first setData carrying the lesson ${first} bytes (${(first / 1024).toFixed(1)} KB); main package ${mainPackageKb()} KB`);
    expect(first).toBeLessThan(64 * 1024);
    expect(mainPackageKb()).toBeLessThan(2048);
    await play(page, 0, 50);
    await play(page, 50, 70);
    page.detach(); // leaving saves too (onUnload)
    await settled();
    expect(saves().at(-1)).toMatchObject({ watchedSeconds: 70, finished: false });
  });

  it('resumes mid-way, finishes at 90 % and says the point was earned', async () => {
    const page = await loadPage(simulate, 'pages/lessons/player', { id: LESSON });
    await waitFor(() => page.text().includes('上次看到'));
    expect(page.text()).toContain('上次看到 1:07');
    expect(page.text()).toContain('已看46%');
    await play(page, 67, 120);
    expect(page.text()).not.toContain('这一课学完了');
    await play(page, 120, 140);
    await waitFor(() => page.text().includes('这一课学完了'));
    expect(page.text()).toContain('得学习积分1分');
    expect(saves().filter((s) => s.justFinished)).toHaveLength(1);
    page.detach();
    await settled();
  });

  it('shows the point on 我的, with the rule in words, in the one member.me call', async () => {
    cloud.calls.length = 0;
    const page = await loadPage(simulate, 'pages/me/index');
    await waitFor(() => page.text().includes('学习积分：1分'));
    await settled();
    expect(cloud.names()).toEqual(['member.me']);
    expect(page.text()).toContain('已学完1课');
    expect(page.text()).toContain('看完90%以上');
    expect(page.text()).toContain('志愿服务时长');
    page.detach();
  });

  it('the course list shows the lesson finished', async () => {
    const page = await loadPage(simulate, 'pages/lessons/index', { courseId: `course-${termId()}-shouji-1` });
    await waitFor(() => page.text().includes('第2课 第二讲 和家人视频通话'));
    expect(page.text()).toContain('这门课已得学习积分：1分');
    expect(page.text()).toContain('已学完');
    page.detach();
  });
});
