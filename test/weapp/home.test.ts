/**
 * The weapp build's home page, in miniprogram-simulate with the official compiler, renders what the real
 * `catalog` function answered (run through local/runtime against a seeded emulator).
 */
import { formatDateTime } from '../../src/services/format';
import { activityTimeline, cardState, courseTimeline } from '../../src/services/phase';
import type { HomeData } from '../../src/shared/contracts';
import type { Result } from '../../src/shared/result';
import { recordingCloud, startBackend, type Backend, type RecordedCall } from './backend-client';
import { bootWeapp, loadPage, pageMetaKey, waitFor, type LoadedPage } from './simulator';

const OPENID = 'demo-member';

describe('weapp home page', () => {
  let backend: Backend;
  let calls: RecordedCall[];
  let page: LoadedPage;

  beforeAll(async () => {
    backend = await startBackend();
    const recording = recordingCloud(backend, OPENID);
    calls = recording.calls;
    const simulate = bootWeapp(recording.cloud);
    // A built page registers once per process (require cache), so both tests look at this one instance.
    page = await loadPage(simulate, 'pages/index/index');
    await waitFor(() => page.text().includes('您好'));
  });

  afterAll(async () => {
    page?.detach();
    await backend?.stop();
  });

  it('shows the greeting, activities and courses from one catalog.home call', async () => {
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ name: 'catalog', data: { action: 'home', payload: {} } });
    const result = calls[0]!.result as Result<HomeData>;
    if (!result.ok) throw new Error(`catalog.home failed: ${result.error.code}`);
    const home = result.data;
    expect(home.viewerName).toBe('王建国');
    expect(home.activities.length).toBeGreaterThan(0);
    expect(home.courses.length).toBeGreaterThan(0);

    const text = page.text();
    expect(text).toContain('王建国，您好');
    for (const activity of home.activities) expect(text).toContain(activity.title);
    for (const course of home.courses) expect(text).toContain(course.title);
    for (const notice of home.notices) expect(text).toContain(notice.title);
    const first = home.activities[0]!;
    expect(text).toContain(`时间：${formatDateTime(first.startAt)}`);
    expect(text).toContain(`地点：${first.place}`);
    expect(text).toContain(cardState(activityTimeline(first), first.seatsLeft).badge);
    // a course not open yet is not offered for sign-up: its card says when it opens
    const open = (c: (typeof home.courses)[number]) => Date.now() >= Date.parse(c.signup.opensAt ?? '') && Date.now() < Date.parse(c.signup.closesAt);
    for (const course of home.courses) if (!open(course)) expect(cardState(courseTimeline(course), course.seatsLeft).more).toBe('查看详情');
    expect(text).not.toContain('正在加载');
  });

  it('follows the WeChat font setting through page-meta (page-font-size and root-font-size "system")', async () => {
    const pageFontSize = pageMetaKey('pages/index/index', 'page-font-size');
    const rootFontSize = pageMetaKey('pages/index/index', 'root-font-size');
    expect(pageFontSize).not.toBeNull();
    expect(rootFontSize).not.toBeNull();
    const meta = page.data().pageMeta as Record<string, unknown>;
    expect(meta[pageFontSize!]).toBe('system');
    expect(meta[rootFontSize!]).toBe('system');
  });
});
