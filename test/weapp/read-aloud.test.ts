/**
 * 朗读 in the weapp through WeChat's 同声传译 plugin, faked here (requirePlugin('WechatSI') and the audio player):
 * the notice's title and body are sent to textToSpeech in chunks, each played in turn; 暂停/继续朗读 pause and
 * resume the player; it ends back at 朗读 when the last chunk has played.
 */
import type { NoticeListPage, OpenNoticeData } from '../../src/shared/contracts-notice';
import { speechText } from '../../src/shared/notice-body';
import type { Result } from '../../src/shared/result';
import { recordingCloud, startBackend, type Backend, type RecordingCloud } from './backend-client';
import { bootWeapp, loadPage, waitFor, type LoadedPage } from './simulator';

const OPENID = 'demo-member';

interface FakeAudio {
  src: string;
  played: string[];
  paused: number;
  ended?: () => void;
}

describe('weapp 朗读 with the 同声传译 plugin', () => {
  let backend: Backend;
  let page: LoadedPage;
  let cloud: RecordingCloud;
  /** the notice as the page's own call got it */
  const opened = (): OpenNoticeData => cloud.answers<OpenNoticeData>('notice', 'open').at(-1)!;
  const spoken: string[] = [];
  const audio: FakeAudio = { src: '', played: [], paused: 0 };
  const g = globalThis as unknown as { requirePlugin?: (name: string) => unknown; wx: Record<string, unknown> };

  beforeAll(async () => {
    backend = await startBackend();
    g.requirePlugin = (name: string) => {
      if (name !== 'WechatSI') throw new Error(`no plugin ${name}`);
      return {
        textToSpeech: (o: { lang: string; tts: boolean; content: string; success: (r: { retcode: number; filename: string }) => void }) => {
          expect(o).toMatchObject({ lang: 'zh_CN', tts: true });
          spoken.push(o.content);
          setTimeout(() => o.success({ retcode: 0, filename: `https://tts.example/${spoken.length}.mp3` }), 5);
        },
        getRecordRecognitionManager: () => ({}),
      };
    };
    const fakeAudio = () => ({
      set src(value: string) {
        audio.src = value;
      },
      get src() {
        return audio.src;
      },
      play: () => audio.played.push(audio.src),
      pause: () => (audio.paused += 1),
      stop: () => undefined,
      destroy: () => undefined,
      onEnded: (cb: () => void) => (audio.ended = cb),
      onError: () => undefined,
    });
    cloud = recordingCloud(backend, OPENID);
    const simulate = bootWeapp(cloud.cloud, (wx) => {
      wx.createInnerAudioContext = fakeAudio;
    });
    // the longest of the member's notices, so it is read in more than one chunk
    const list = (await backend.callFunction('notice', { action: 'list', payload: { page: 1 } }, OPENID)).result as Result<NoticeListPage>;
    if (!list.ok) throw new Error(list.error.code);
    const bodies = await Promise.all(
      list.data.items.map(async (item) => {
        const r = (await backend.callFunction('notice', { action: 'open', payload: { noticeId: item.id } }, OPENID)).result as Result<OpenNoticeData>;
        return r.ok ? { id: item.id, length: speechText(r.data.notice.title, r.data.notice.body).length } : { id: item.id, length: 0 };
      }),
    );
    const longest = bodies.sort((a, b) => b.length - a.length)[0]!;
    page = await loadPage(simulate, 'pages/notices/detail', { id: longest.id });
    await waitFor(() => page.text().includes('朗读'));
  });

  afterAll(async () => {
    page?.detach();
    await backend?.stop();
  });

  it('reads the notice in chunks through the plugin, with 暂停 and 继续朗读, and ends at 朗读', async () => {
    const text = speechText(opened().notice.title, opened().notice.body);
    expect(text.length).toBeGreaterThan(120);
    page.tap('.big-button', '朗读');
    await waitFor(() => audio.played.length === 1);
    expect(page.text()).toContain('停止朗读');
    expect(spoken[0]!.startsWith(opened().notice.title)).toBe(true);

    page.tap('.big-button', '暂停');
    await waitFor(() => page.text().includes('继续朗读'));
    expect(audio.paused).toBe(1);
    page.tap('.big-button', '继续朗读');
    await waitFor(() => audio.played.length === 2);
    expect(audio.played[1]).toBe(audio.played[0]);

    // each chunk plays after the one before ends
    for (let guard = 0; guard < 50 && page.text().includes('停止朗读'); guard += 1) {
      const before = audio.played.length;
      audio.ended!();
      await waitFor(() => audio.played.length > before || !page.text().includes('停止朗读'));
    }
    expect(page.text()).not.toContain('停止朗读');
    expect(spoken.length).toBeGreaterThan(1);
    expect(spoken.every((chunk) => chunk.length <= 120)).toBe(true);
    expect(spoken.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(page.text()).not.toContain('朗读没有成功');
  });
});
