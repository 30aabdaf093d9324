/**
 * Check-in and time-bank pages of issue 6 in Debian's Chromium against the local preview, with two phones: staff
 * open the open day's 签到码 (the QR image carries the code shown); a member scans it and is checked in, and finds
 * it in their records; the staff count goes up; expired and garbled codes say why in plain words; staff check a
 * member in by name; the board reloads on its timer only while shown; 我的志愿时长 shows the seeded 5 hours with
 * the reversal's reason, and the certificate the name and hours. Every new screen is checked (axe WCAG 2.1 AA,
 * 60 px targets) and shot at normal and largest text. Assumes H5_DIR (default dist/h5) and dist/cloudfunctions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { issueToken } from '../../cloudfunctions/checkin/token';
import { DEFAULT_H5_DIR, startPreview, type Preview } from '../../local/preview';
import type { MyHoursData } from '../../src/shared/contracts-checkin';
import type { CheckinSecretDoc } from '../../src/shared/documents';
import { SLOT_SECONDS } from '../../src/shared/timebank-rules';
import { connectSdk } from '../helpers/sdk';
import { openPhone, type Phone } from '../support/browser';
import { checkCheckinScreen, linkCard, openRoute, api, button, field, SCREENSHOTS, screenshot, signIn, visibleText, waitText } from '../support/e2e';

const ACTIVITY = { id: 'activity-kaifangri', title: '老干部活动中心开放日' };
const REVERSAL_REASON = '探访记录核对：当天实际服务1小时，已按实际时长更正';

let preview: Preview;
let dataDir: string;
let staff: Phone;
let member: Phone;

/** The code the staff screen shows as text (the browser preview has no scanner). */
async function tokenOnBoard(): Promise<string> {
  const text = await staff.page.locator('.venue-code__token:visible').last().textContent();
  return (text ?? '').replace('网页版签到码：', '').trim();
}

async function countOnBoard(label: string): Promise<number> {
  const item = staff.page.locator('.board-counts__item:visible', { hasText: label }).last();
  return Number(await item.locator('.board-counts__value').textContent());
}

async function qrOnBoard(): Promise<string | undefined> {
  const src = (await staff.page.locator('.venue-code__qr img:visible').last().getAttribute('src')) ?? '';
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** Opens the scan page with a code as the scanner would (one load: each load scans). */
async function openScan(page: Page, code: string): Promise<void> {
  await page.goto(`${preview.url.replace(/\/$/, '')}/#/pages/checkin/scan/index?code=${encodeURIComponent(code)}`);
  await page.locator('.scan-result:visible, .field__input:visible').first().waitFor();
}

/** Waits (up to 5 s) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A properly signed code of the open day from `slotsAgo` 30-second slots back (a forwarded old photo). */
async function oldToken(slotsAgo: number): Promise<string> {
  const { data } = await connectSdk(preview.adminUrl).db.collection('settings').where({ _id: 'checkinSecret' }).get();
  const secret = Buffer.from((data[0] as CheckinSecretDoc).secret, 'base64');
  return issueToken(secret, 'activity', ACTIVITY.id, Date.now() - slotsAgo * SLOT_SECONDS * 1000).token;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) throw new Error(`${DEFAULT_H5_DIR} is missing: build the H5 first`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-e2e-checkin-'));
  preview = await startPreview({ port: 0, dataDir, reset: true });
  staff = await openPhone();
  member = await openPhone();
}, 120000);

afterAll(async () => {
  await staff?.close();
  await member?.close();
  await preview?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('check-in at the venue', () => {
  it('staff open the open day’s 签到码 from their 工作台: a QR code carrying the code shown, and the counts', async () => {
    await signIn(staff.page, preview.url, 'demo-staff');
    await openRoute(staff.page, preview.url, '/pages/me/index');
    await button(staff.page, '老干部局工作台').click();
    await linkCard(staff.page, '活动签到码').click();
    await checkCheckinScreen(staff.page, 'checkin-targets', ACTIVITY.title);
    await linkCard(staff.page, ACTIVITY.title).click();
    await waitText(staff.page, '网页版签到码');
    expect(await visibleText(staff.page)).toContain('请老同志用微信“扫一扫”扫这个码签到');
    expect(await qrOnBoard()).toBe(await tokenOnBoard());
    expect(await countOnBoard('已签到')).toBe(0);
    await checkCheckinScreen(staff.page, 'checkin-board', '网页版签到码');
  });

  it('a member opens the scan page with that code, is checked in (a walk-up), and a repeat says 您已签到', async () => {
    await signIn(member.page, preview.url, 'demo-member');
    await openScan(member.page, await tokenOnBoard());
    await waitText(member.page, '签到成功');
    const text = await visibleText(member.page);
    expect(text).toContain(ACTIVITY.title);
    expect(text).toContain('签到时间');
    expect(text).toContain('已为您现场报名');
    // switching text size reloads the page: the scan runs again with the code now on the board
    await checkCheckinScreen(member.page, 'checkin-scan-done', ACTIVITY.title, async () => openScan(member.page, await tokenOnBoard()));
    expect(await visibleText(member.page)).toContain('您已签到');
  });

  it('the staff count goes up after refresh, and the member is on the roster as checked in', async () => {
    await button(staff.page, '刷新人数和名单').click();
    await staff.page.locator('.roster-row--in:visible', { hasText: '王建国' }).first().waitFor();
    expect(await countOnBoard('已签到')).toBe(1);
    expect(await countOnBoard('现场报名')).toBe(1);
    expect(await visibleText(staff.page)).toContain('（现场报名）');
  });

  it('an expired or garbled code says why in plain words, and a typed fresh code then works', async () => {
    await openScan(member.page, await oldToken(4));
    await waitText(member.page, '签到码已经过期了，请扫描现场屏幕上最新的签到码');
    expect(await visibleText(member.page)).toContain('没有签上');
    await checkCheckinScreen(member.page, 'checkin-scan-expired', '签到码已经过期了');
    await openScan(member.page, 'not-a-code');
    await waitText(member.page, '这个签到码不对，请扫描现场屏幕上的签到码');
    // the browser preview has no scanner: the code can be typed
    await field(member.page, '签到码').fill(await tokenOnBoard());
    await button(member.page, '签到').click();
    await waitText(member.page, '您已签到');
  });

  it('staff find another signed-up member by name and check them in with one tap', async () => {
    await api(preview.url, 'demo-lixiu', 'enrollment', 'signUp', { kind: 'activity', targetId: ACTIVITY.id });
    await button(staff.page, '刷新人数和名单').click();
    await waitText(staff.page, '刘振山');
    await field(staff.page, '按姓名查找').fill('刘振山');
    await expect(staff.page.locator('.roster-row:visible', { hasText: '王建国' }).count()).resolves.toBe(0);
    await button(staff.page, '为刘振山代签到').click();
    await staff.page.locator('.roster-row--in:visible', { hasText: '刘振山' }).first().waitFor();
    expect(await visibleText(staff.page)).toContain('（张丽代签）');
    expect(await countOnBoard('已签到')).toBe(2);
    await screenshot(staff.page, 'checkin-board-assisted');
    const records = await api<MyHoursData>(preview.url, 'demo-lixiu', 'checkin', 'mine');
    expect(records.attendance[0]).toMatchObject({ targetId: ACTIVITY.id, method: 'staff' });
  });

  it('the board reloads itself when its code is due, not while another screen covers it, and at once when back', async () => {
    const boardCalls: string[] = [];
    staff.page.on('request', (request) => {
      if (request.url().endsWith('/api/checkin') && request.postData()?.includes('"board"')) boardCalls.push(request.url());
    });
    await staff.page.clock.install();
    await staff.page.reload();
    await waitText(staff.page, '网页版签到码');
    const loaded = boardCalls.length;
    await staff.page.clock.fastForward(SLOT_SECONDS * 1000 + 1000);
    await until(() => boardCalls.length > loaded);
    expect(boardCalls.length).toBe(loaded + 1);
    // another screen on top (as a tap on a link would): the hidden board stops
    await staff.page.evaluate(() => {
      window.location.hash = '#/pages/help/index';
    });
    await waitText(staff.page, '使用帮助');
    const hidden = boardCalls.length;
    await staff.page.clock.fastForward(3 * SLOT_SECONDS * 1000);
    expect(boardCalls.length).toBe(hidden);
    await staff.page.goBack();
    await until(() => boardCalls.length > hidden);
  });
});

describe('我的志愿时长', () => {
  it('shows the seeded 5 hours, each entry with the reversal’s reason, and the open-day check-in', async () => {
    await openRoute(member.page, preview.url, '/pages/me/index');
    await button(member.page, '我的志愿时长').click();
    await waitText(member.page, '累计志愿服务时长');
    const text = await visibleText(member.page);
    expect(text).toContain('5小时');
    expect(text).toContain(`更正原因：${REVERSAL_REASON}`);
    expect(text).toContain('-2小时');
    expect(text).toContain('最近的签到');
    expect(text).toContain(ACTIVITY.title);
    await checkCheckinScreen(member.page, 'timebank', '累计志愿服务时长');
  });

  it('the certificate shows the name, the hours, the period and the issuing bureau', async () => {
    await button(member.page, '查看志愿服务证书').click();
    await waitText(member.page, '特发此证');
    const text = await visibleText(member.page);
    for (const part of ['志愿服务证书', '王建国 同志', '5小时', '中共示例县委老干部局']) expect(text).toContain(part);
    expect(text).toMatch(/\d{4}年\d{1,2}月/);
    await checkCheckinScreen(member.page, 'timebank-certificate', '特发此证');
  });
});
