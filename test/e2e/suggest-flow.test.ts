/**
 * Suggestions, member side (issue 7), in Chromium against the local preview: a risky text is refused with the plain
 * reason and stays in the box; a suggestion with a photo goes in, the tracking number shows big and the detail shows
 * the photo (staff get the same bytes); staff accept, assign and
 * conclude it with a reply through the API; the member's detail shows 已办结, 已采纳 and the reply. A helper
 * submits for the member; the daily limit then shows its plain message. Every screen is checked (axe WCAG 2.1 AA,
 * 60 px buttons) and shot at normal and largest text. Runs against the H5 build in H5_DIR (default dist/h5).
 */
import type { Page } from 'playwright-core';
import type { MinePage, StaffSuggestionDetail, SuggestionFormData } from '../../src/shared/contracts-suggestion';
import { ERROR_MESSAGES } from '../../src/shared/errors';
import { TRACKING_NO_PATTERN } from '../../src/shared/suggestion-rules';
import { api, button, checkScreen, expectAccessible, screenshot, setLargest, signIn, visibleText, waitText, expectFitsLargest, startStage, tile, withLargest, type Stage } from '../support/e2e';

const MEMBER = 'demo-member';
const HELPER = 'demo-helper';
const STAFF = 'demo-staff';
const GOOD_TEXT = '建议在城关镇老干部活动中心门口加装扶手，雨天台阶很滑，老同志进出不方便。';
const RISKY_TEXT = '有人在小区推销高额返利的理财，请局里提醒大家。';
const REPLY = '感谢您的建议。活动中心门口的扶手已经装好，台阶铺了防滑垫。';
/** a real 1x1 PNG, so the browser draws it */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let stage: Stage;
let page: Page;

beforeAll(async () => {
  stage = await startStage('suggest');
  page = stage.page;
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

function textBox() {
  return page.locator('textarea[aria-label="2. 写下您的建议"]:visible').first();
}

async function fillForm(category: string, text: string): Promise<void> {
  await page.locator('.chip:visible', { hasText: category }).click();
  await textBox().fill(text);
}

async function submittedNumber(): Promise<string> {
  await waitText(page, '请记下这个编号，打电话查询时报给工作人员');
  return (await page.locator('.tracking__number:visible').innerText()).trim();
}

async function mine(openid: string): Promise<MinePage> {
  return api<MinePage>(stage.preview.url, openid, 'suggestion', 'mine', {});
}

describe('a member sends a suggestion and reads the answer', () => {
  let trackingNo = '';
  let suggestionId = '';
  let before: MinePage;

  beforeAll(async () => {
    before = await mine(MEMBER);
    const form = await api<SuggestionFormData>(stage.preview.url, MEMBER, 'suggestion', 'form', {});
    expect(form.remainingToday).toBe(3);
  });

  it('opens the form from the home tile', async () => {
    await signIn(page, stage.preview.url, MEMBER);
    await tile(page, '建言献策').click();
    await waitText(page, '1. 选一个类别');
    expect(await visibleText(page)).toContain('按住说话');
    expect(await visibleText(page)).toContain('加照片（拍照或从相册选）');
    await checkScreen(page, 'suggest-form', '1. 选一个类别');
    await withLargest(page, '1. 选一个类别', () => expectFitsLargest(page));
  });

  it('asks for a category and words before sending, each by its own field', async () => {
    await button(page, '提交建议').click();
    const categoryError = page.locator('#field-category .field__error:visible');
    await categoryError.waitFor();
    expect(await categoryError.innerText()).toBe('请先选一个类别');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#field-category')))).toBe(true);
    await page.locator('.chip:visible', { hasText: '其他' }).click();
    await button(page, '提交建议').click();
    const textError = page.locator('#field-text .field__error:visible');
    await textError.waitFor();
    expect(await textError.innerText()).toBe('请先写下您的建议，这里还是空的');
    expect(await page.locator('#field-category .field__error:visible').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('2. 写下您的建议');
  });

  it('refuses a risky text with the plain reason and keeps the words', async () => {
    await fillForm('社会发展', RISKY_TEXT);
    await waitText(page, `已写${[...RISKY_TEXT].length}字，最多1000字`);
    await button(page, '提交建议').click();
    await waitText(page, '欺诈方面的文字，建议没有提交');
    expect(await textBox().inputValue()).toBe(RISKY_TEXT);
    expect((await mine(MEMBER)).total).toBe(before.total);
  });

  it('sends a suggestion with a photo and shows the tracking number big', async () => {
    await page.locator('.chip:visible', { hasText: '文化养老' }).click();
    await textBox().fill(GOOD_TEXT);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, '加照片（拍照或从相册选）').click()]);
    await chooser.setFiles({ name: '台阶.png', mimeType: 'image/png', buffer: PHOTO });
    await button(page, '删掉第1张照片').waitFor();
    await expect(page.locator('.suggest-photo__image:visible img').first().getAttribute('alt')).resolves.toBe('第1张照片');
    await expectAccessible(page);
    await expect(page.locator('.suggest-photo__image:visible img').first().evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(0);
    expect(await visibleText(page)).toContain('公开姓名：是');
    await button(page, '提交建议').click();
    trackingNo = await submittedNumber();
    expect(trackingNo).toMatch(TRACKING_NO_PATTERN);
    // the hotline (a setting) is there to tap: a tel: call in the browser
    await button(page, '打电话给老干部局：0000-1234567').waitFor();
    expect(await page.locator('.tracking__number:visible').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);
    await expectAccessible(page);
    await screenshot(page, 'suggest-submitted');
    const now = await mine(MEMBER);
    expect(now.total).toBe(before.total + 1);
    suggestionId = now.items.find((item) => item.trackingNo === trackingNo)!.id;
    // stored in the member's own folder; staff get the same bytes
    const staffView = await api<StaffSuggestionDetail>(stage.preview.url, STAFF, 'suggestion', 'staffDetail', { suggestionId });
    expect(staffView.photos).toEqual([{ fileId: expect.stringMatching(new RegExp(`/suggestions/${MEMBER}/[^/]+\\.png$`)), url: expect.any(String) }]);
    expect(Buffer.from(await (await fetch(staffView.photos[0]!.url)).arrayBuffer())).toEqual(PHOTO);
  });

  it('shows the new suggestion as 已提交 with its timeline', async () => {
    await button(page, '查看办理进度').click();
    await waitText(page, `建议 ${trackingNo}`);
    await waitText(page, '现在：已提交');
    expect(await visibleText(page)).toContain('还没到这一步');
    const shown = page.locator('.suggest-photo__image:visible img').first();
    await expect(shown.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(0);
  });

  it('shows 已办结, 已采纳 and the reply after staff handle it', async () => {
    const url = stage.preview.url;
    await api<StaffSuggestionDetail>(url, STAFF, 'suggestion', 'accept', { suggestionId });
    await api<StaffSuggestionDetail>(url, STAFF, 'suggestion', 'assign', { suggestionId, department: '县委老干部局' });
    const done = await api<StaffSuggestionDetail>(url, STAFF, 'suggestion', 'conclude', { suggestionId, outcome: 'adopted', reply: REPLY });
    expect(done.status).toBe('concluded');

    await page.reload();
    await waitText(page, '办理结果：已办结，已采纳');
    const text = await visibleText(page);
    expect(text).toContain(REPLY);
    expect(text).toContain('交给：县委老干部局');
    expect(text).toContain('张丽（老干部局）');
    expect(text).not.toContain('还没到这一步');
    await checkScreen(page, 'suggestion-detail', '办理结果');
    await withLargest(page, '办理结果', () => expectFitsLargest(page));
  });

  it('lists it in 我的建议 from 我的 with its status', async () => {
    await page.goto(`${stage.preview.url.replace(/\/$/, '')}/#/pages/me/index`);
    await button(page, '我的建议').click();
    const item = page.locator('.link-card:visible', { hasText: trackingNo }).first();
    await item.locator('.card__badge', { hasText: '已办结，已采纳' }).waitFor();
    await checkScreen(page, 'suggestion-mine', '提过的建议都在这里');
    await withLargest(page, '提过的建议都在这里', () => expectFitsLargest(page));
  });
});

describe('a helper submits for the member', () => {
  it('shows 正在为王建国提建议 and files it under the member, at the largest text', async () => {
    await signIn(page, stage.preview.url, HELPER);
    await page.goto(`${stage.preview.url.replace(/\/$/, '')}/#/pages/suggestion/index`);
    await setLargest(page, true);
    await waitText(page, '正在为王建国提建议');
    await fillForm('医疗保障', '建议社区卫生服务站每月派医生上门给行动不便的老人量血压。');
    await page.locator('.chip:visible', { hasText: '不公开（匿名）' }).click();
    await waitText(page, '公开姓名：否');
    await button(page, '提交建议').click();
    const trackingNo = await submittedNumber();
    await expectFitsLargest(page);
    await expectAccessible(page);
    await screenshot(page, 'suggest-submitted-largest');

    const item = (await mine(MEMBER)).items.find((s) => s.trackingNo === trackingNo);
    expect(item).toBeDefined();
    const staffView = await api<StaffSuggestionDetail>(stage.preview.url, STAFF, 'suggestion', 'staffDetail', { suggestionId: item!.id });
    expect(staffView.authorName).toBe('匿名');
    await setLargest(page, false);
  });

  it('shows the daily limit in plain words once the day is used up', async () => {
    await waitText(page, '今天还能提1条');
    await fillForm('其他', '建议老年大学多开几个智能手机班。');
    await button(page, '提交建议').click();
    await submittedNumber();
    await button(page, '再提一条建议').click();
    await waitText(page, ERROR_MESSAGES['SUGGESTION.DAILY_LIMIT']);
    await button(page, '查看我的建议').waitFor();
    await screenshot(page, 'suggest-daily-limit');
  });
});
