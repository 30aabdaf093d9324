/**
 * Notices, member side (issue 7), in Chromium against the local preview: the list marks 未读 in words, opening a
 * notice shows it (with 朗读, since Chromium can speak) and marks it read once; back in the list it says 已读, and
 * staff see the read count go up by one. Every screen is checked (axe WCAG 2.1 AA, 60 px buttons) and shot at
 * normal and largest text. Runs against the H5 build in H5_DIR (default dist/h5).
 */
import type { NoticeListPage, StaffNoticeListPage, StaffNoticeRow } from '../../src/shared/contracts-notice';
import { api, button, checkScreen, signIn, visibleText, waitText, expectFitsLargest, startStage, tile, withLargest, type Stage } from '../support/e2e';

const MEMBER = 'demo-member';
const STAFF = 'demo-staff';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage('notice');
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

async function staffRow(noticeId: string): Promise<StaffNoticeRow> {
  const list = await api<StaffNoticeListPage>(stage.preview.url, STAFF, 'notice', 'staffList', {});
  const row = list.items.find((item) => item.id === noticeId);
  if (!row) throw new Error(`${noticeId} not in the staff list`);
  return row;
}

function card(title: string) {
  return stage.page.locator('.link-card:visible', { hasText: title }).first();
}

describe('a member reads a notice', () => {
  let target: { id: string; title: string };
  let before: StaffNoticeRow;
  let unreadBefore: number;

  beforeAll(async () => {
    const list = await api<NoticeListPage>(stage.preview.url, MEMBER, 'notice', 'list', {});
    const unread = list.items.find((item) => !item.read);
    if (!unread) throw new Error('the demo member has no unread notice');
    target = { id: unread.id, title: unread.title };
    unreadBefore = list.unreadCount;
    before = await staffRow(target.id);
  });

  it('shows the unread count on the home tile and 未读 on the notice in the list', async () => {
    const { page } = stage;
    await signIn(page, stage.preview.url, MEMBER);
    await tile(page, '通知公告').locator(`text=${unreadBefore}条未读`).waitFor();
    await tile(page, '通知公告').click();
    await waitText(page, `有${unreadBefore}条通知您还没读`);
    await card(target.title).locator('.card__badge', { hasText: '未读' }).waitFor();
    await checkScreen(page, 'notices-list', '按类别看');
    await withLargest(page, '按类别看', () => expectFitsLargest(page));
  });

  it('filters by category', async () => {
    const { page } = stage;
    await page.locator('.chip:visible', { hasText: '学习资料' }).click();
    await waitText(page, '阅文：学习新修订');
    expect(await visibleText(page)).not.toContain('近期全县经济运行情况通报');
    await page.locator('.chip:visible', { hasText: '全部' }).click();
    await card(target.title).waitFor();
  });

  it('opens the notice: its words, 朗读 that does not break the page, and the receipt', async () => {
    const { page } = stage;
    await card(target.title).click();
    await waitText(page, '已记下您读过这条通知');
    const text = await visibleText(page);
    expect(text).toContain(target.title);
    expect(text).toContain('发布单位');
    await page.locator('.notice-body').locator('p').first().waitFor();

    const speak = button(page, '朗读');
    await speak.waitFor();
    await speak.click();
    // Chromium may end at once (no voices headless) or speak: either way the page stays whole and usable
    const stop = button(page, '停止朗读');
    // it may also end by itself between the check and the click: then there is nothing left to stop
    if (await stop.isVisible()) await stop.click({ timeout: 2000 }).catch(() => undefined);
    await button(page, '朗读').waitFor();
    expect(await visibleText(page)).toContain(target.title);
    expect(stage.pageErrors).toEqual([]);

    await checkScreen(page, 'notice-detail', '发布单位');
    await withLargest(page, '发布单位', () => expectFitsLargest(page));
    // opened again (the reloads above): still one receipt, now with its time
    await waitText(page, '读过这条通知');
  });

  it('says 已读 back in the list, and staff see one more reader', async () => {
    const { page } = stage;
    await button(page, '返回通知列表').click();
    await waitText(page, `有${unreadBefore - 1}条通知您还没读`);
    const item = card(target.title);
    await item.locator('.card__line', { hasText: '已读' }).waitFor();
    expect(await item.locator('.card__badge', { hasText: '未读' }).count()).toBe(0);

    const after = await staffRow(target.id);
    expect(after.readCount).toBe(before.readCount + 1);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
  });
});
