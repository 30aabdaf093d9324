/**
 * 服务热线 one tap away in the weapp build (issue 16 item 3): home (catalog.home's answer) and help (the session's
 * member.me) show the bureau's hotline with its hours; a tap opens WeChat's call sheet with that number
 * (wx.makePhoneCall, faked here), with no cloud call beyond each screen's one.
 */
import { settingsDefaults } from '../../src/shared/settings';
import { recordingCloud, startBackend, type Backend, type RecordingCloud } from './backend-client';
import { bootWeapp, loadPage, waitFor } from './simulator';

const OPENID = 'demo-member';
/** the demo county's hotline (local/seed: 系统设置) */
const HOTLINE = '0000-1234567';
const HOURS = settingsDefaults().hotlineHours;

describe('weapp 服务热线 on home and help', () => {
  let backend: Backend;
  const dialled: string[] = [];
  let cloud: RecordingCloud;
  let simulate: ReturnType<typeof bootWeapp>;

  beforeAll(async () => {
    backend = await startBackend();
    cloud = recordingCloud(backend, OPENID);
    simulate = bootWeapp(
      cloud.cloud,
      (wx) => {
        wx.makePhoneCall = (options: { phoneNumber: string; success?: (r: object) => void; complete?: () => void }) => {
          dialled.push(options.phoneNumber);
          options.success?.({ errMsg: 'makePhoneCall:ok' });
          options.complete?.();
        };
      },
    );
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('home: the number and its hours, one tap to call, in the one catalog.home call', async () => {
    const page = await loadPage(simulate, 'pages/index/index');
    await waitFor(() => page.text().includes('服务热线'));
    expect(page.text()).toContain(HOURS);
    expect(cloud.names().filter((c) => c !== 'member.me')).toEqual(['catalog.home']);
    page.tap('.big-button', `拨打服务热线：${HOTLINE}`);
    await waitFor(() => dialled.length === 1);
    expect(dialled).toEqual([HOTLINE]);
    page.detach();
  });

  it('help: the same hotline from the session’s member.me, one tap to call', async () => {
    cloud.calls.length = 0;
    const page = await loadPage(simulate, 'pages/help/index');
    await waitFor(() => page.text().includes('服务热线'));
    expect(page.text()).toContain(HOURS);
    expect(cloud.names().every((c) => c === 'member.me')).toBe(true);
    expect(cloud.names().length).toBeLessThanOrEqual(1);
    page.tap('.big-button', `拨打服务热线：${HOTLINE}`);
    await waitFor(() => dialled.length === 2);
    expect(dialled[1]).toBe(HOTLINE);
    page.detach();
  });
});
