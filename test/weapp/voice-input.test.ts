/**
 * 语音输入 in the weapp through WeChat's 同声传译 plugin (faked: requirePlugin('WechatSI')): pressing and holding
 * 按住说话 under the suggestion box starts recognition, letting go stops it, and the recognised words land in the
 * box for the member to correct. Nothing is sent by it (only the member's tap on 提交建议 sends).
 */
import { recordingCloud, startBackend, type Backend, type RecordingCloud } from './backend-client';
import { bootWeapp, loadPage, waitFor, type LoadedPage } from './simulator';

const OPENID = 'demo-member';
const SPOKEN = '希望社区多办几次健康讲座。';

interface Manager {
  started: { duration?: number; lang?: string }[];
  onStop: ((res: { result: string }) => void) | null;
  onError: ((res: { retcode: number; msg: string }) => void) | null;
}

describe('weapp 语音输入 with the 同声传译 plugin', () => {
  let backend: Backend;
  let page: LoadedPage;
  let cloud: RecordingCloud;
  const manager: Manager = { started: [], onStop: null, onError: null };
  let stops = 0;

  beforeAll(async () => {
    backend = await startBackend();
    (globalThis as unknown as { requirePlugin: (name: string) => unknown }).requirePlugin = () => ({
      textToSpeech: () => undefined,
      getRecordRecognitionManager: () => ({
        set onStop(cb: Manager['onStop']) {
          manager.onStop = cb;
        },
        set onError(cb: Manager['onError']) {
          manager.onError = cb;
        },
        start: (options: { duration?: number; lang?: string }) => manager.started.push(options),
        stop: () => {
          stops += 1;
          setTimeout(() => manager.onStop?.({ result: SPOKEN }), 5);
        },
      }),
    });
    cloud = recordingCloud(backend, OPENID);
    const simulate = bootWeapp(cloud.cloud);
    page = await loadPage(simulate, 'pages/suggestion/index');
    await waitFor(() => page.text().includes('按住说话（语音输入）'));
  });

  afterAll(async () => {
    page?.detach();
    await backend?.stop();
  });

  it('puts what was said into the box for correction and sends nothing by itself', async () => {
    expect(cloud.names()).toEqual(['suggestion.form']);
    page.press('.voice-input__button');
    await waitFor(() => manager.started.length === 1);
    expect(manager.started[0]).toMatchObject({ lang: 'zh_CN' });
    await waitFor(() => page.text().includes('正在听'));
    page.release('.voice-input__button');
    await waitFor(() => page.text().includes('已写进上面的框里'));
    expect(stops).toBe(1);
    expect(page.text()).toContain(SPOKEN);
    expect(page.text()).toContain(`已写${[...SPOKEN].length}字`);
    expect(page.text()).toContain('按住说话');
    // recognised and shown for correction; nothing sent, even a while later (only 提交建议 sends)
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cloud.names()).toEqual(['suggestion.form']);
  });
});
