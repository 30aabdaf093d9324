/**
 * The form kit on the editors that lacked it (issue 19 item 4): 发布通知, the 数据统计 period, 确认时长 and 更正时长
 * each say what is wrong next to the field, naming it, with the page brought there and focus moved; dates and
 * times come from pickers; nothing costly is pre-chosen; the instruction names the button. In Debian's Chromium
 * against the local preview, as 张丽 (staff). Assumes dist/cloudfunctions and an H5 build are built.
 */
import type { Page } from 'playwright-core';
import { checkEnrollScreen, exactButton, baseUrl, field, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

const STAFF = 'demo-staff';
/** the demo member's seeded credit on a confirmed 结对探访 (local/seed/service.ts) */
const SESSION = 'session-aixin-tanfang-past';
const ENTRY = `credit~${SESSION}~member-0001~0`;

let stage: Stage;
let page: Page;

async function open(route: string, ready: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl(stage.preview.url)}/#${route}`);
  await waitText(page, ready);
}

const chip = (text: string) => page.locator('.chip:visible', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).first();
const errorOf = (name: string) => page.locator(`#field-${name} .field__error:visible`);
const focusedIn = (name: string) => page.evaluate((id) => Boolean(document.activeElement?.closest(`#field-${id}`)), name);

/** The field's own error, naming it, and focus there. */
async function expectFieldError(name: string, text: string): Promise<void> {
  await errorOf(name).waitFor();
  expect(await errorOf(name).innerText()).toBe(text);
  expect(await focusedIn(name)).toBe(true);
}

beforeAll(async () => {
  stage = await startStage('form-kit');
  page = stage.page;
  await signIn(page, stage.preview.url, STAFF);
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

it('发布通知: no category or audience chosen for staff; each missing one is named by its field', async () => {
  await open('/pages/staff/notices/edit/index', '发给谁');
  expect(await visibleText(page)).toContain('写好后点最下面的“发布通知”');
  expect(await page.locator('.chip--on:visible').count()).toBe(0);
  await exactButton(page, '发布通知').click();
  await expectFieldError('title', '请填写标题');
  await field(page, '标题').fill('关于重阳节慰问的通知');
  await exactButton(page, '发布通知').click();
  await expectFieldError('category', '请选择通知类别');
  await chip('学习资料').click();
  await exactButton(page, '发布通知').click();
  await expectFieldError('audience', '请选择发给谁');
  expect(await errorOf('category').count()).toBe(0);
  await checkEnrollScreen(page, 'staff-notice-field-error', '发给谁', async () => {
    await field(page, '标题').fill('关于重阳节慰问的通知');
    await chip('学习资料').click();
    await exactButton(page, '发布通知').click();
    await errorOf('audience').waitFor();
  });
});

it('数据统计: the period is chosen on date pickers; an end before the start is named by 结束日期', async () => {
  await open('/pages/staff/figures/index/index', '统计哪段时间');
  expect(await page.locator('input[type="date"][aria-label="开始日期"]:visible').count()).toBe(1);
  await field(page, '开始日期').fill('2026-06-30');
  await field(page, '结束日期').fill('2026-01-01');
  await exactButton(page, '按这两个日期统计').click();
  await expectFieldError('to', '结束日期：不能早于开始日期');
});

it('确认时长: nobody picked, then a leaving time before arriving, each named by its field', async () => {
  await open(`/pages/staff/service/session-hours/index?id=${SESSION}`, '按姓名找');
  await exactButton(page, '给选中的0位记入时长').click();
  await expectFieldError('picked', '选择老同志：请至少选一位');
  await page.locator('#field-picked .chip:visible').first().click();
  await chip('填到达和离开的时间').click();
  expect(await page.locator('input[type="time"][aria-label="到达时间"]:visible').count()).toBe(1);
  await field(page, '到达时间').fill('10:30');
  await field(page, '离开时间').fill('09:30');
  await exactButton(page, '给选中的1位记入时长').click();
  await expectFieldError('to', '离开时间：要晚于到达时间');
});

it('更正时长: no reason, then minutes out of range, each named by its field', async () => {
  await open(`/pages/staff/service/entry-correct/index?session=${SESSION}&entry=${encodeURIComponent(ENTRY)}`, '更正原因');
  // what is missing is said by its field before the two-step question is asked
  await exactButton(page, '更正这笔时长').click();
  await expectFieldError('reason', '更正原因：请写上为什么更正，老同志会看到');
  expect(await page.locator('.two-step:visible').count()).toBe(0);
  await page.locator('textarea:visible').first().fill('那天提前离开，按实际时间重记');
  await field(page, '改成在岗多少分钟（不填就是整笔撤销）').fill('5000');
  await exactButton(page, '更正这笔时长').click();
  await expectFieldError('minutes', '在岗分钟数：请填0到1440之间的整数，不改就不填');
});
