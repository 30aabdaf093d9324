/**
 * 党支部 in the weapp (miniprogram-simulate on dist/weapp, the seeded demo county behind wx.cloud): the secretary
 * checks members in at the branch meeting going on now and the branch's attendance shows in the bureau's figures;
 * the 送学上门 list of the held 主题党日 dials a member and marks them done.
 */
import type { BoardData } from '../../src/shared/contracts-checkin';
import type { DeliveriesPage } from '../../src/shared/contracts-branch';
import type { FiguresData } from '../../src/shared/contracts-figures';
import type { Result } from '../../src/shared/result';
import { recordingCloud, startBackend, type Backend } from './backend-client';
import { bootWeapp, loadPage, waitFor, type LoadedPage } from './simulator';

const SECRETARY = 'demo-leader';
const STAFF = 'demo-staff';
const BRANCH = '城关镇离退休干部党支部';

describe('weapp 党支部', () => {
  let backend: Backend;
  let openid = SECRETARY;
  const dialled: string[] = [];
  let simulate: ReturnType<typeof bootWeapp>;
  const pages: LoadedPage[] = [];

  async function call<T>(name: string, action: string, payload: unknown, as: string): Promise<T> {
    const result = (await backend.callFunction(name, { action, payload }, as)).result as Result<T>;
    if (!result.ok) throw new Error(result.error.code);
    return result.data;
  }
  const flat = (page: LoadedPage) => page.text().replace(/\s/g, '');

  beforeAll(async () => {
    backend = await startBackend();
    simulate = bootWeapp(recordingCloud(backend, () => openid).cloud, (wx) => {
      wx.makePhoneCall = (o: { phoneNumber: string; success?: () => void }) => {
        dialled.push(o.phoneNumber);
        o.success?.();
        return Promise.resolve({});
      };
    });
  });

  afterAll(async () => {
    for (const page of pages) page.detach();
    await backend?.stop();
  });

  it('attendance at the branch meeting flows into the branch figures', async () => {
    const board = await call<BoardData>('checkin', 'board', { kind: 'meeting', id: 'meeting-dangke' }, SECRETARY);
    // the secretary taps two names on the meeting's 签到码 screen
    openid = SECRETARY;
    const boardPage = await loadPage(simulate, 'pages/checkin/board/index', { kind: 'meeting', id: 'meeting-dangke' });
    pages.push(boardPage);
    await waitFor(() => boardPage.text().includes('代签到'));
    expect(boardPage.text()).toContain(`${BRANCH}·发挥老干部优势`);
    const names = board.roster.filter((r) => !r.checkedIn).slice(0, 2).map((r) => r.name);
    for (const name of names) {
      await waitFor(() => boardPage.text().includes(`为${name}代签到`));
      boardPage.tapDeep('big-button', `为${name}代签到`);
      await waitFor(() => !boardPage.text().includes('正在签到') && !boardPage.text().includes(`为${name}代签到`));
    }
    // the meeting screen counts them
    const meeting = await loadPage(simulate, 'pages/branch/meeting/index', { id: 'meeting-dangke' });
    pages.push(meeting);
    await waitFor(() => flat(meeting).includes('已签到'));
    expect(flat(meeting)).toContain(`${names.length}人已签到`);
    // the bureau's figures page shows the branch with this attendance
    openid = STAFF;
    const figuresPage = await loadPage(simulate, 'pages/staff/figures/index/index');
    pages.push(figuresPage);
    await waitFor(() => figuresPage.text().includes(BRANCH));
    const shown = flat(figuresPage).match(/统计时段：(\d{4}-\d{2}-\d{2})至(\d{4}-\d{2}-\d{2})/);
    expect(shown).not.toBeNull();
    const figures = await call<FiguresData>('figures', 'figures', { from: shown![1], to: shown![2] }, STAFF);
    const row = figures.branches.rows.find((b) => b.name === BRANCH)!;
    // the held 主题党日 (with its check-ins) and this 党课 (2 check-ins): attendances counted from the records
    const heldCheckins = (await call<{ meeting: { attended: number } }>('branch', 'meeting', { meetingId: 'meeting-zhutidangri' }, STAFF)).meeting.attended;
    expect(row.attendances).toBe(heldCheckins + names.length);
    expect(flat(figuresPage)).toContain(`${BRANCH}党员${row.members}人${row.meetings}次开会${row.attendancePercent}%到会率`);
  });

  it('the 送学上门 list dials a member and marks them done', async () => {
    openid = SECRETARY;
    const before = await call<DeliveriesPage>('branch', 'deliveries', { source: { kind: 'meeting', id: 'meeting-zhutidangri' } }, SECRETARY);
    expect(before.todo).toBeGreaterThan(0);
    const first = before.items[0]!;
    const page = await loadPage(simulate, 'pages/branch/deliveries/index', { kind: 'meeting', id: 'meeting-zhutidangri' });
    pages.push(page);
    await waitFor(() => page.text().includes(first.name));
    expect(flat(page)).toContain(`待送学${before.todo}人，已送学0人`);
    page.tapDeep('big-button', `给${first.name}打电话：${first.phone}`);
    await waitFor(() => dialled.length === 1);
    expect(dialled).toEqual([first.phone]);
    page.tapDeep('big-button', '已上门送学');
    await waitFor(() => flat(page).includes(`待送学${before.todo - 1}人，已送学1人`));
    const after = await call<DeliveriesPage>('branch', 'deliveries', { source: { kind: 'meeting', id: 'meeting-zhutidangri' }, filter: 'done' }, SECRETARY);
    expect(after.items.map((r) => [r.name, r.done?.how, r.done?.byName])).toEqual([[first.name, 'visit', '陈志刚']]);
  });
});
