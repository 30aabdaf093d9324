/**
 * Screens there at once in the weapp: 首页 and 活动 keep their last answer on the phone (wx storage, per WeChat
 * user) and show it at once next time, marked 正在更新…, while the one call runs; the fresh answer replaces it.
 * miniprogram-simulate's storage does nothing, so the phone's storage here is a Map behind wx.*StorageSync.
 */
import type { HomeData } from '../../src/shared/contracts';
import type { Result } from '../../src/shared/result';
import { recordingCloud, startBackend, type Backend, type RecordedCall } from './backend-client';
import { bootWeapp, loadPage, waitFor, type LoadedPage } from './simulator';

const OPENID = 'demo-member';

describe('weapp: the last answer is kept on the phone and shown at once', () => {
  let backend: Backend;
  const storage = new Map<string, unknown>();
  let calls: RecordedCall[];
  /** while set, cloud answers wait for it */
  let gate: Promise<void> | null = null;
  let simulate: ReturnType<typeof bootWeapp>;
  const opened: LoadedPage[] = [];

  beforeAll(async () => {
    backend = await startBackend();
    const recording = recordingCloud(backend, OPENID, () => gate ?? undefined);
    calls = recording.calls;
    simulate = bootWeapp(
      recording.cloud,
      (wx) => {
        // WeChat's storage keeps JSON-able values; a copy, as the phone would hand back
        wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value)));
        wx.getStorageSync = (key: string) => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : '');
        wx.removeStorageSync = (key: string) => void storage.delete(key);
      },
    );
  });

  afterAll(async () => {
    for (const page of opened) page.detach();
    await backend?.stop();
  });

  for (const screen of [
    { route: 'pages/index/index', action: 'home', ready: '王建国，您好' },
    { route: 'pages/activities/index', action: 'activities', ready: '近期活动' },
  ]) {
    it(`${screen.route}: first open loads and keeps the answer; the next open shows it at once, then the fresh one`, async () => {
      // first open: nothing kept yet, the page waits for its one call, then keeps the answer
      calls.length = 0;
      const first = await loadPage(simulate, screen.route);
      opened.push(first);
      await waitFor(() => first.text().includes(screen.ready) && !first.text().includes('正在加载'));
      expect(calls).toHaveLength(1);
      const key = [...storage.keys()].find((k) => k.includes(`catalog.${screen.action}:`));
      expect(key).toBeDefined();
      const kept = storage.get(key!) as { data: unknown };
      const fresh = (await backend.callFunction('catalog', { action: screen.action, payload: {} }, OPENID)).result as Result<HomeData>;
      if (!fresh.ok) throw new Error(fresh.error.code);
      expect(kept.data).toEqual(fresh.data);
      first.detach();

      // next open: the answer is held back, the kept screen is there already, marked as being brought up to date
      calls.length = 0;
      let release: () => void = () => undefined;
      gate = new Promise<void>((resolve) => (release = resolve));
      const again = await loadPage(simulate, screen.route, { again: '1' });
      opened.push(again);
      await waitFor(() => again.text().includes(screen.ready)).finally(() => (gate = null));
      expect(again.text()).toContain('正在更新');
      expect(again.text()).not.toContain('正在加载');
      expect(calls).toHaveLength(1);
      gate = null;
      release();
      await waitFor(() => !again.text().includes('正在更新'));
      expect(again.text()).toContain(screen.ready);
    });
  }
});
