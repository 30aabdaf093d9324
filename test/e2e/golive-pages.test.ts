/**
 * Going-live pages in Chromium against the local preview: 系统设置 (the demo admin sees every setting, a malformed
 * template id is refused in plain words, a real one is saved) and 管理员认领 (shown to anyone; a wrong code is
 * refused). Both checked (axe WCAG 2.1 AA, 60 px buttons) and shot at normal and largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import { baseUrl, button, checkScreen, field, signIn, waitText, startStage, type Stage } from '../support/e2e';

const ADMIN = 'demo-admin';
const TEMPLATE = 'W25vrVdFrfC1CBXlJG7aGYk0B8y3hR5jLvsTg2Xmhrs';

let stage: Stage;
let page: Page;

beforeAll(async () => {
  stage = await startStage('golive');
  page = stage.page;
}, 120000);
afterAll(() => stage?.stop());

const open = (route: string) => page.goto(`${baseUrl(stage.preview.url)}/#${route}`);

it('系统设置: an administrator checks and saves the bureau settings', async () => {
  await signIn(page, stage.preview.url, ADMIN);
  await open('/pages/staff/settings/index/index');
  await checkScreen(page, 'staff-settings', '订阅消息模板');
  await field(page, '订阅消息：候补成功').fill('TPL_SHORT');
  await button(page, '保存设置').click();
  await waitText(page, '格式不对');
  await field(page, '订阅消息：候补成功').fill(TEMPLATE);
  await field(page, '服务电话').fill('0571-88886666');
  await button(page, '保存设置').click();
  await waitText(page, '已保存');
  await waitText(page, '上次由周明');
  expect(stage.pageErrors).toEqual([]);
});

it('管理员认领: a wrong code is refused in plain words', async () => {
  await open('/pages/staff/settings/claim/index');
  await checkScreen(page, 'staff-claim-admin', '认领码');
  await field(page, '认领码').fill('AAAA-BBBB-CCCC');
  await field(page, '您的姓名').fill('周明');
  await button(page, '认领管理员').click();
  await waitText(page, '认领码不对');
  expect(stage.pageErrors).toEqual([]);
});
