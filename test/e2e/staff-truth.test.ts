/**
 * Issue 19, as staff meet it in Chromium against the demo county: 张丽 finds the 工作台 on home, each counter card
 * opens the list it counts (the overdue card: the overdue suggestions only); a group notice's read list counts its
 * audience; 周明 (admin) opens 数据核对, sees a counter broken on purpose, and recounts it from the records.
 * Screens are checked (axe, 60 px targets) and shot at normal and largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import type { Preview } from '../../local/preview';
import type { QueuePage } from '../../src/shared/contracts-suggestion';
import { connectSdk } from '../helpers/sdk';
import { api, baseUrl, button, checkScreen, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

let stage: Stage;
let preview: Preview;
let page: Page;

const figure = (p: Page, label: string) => p.locator('.figure--link:visible', { hasText: label }).first();

async function backToWorkbench(p: Page): Promise<void> {
  await p.goto('about:blank'); // a fresh load: a hash change alone is a move inside the app's own page stack
  await p.goto(`${baseUrl(preview.url)}/#/pages/staff/index/index`);
  await waitText(p, '待办的事在上面');
}

beforeAll(async () => {
  stage = await startStage('truth');
  ({ preview, page } = stage);
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

describe('staff find their work', () => {
  it('a member sees no way into the 工作台 on home', async () => {
    await signIn(page, preview.url, 'demo-member');
    await waitText(page, '王建国，您好');
    expect(await visibleText(page)).not.toContain('工作台');
  });

  it('张丽 sees the way into the 工作台 on home, and it opens', async () => {
    await signIn(page, preview.url, 'demo-staff');
    await waitText(page, '张丽，您好');
    await checkScreen(page, 'truth-home-staff', '进入老干部局工作台');
    await button(page, '进入老干部局工作台').click();
    await waitText(page, '待办的事在上面');
    await checkScreen(page, 'truth-workbench', '建议超期未受理');
  });

  it('the overdue card opens the suggestion queue filtered to exactly what it counts', async () => {
    await backToWorkbench(page);
    const card = figure(page, '建议超期未受理');
    const counted = Number((await card.locator('.figure__value').innerText()).trim());
    expect(counted).toBeGreaterThan(0);
    await card.click();
    await waitText(page, '建言献策工作台');
    await waitText(page, `超期未受理（${counted}）`);
    const selected = page.locator('.chip--on:visible');
    await expect(selected.first().innerText()).resolves.toContain('超期未受理');
    const overdue = await api<QueuePage>(preview.url, 'demo-staff', 'suggestion', 'queue', { overdue: true });
    expect(overdue.total).toBe(counted);
    for (const item of overdue.items) await waitText(page, item.trackingNo);
    await checkScreen(page, 'truth-suggestions-overdue', `超期未受理（${counted}）`);
  });

  it('every other counter card opens its list', async () => {
    const targets: [string, string][] = [
      ['入册申请待审核', '入册审核'],
      ['入会申请待审核', '报名审核'],
      ['注销申请待确认', '注销'],
      ['建议待办理', '建言献策工作台'],
      ['本周生日待走访', '本周生日'],
      ['住院待走访', '住院待走访（'],
    ];
    for (const [label, lands] of targets) {
      await backToWorkbench(page);
      await figure(page, label).click();
      await waitText(page, lands);
    }
  });

  it('a group notice counts its audience: the 京剧 notice is sent to the association\'s members', async () => {
    await page.goto(`${baseUrl(preview.url)}/#/pages/staff/notices/readers/index?noticeId=notice-jingju`);
    await waitText(page, '发给');
    const text = await visibleText(page);
    expect(text).toContain('38人');
    expect(text).not.toContain('大家都读过了');
  });
});

describe('数据核对 (admin)', () => {
  it('周明 finds a broken counter and recounts it from the records', async () => {
    await signIn(page, preview.url, 'demo-admin');
    await button(page, '进入老干部局工作台').click();
    await page.locator('.link-card:visible', { hasText: '数据核对' }).first().click();
    await waitText(page, '所有数字都和记录对得上');
    await checkScreen(page, 'truth-integrity-clean', '所有数字都和记录对得上');

    const { db } = connectSdk(preview.adminUrl);
    await db.collection('activities').doc('activity-xiangqi').update({ data: { taken: db.command.inc(20) } });
    await page.reload();
    await waitText(page, '有1个数字和记录对不上');
    await waitText(page, '显示31人，按报名记录应为11人');
    await checkScreen(page, 'truth-integrity-broken', '有1个数字和记录对不上');
    await button(page, '按记录重新计数').click();
    await button(page, '确定重新计数').click();
    await waitText(page, '已按名单重新计数');
    await waitText(page, '所有数字都和记录对得上');
  });
});
