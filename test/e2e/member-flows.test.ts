/**
 * Member pages of issue 4 in Debian's Chromium against the local preview (emulator + built functions + gateway):
 * a newcomer binds (consent first, a wrong pair shows the attempts left), sees and edits their profile, asks
 * for deletion; a member invites a relative who accepts in another phone, then revokes them. Every new screen
 * is checked (axe WCAG 2.1 AA, 60 px buttons) and shot at normal and largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import type { Page } from 'playwright-core';
import type { Preview } from '../../local/preview';
import { buildMembers } from '../../local/seed/members';
import { CONSENT } from '../../src/shared/consent';
import type { ActivityList } from '../../src/shared/contracts';
import type { HelpersData, InvitationData, ProfileData } from '../../src/shared/contracts-member';
import type { MineData } from '../../src/shared/contracts-enrollment';
import { exactButton, openRoute, api, baseUrl, button, checkScreen, expectAccessible, field, screenshot, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';
import { openPhone, type Phone } from '../support/browser';

const NEWCOMER_ENTRY = buildMembers(new Date()).find((m) => m._id === 'member-0010')!;
const NEWCOMER = { openid: 'demo-newcomer', name: NEWCOMER_ENTRY.name, last4: NEWCOMER_ENTRY.phone.slice(-4), phone: NEWCOMER_ENTRY.phone };
const MEMBER = { openid: 'demo-member', name: '王建国' };
const RELATIVE = { openid: 'demo-relative', name: '王小红', relation: '儿媳' };

let stage: Stage;
let preview: Preview;
let second: Phone; // the member (the first phone, the stage's, is the newcomer, later the relative)
let page: Page;

/** The switch saves in the background: wait (briefly) until the account has it. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met within 5 s');
}

/** The relative's card in the member's helpers list (the log below also names them). */
function helperCard(p: Page) {
  return p.locator('.card:visible', { hasText: '开始代办' }).filter({ hasText: `${RELATIVE.name}（${RELATIVE.relation}）` });
}

async function openTab(p: Page, label: string): Promise<void> {
  await p.locator('.tab-bar__item:visible', { hasText: label }).click();
}

beforeAll(async () => {
  stage = await startStage('member');
  ({ preview, page } = stage);
}, 120000);

afterAll(async () => {
  await second?.close();
  await stage?.stop();
});

describe('first open: a newcomer confirms who they are', () => {
  it('offers the demo newcomer with the name and phone digits to type on the sign-in page', async () => {
    const html = await (await fetch(`${baseUrl(preview.url)}/local/signin`)).text();
    expect(html).toContain('新用户（还没确认身份）');
    expect(html).toContain(`姓名 ${NEWCOMER.name}，手机号后4位 ${NEWCOMER.last4}`);
    expect(html).toContain('家人（还没接受邀请）');
  });

  it('sends a WeChat without an account from 我的 to the bind screen', async () => {
    await signIn(page, preview.url, NEWCOMER.openid);
    await button(page, '第一次使用，请先确认身份').waitFor();
    await openTab(page, '我的');
    await waitText(page, '您还没有确认身份');
    await checkScreen(page, 'me-newcomer', '您还没有确认身份');
    await button(page, '确认身份').click();
    await waitText(page, CONSENT.title);
  });

  it('shows the consent text first, then the fields, with a numeric keyboard for the phone digits', async () => {
    const text = await visibleText(page);
    for (const paragraph of CONSENT.paragraphs) expect(text).toContain(paragraph);
    expect(text.indexOf(CONSENT.title)).toBeLessThan(text.indexOf('手机号后4位'));
    expect(await field(page, '手机号后4位').getAttribute('type')).toBe('number');
    expect(await field(page, '姓名').getAttribute('type')).toBe('text');
    await checkScreen(page, 'bind', '同意并确认身份');
  });

  it('says in plain words how many tries are left after a wrong pair', async () => {
    await field(page, '姓名').fill(NEWCOMER.name);
    await field(page, '手机号后4位').fill(NEWCOMER.last4 === '0000' ? '1111' : '0000');
    await button(page, '同意并确认身份').click();
    await waitText(page, '还可以再试4次');
    await expectAccessible(page);
    await screenshot(page, 'bind-mismatch');
  });

  it('links to the review request form with the typed name filled in', async () => {
    await button(page, '名册里没有我？申请登记').click();
    await waitText(page, '同意并提交申请');
    expect(await field(page, '姓名').inputValue()).toBe(NEWCOMER.name);
    await checkScreen(page, 'review', '同意并提交申请');
    expect(await field(page, '姓名').inputValue()).toBe(NEWCOMER.name);
    await page.goBack();
    await waitText(page, '同意并确认身份');
  });

  it('binds with the right pair and lands on 我的 with their name', async () => {
    await field(page, '姓名').fill(NEWCOMER.name);
    await field(page, '手机号后4位').fill(NEWCOMER.last4);
    await button(page, '同意并确认身份').click();
    await page.locator('.me__name:visible', { hasText: NEWCOMER.name }).waitFor();
    await button(page, '我的资料').waitFor();
    await screenshot(page, 'me-bound');
  });

  it('shows the full profile with the own phone unmasked', async () => {
    await button(page, '我的资料').click();
    await waitText(page, '保存修改');
    expect(await field(page, '电话').inputValue()).toBe(NEWCOMER.phone);
    const text = await visibleText(page);
    expect(text).toContain(NEWCOMER.name);
    expect(text).toContain(NEWCOMER_ENTRY.formerUnit);
    await checkScreen(page, 'profile', '保存修改');
  });

  it('saves skills picked by tapping and an emergency contact', async () => {
    const before = await api<ProfileData>(preview.url, NEWCOMER.openid, 'member', 'profile');
    const skill = before.skillOptions.find((s) => !before.skills.includes(s))!;
    const chip = page.locator('.chip:visible', { hasText: skill }).first();
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await field(page, '紧急联系人姓名').fill('曾晓燕');
    await field(page, '与您的关系').fill('女儿');
    await field(page, '紧急联系人电话').fill('13700002222');
    await button(page, '保存修改').click();
    await waitText(page, '已保存');
    const after = await api<ProfileData>(preview.url, NEWCOMER.openid, 'member', 'profile');
    expect(after.skills).toEqual([...before.skills, skill]);
    expect(after.emergencyContact).toEqual({ name: '曾晓燕', relation: '女儿', phone: '13700002222' });
  });

  it('keeps the large-text switch with the profile and applies it at once', async () => {
    const size = parseFloat(await page.locator('.page:visible').first().evaluate((el) => getComputedStyle(el).fontSize));
    await button(page, '把字调大').click();
    await button(page, '恢复标准字体').waitFor();
    const larger = parseFloat(await page.locator('.page:visible').first().evaluate((el) => getComputedStyle(el).fontSize));
    expect(larger).toBeGreaterThan(size * 1.3);
    await waitFor(async () => (await api<ProfileData>(preview.url, NEWCOMER.openid, 'member', 'profile')).largeText === true);
    await button(page, '恢复标准字体').click();
    await button(page, '把字调大').waitFor();
    await waitFor(async () => (await api<ProfileData>(preview.url, NEWCOMER.openid, 'member', 'profile')).largeText === false);
  });

  it('asks for deletion with one button and then says it waits for staff', async () => {
    await button(page, '注销账号').click();
    await waitText(page, '申请注销我的账号');
    await checkScreen(page, 'deletion', '申请注销我的账号');
    await button(page, '申请注销我的账号').click();
    await waitText(page, '已提交，等待工作人员确认');
    await screenshot(page, 'deletion-done');
  });
});

describe('family helper: invite, accept in another phone, revoke', () => {
  let code = '';
  let member: Page;

  beforeAll(async () => {
    second = await openPhone();
    member = second.page;
    await signIn(member, preview.url, MEMBER.openid);
  }, 60000);

  it('shows the member a big code, the QR image and the expiry in plain words', async () => {
    await openTab(member, '我的');
    await button(member, '家人代办').click();
    await waitText(member, '邀请家人代办');
    await checkScreen(member, 'family', '代办的家人');
    await button(member, '邀请家人代办').click();
    const codeText = member.locator('.invitation__code:visible');
    await codeText.waitFor();
    code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const qr = member.locator('.invitation__qr:visible img');
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await qr.getAttribute('alt')).toBeTruthy();
    const text = await visibleText(member);
    expect(text).toContain('以前有效');
    expect(text).toContain('请家人用微信扫码，或在“接受邀请”页输入邀请码');
    await expectAccessible(member);
    await screenshot(member, 'family-invitation');
  });

  it('lets the relative type the code, see who invited them, read the consent and accept', async () => {
    await page.evaluate(() => localStorage.clear());
    await signIn(page, preview.url, RELATIVE.openid);
    await openTab(page, '我的');
    await button(page, '我是老人的家人，接受代办邀请').click();
    await waitText(page, '下一步');
    await checkScreen(page, 'invite-code', '下一步');
    await field(page, '邀请码').fill(code.toLowerCase());
    await button(page, '下一步').click();
    await waitText(page, `邀请人：${MEMBER.name}`);
    expect(await visibleText(page)).toContain(CONSENT.paragraphs[3]!);
    await field(page, '您的姓名').fill(RELATIVE.name);
    await field(page, '您和老人的关系').fill(RELATIVE.relation);
    await button(page, '接受邀请').click();
    await waitText(page, `正在为${MEMBER.name}代办`);
    await screenshot(page, 'me-helper');
  });

  it('lets the relative who just accepted sign up for an activity on the member\'s behalf', async () => {
    const held = new Set((await api<MineData>(preview.url, MEMBER.openid, 'enrollment', 'mine')).items.map((item) => item.targetId));
    const { activities } = await api<ActivityList>(preview.url, MEMBER.openid, 'catalog', 'activities');
    const activity = activities.find((a) => !held.has(a.id) && a.seatsLeft > 1)!;
    await openRoute(page, preview.url, `/pages/enroll/activity/index?id=${activity.id}`);
    await waitText(page, `正在为${MEMBER.name}报名`);
    await exactButton(page, '报名').click();
    await waitText(page, '我的状态：已报名');
    const mine = await api<MineData>(preview.url, MEMBER.openid, 'enrollment', 'mine');
    expect(mine.items.find((item) => item.targetId === activity.id)?.me.label).toBe('已报名');
    const { log } = await api<HelpersData>(preview.url, MEMBER.openid, 'member', 'helpers');
    expect(log.some((entry) => entry.actorName === RELATIVE.name && entry.detail.includes(activity.title))).toBe(true);
    await openRoute(page, preview.url, '/pages/me/index'); // back to the tab pages for the next steps
  });

  it('lists the relative among the member\'s helpers, with what they did', async () => {
    await member.reload();
    const card = helperCard(member);
    await card.waitFor();
    expect(await visibleText(member)).toContain(`${RELATIVE.name}（${RELATIVE.relation}）接受了邀请`);
    const helpers = await api<HelpersData>(preview.url, MEMBER.openid, 'member', 'helpers');
    expect(helpers.helpers.map((h) => h.name)).toContain(RELATIVE.name);
  });

  it('revokes in two steps in place (no pop-up), and the relative\'s next screen says access was cancelled', async () => {
    const card = helperCard(member);
    await card.locator('.big-button', { hasText: `取消${RELATIVE.name}的代办` }).click();
    await card.locator('.big-button', { hasText: '不取消' }).waitFor();
    await expectAccessible(member);
    await screenshot(member, 'family-revoke-confirm');
    await card.locator('.big-button', { hasText: '确定取消' }).click();
    await card.getByText('已取消代办').waitFor();
    expect(await card.locator('.big-button').count()).toBe(0);

    await openTab(page, '首页');
    await openTab(page, '我的');
    await waitText(page, '您代办的权限已被老人取消');
    await button(page, '输入新的邀请码').waitFor();
    await checkScreen(page, 'me-revoked', '您代办的权限已被老人取消');
  });

  it('opens the accept screen straight from a link carrying the code (H5): a revoked relative can be invited again', async () => {
    const invitation = await api<InvitationData>(preview.url, MEMBER.openid, 'member', 'createInvitation');
    await page.goto(`${baseUrl(preview.url)}/#/pages/invite/index?code=${invitation.code}`);
    await checkScreen(page, 'invite', `邀请人：${MEMBER.name}`);
    await field(page, '您的姓名').fill(RELATIVE.name);
    await button(page, '接受邀请').click();
    await waitText(page, `正在为${MEMBER.name}代办`);
  });
});
