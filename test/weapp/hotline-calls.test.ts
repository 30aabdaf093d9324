/**
 * The staff's 服务热线 pages in the weapp build: a call logged for 王建国 with a follow-up shows in 待回访 and on
 * his 档案 (each from its one call); 回访办完了 with nothing written says so by the 回访情况 field.
 */
import type { CallRow } from '../../src/shared/contracts-hotline';
import type { Result } from '../../src/shared/result';
import { recordingCloud, startBackend, type Backend, type RecordingCloud } from './backend-client';
import { bootWeapp, loadPage, waitFor } from './simulator';

const STAFF = 'demo-staff';
const TEXT = '问重阳节活动在哪里集合';

describe('weapp 服务热线 (staff)', () => {
  let backend: Backend;
  let cloud: RecordingCloud;
  let simulate: ReturnType<typeof bootWeapp>;
  let logged: CallRow;

  beforeAll(async () => {
    backend = await startBackend();
    cloud = recordingCloud(backend, STAFF);
    simulate = bootWeapp(cloud.cloud);
    const answer = (await backend.callFunction('hotline', { action: 'logCall', payload: { memberId: 'member-0001', topic: 'activity', text: TEXT, outcome: 'pending', followUp: true } }, STAFF)).result as Result<CallRow>;
    if (!answer.ok) throw new Error(answer.error.code);
    logged = answer.data;
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('待回访 lists the call; an empty follow-up is named by its field', async () => {
    const page = await loadPage(simulate, 'pages/staff/hotline/calls/index');
    await waitFor(() => page.text().includes(TEXT));
    expect(cloud.names().filter((c) => c !== 'member.me')).toEqual(['hotline.calls']);
    expect(page.text()).toContain('待回访（1条');
    expect(page.text()).toContain('来电：王建国');
    page.tap('.big-button', '回访办完了');
    await waitFor(() => page.text().includes('回访情况：请写上怎么回访的'));
    expect(cloud.names().filter((c) => c === 'hotline.followUpDone')).toEqual([]);
    page.detach();
  });

  it('王建国’s 档案 shows the call', async () => {
    cloud.calls.length = 0;
    const page = await loadPage(simulate, 'pages/staff/roster/member/index', { memberId: logged.memberId ?? '' });
    await waitFor(() => page.text().includes('服务热线来电（1次）'));
    expect(cloud.names().filter((c) => c !== 'member.me')).toEqual(['hotline.memberRecord']);
    expect(page.text()).toContain(TEXT);
    expect(page.text()).toContain('要回访：还没办');
    page.detach();
  });
});
