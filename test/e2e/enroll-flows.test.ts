/**
 * Sign-up pages of issue 5 in Debian's Chromium against the local preview: a retiree enrolls in a course and an
 * activity, each in at most 3 taps from the home page, sees both in 我的报名, joins a waitlist, cancels and frees
 * the place; a helper signs up for the member; associations, volunteer posts and 报名审核. Every new screen is
 * checked (axe WCAG 2.1 AA, 60 px targets) and shot at normal and largest text.
 * Assumes dist/cloudfunctions and an H5 build (H5_DIR, default dist/h5) are built.
 */
import { plain } from '../../src/shared/time-words';
import type { Page } from 'playwright-core';
import type { Preview } from '../../local/preview';
import type { ActivityList, HomeData } from '../../src/shared/contracts';
import type { ActivityView, CourseDetailData, CourseListData, MineData } from '../../src/shared/contracts-enrollment';
import { checkEnrollScreen, exactButton, linkCard, openRoute, routePage, TapCounter, tile, topPage, api, button, signIn, visibleText, waitText, startStage, type Stage } from '../support/e2e';

const MEMBER = { openid: 'demo-member', name: '王建国' };
const HELPER = { openid: 'demo-helper', name: '王晓梅' };

let stage: Stage;
let preview: Preview;
let page: Page;

const call = <T>(openid: string, action: string, payload: object = {}) => api<T>(preview.url, openid, 'enrollment', action, payload);
const mine = (openid = MEMBER.openid) => call<MineData>(openid, 'mine');
const mineItem = async (targetId: string) => (await mine()).items.find((item) => item.targetId === targetId);

/** Starts from the home page afresh (as after opening the mini-program). */
async function goHome(p: Page): Promise<void> {
  await openRoute(p, preview.url, '/pages/index/index');
  await tile(p, '老年大学选课').waitFor();
}

beforeAll(async () => {
  stage = await startStage('enroll');
  ({ preview, page } = stage);
}, 120000);

afterAll(async () => {
  await stage?.stop();
});

describe('a retiree signs up from the home page', () => {
  let course: CourseListData['courses'][number];
  let activity: HomeData['activities'][number];

  beforeAll(async () => {
    const list = await call<CourseListData>(MEMBER.openid, 'courses');
    const titles = list.courses.map((c) => c.title);
    // an open first-come course with places whose title is unique (so its card is unambiguous)
    course = list.courses.find((c) => c.window === 'open' && c.mode === 'firstCome' && c.seatsLeft > 1 && c.me.canSignUp && titles.indexOf(c.title) === titles.lastIndexOf(c.title))!;
    const home = await api<HomeData>(preview.url, MEMBER.openid, 'catalog', 'home');
    const open = await Promise.all(home.activities.map((a) => call<{ activity: ActivityView }>(MEMBER.openid, 'activity', { activityId: a.id })));
    activity = home.activities.find((a, i) => open[i]!.activity.me.canSignUp && a.seatsLeft > 1)!;
    expect(course).toBeDefined();
    expect(activity).toBeDefined();
  });

  it('shows four big entries on the home page, and its courses and activities lead to their details', async () => {
    await signIn(page, preview.url, MEMBER.openid);
    await tile(page, '老年大学选课').waitFor();
    const text = await visibleText(page);
    for (const label of ['老年大学选课', '活动报名', '协会', '志愿服务', '我的报名']) expect(text).toContain(label);
    await checkEnrollScreen(page, 'enroll-home', '老年大学选课');
  });

  it('enrolls in a course in at most 3 taps: 老年大学选课, the course, 报名', async () => {
    const taps = new TapCounter();
    await taps.tap(tile(page, '老年大学选课'));
    await waitText(page, '选上课地点');
    await taps.tap(linkCard(page, course.title));
    await waitText(page, `老师`);
    // the screen says plainly how the member will be told
    await waitText(page, '都会放在“消息”里');
    // one round trip per tap: the sign-up's answer carries the refreshed screen
    const calls: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/api/')) calls.push(request.url());
    };
    page.on('request', onRequest);
    await taps.tap(exactButton(page, '报名'));
    await waitText(page, '我的状态：已报名');
    expect(taps.count).toBeLessThanOrEqual(3);
    await waitText(page, '报名成功');
    await page.waitForTimeout(500);
    page.off('request', onRequest);
    expect(calls).toHaveLength(1);
    await waitText(page, '上课');
    const item = await mineItem(course.id);
    expect(item?.me.state).toBe('enrolled');
    await checkEnrollScreen(page, 'enroll-course-detail', '我的状态：已报名');
  });

  it('enrolls in an activity in at most 3 taps: the activity on the home page, 报名', async () => {
    await goHome(page);
    const taps = new TapCounter();
    await taps.tap(linkCard(page, activity.title));
    await waitText(page, '取消规则');
    await taps.tap(exactButton(page, '报名'));
    await waitText(page, '我的状态：已报名');
    expect(taps.count).toBeLessThanOrEqual(3);
    expect(await visibleText(page)).toContain('扫码签到');
    expect((await mineItem(activity.id))?.me.state).toBe('enrolled');
    await checkEnrollScreen(page, 'enroll-activity-detail', '我的状态：已报名');
  });

  it('shows both in 我的报名 (reached from the home page) with 已报名 and the next thing to do', async () => {
    await goHome(page);
    await button(page, '我的报名').click();
    await waitText(page, '我现在报着的');
    const courseCard = linkCard(page, course.title);
    const activityCard = linkCard(page, activity.title);
    await expect(courseCard.innerText()).resolves.toContain('已报名');
    await expect(courseCard.innerText()).resolves.toMatch(/下一步：每周.+到.+上课/);
    await expect(activityCard.innerText()).resolves.toContain('已报名');
    await checkEnrollScreen(page, 'enroll-mine', course.title);
  });
});

describe('the course list, a full course, cancelling, windows and the lottery', () => {
  let list: CourseListData;
  beforeAll(async () => {
    list = await call<CourseListData>(MEMBER.openid, 'courses');
  });

  it('lists the nearest campus first and filters by campus with big chips', async () => {
    await openRoute(page, preview.url, '/pages/enroll/courses/index');
    await waitText(page, '选上课地点');
    const chips = await page.locator('.chip:visible').allInnerTexts();
    expect(chips[0]).toContain('全部地点');
    expect(chips[1]).toContain(`${list.campuses[0]!.name} · 离您最近`);
    await checkEnrollScreen(page, 'enroll-courses', '选上课地点');
    const branch = list.campuses.find((c) => !c.nearest && !c.isMain)!;
    await page.locator('.chip:visible', { hasText: branch.name }).click();
    await waitText(page, `${branch.name}`);
    const cards = await page.locator('.link-card:visible').allInnerTexts();
    expect(cards.length).toBe(list.courses.filter((c) => c.campusId === branch.id).length);
    for (const card of cards) expect(card).toContain(branch.name);
  });

  it('puts the member on the waitlist of a full course with 候补第N位', async () => {
    const full = list.courses.find((c) => c.window === 'open' && c.mode === 'firstCome' && c.seatsLeft === 0 && c.me.canSignUp)!;
    await openRoute(page, preview.url, `/pages/enroll/course/index?id=${full.id}`);
    await waitText(page, '已满');
    await exactButton(page, '排队候补').click();
    await waitText(page, '我的状态：候补第1位');
    await waitText(page, '有人取消会自动补上并通知您');
    expect((await mineItem(full.id))?.me.label).toBe('候补第1位');
    await openRoute(page, preview.url, '/pages/enroll/mine/index');
    await expect(linkCard(page, full.title).innerText()).resolves.toContain('候补第1位');
  });

  it('cancels with an inline second step (no pop-up) and frees the place', async () => {
    const enrolled = (await mine()).items.find((item) => item.kind === 'course' && item.me.state === 'enrolled')!;
    const seatsBefore = (await call<CourseDetailData>(MEMBER.openid, 'course', { courseId: enrolled.targetId })).course.seatsLeft;
    await openRoute(page, preview.url, `/pages/enroll/course/index?id=${enrolled.targetId}`);
    const ask = async () => {
      await exactButton(page, '取消报名').click();
      await waitText(page, '确定要取消报名吗？');
      await exactButton(page, '不取消').waitFor();
    };
    await ask();
    await checkEnrollScreen(page, 'enroll-course-cancel-ask', '确定要取消报名吗？', ask);
    await exactButton(page, '确定取消').click();
    await waitText(page, '我的状态：已取消');
    await waitText(page, `还剩${seatsBefore + 1}个`);
    const after = (await call<CourseDetailData>(MEMBER.openid, 'course', { courseId: enrolled.targetId })).course;
    expect(after.seatsLeft).toBe(seatsBefore + 1);
    expect(after.me.canSignUp).toBe(true);
    expect((await mineItem(enrolled.targetId))?.me.state).toBe('cancelled');
  });

  it('before the window opens the button is disabled and says when sign-up starts', async () => {
    const soon = list.courses.find((c) => c.window === 'notYet')!;
    await openRoute(page, preview.url, `/pages/enroll/course/index?id=${soon.id}`);
    const disabled = page.locator('.big-button--disabled:visible');
    expect(plain(await disabled.innerText())).toMatch(/^\d+月\d+日 (上午|中午|下午|晚上)\d+:\d{2} 开始报名$/);
    expect(await disabled.getAttribute('disabled')).not.toBeNull();
    await disabled.click({ force: true });
    expect((await mineItem(soon.id))).toBeUndefined();
    await checkEnrollScreen(page, 'enroll-course-not-yet', '开始报名');
  });

  it('explains a lottery course (摇号) in plain words', async () => {
    const lottery = list.courses.find((c) => c.mode === 'lottery' && c.window === 'open')!;
    await openRoute(page, preview.url, `/pages/enroll/course/index?id=${lottery.id}`);
    await waitText(page, '报名截止后统一摇号');
    await exactButton(page, '参加摇号').click();
    await waitText(page, '我的状态：已报名，待摇号');
    await checkEnrollScreen(page, 'enroll-course-lottery', '报名截止后统一摇号');
  });
});

describe('a helper signs up for the member', () => {
  let activity: HomeData['activities'][number];

  it('shows 正在为王建国报名 and signs up for an activity on his behalf', async () => {
    const held = new Set((await mine()).items.map((item) => item.targetId));
    const all = await api<ActivityList>(preview.url, MEMBER.openid, 'catalog', 'activities');
    activity = all.activities.find((a) => !held.has(a.id) && a.seatsLeft > 1)!;
    await signIn(page, preview.url, HELPER.openid);
    await tile(page, '活动报名').click();
    await page.waitForURL(/pages\/activities\/index/);
    // the card on the 活动 tab itself: the home page (which lists the same activity) is still fading out
    await routePage(page, '/pages/activities/index').locator('.link-card', { hasText: activity.title }).click();
    await waitText(page, `正在为${MEMBER.name}报名`);
    await exactButton(page, '报名').click();
    await waitText(page, '我的状态：已报名');
    await checkEnrollScreen(page, 'enroll-activity-helper', `正在为${MEMBER.name}报名`);
  });

  it('loads each sign-up screen of the helper with one call, the banner included (no member.me)', async () => {
    const screens: [route: string, call: string][] = [
      [`/pages/enroll/activity/index?id=${activity.id}`, 'enrollment.activity'],
      ['/pages/enroll/mine/index', 'enrollment.mine'],
      ['/pages/enroll/associations/index', 'enrollment.associations'],
    ];
    for (const [route, call] of screens) {
      const calls: string[] = [];
      const record = (request: { url(): string; postData(): string | null }) => {
        const fn = /\/api\/([a-z]+)$/.exec(request.url())?.[1];
        if (fn) calls.push(`${fn}.${(JSON.parse(request.postData() ?? '{}') as { action?: string }).action}`);
      };
      page.on('request', record);
      await openRoute(page, preview.url, route);
      await waitText(page, `正在为${MEMBER.name}报名`);
      page.off('request', record);
      expect(calls).toContain(call);
      expect([route, calls.filter((c) => c !== call)]).toEqual([route, []]);
    }
  });

  it("shows it in the member's 我的报名, and the helper sees the member's list", async () => {
    await openRoute(page, preview.url, '/pages/enroll/mine/index');
    await waitText(page, `${MEMBER.name}的报名`);
    await expect(linkCard(page, activity.title).innerText()).resolves.toContain('已报名');
    await signIn(page, preview.url, MEMBER.openid);
    await openRoute(page, preview.url, '/pages/enroll/mine/index');
    await expect(linkCard(page, activity.title).innerText()).resolves.toContain('已报名');
    expect(await visibleText(page)).not.toContain('正在为');
  });
});

describe('associations and volunteer teams', () => {
  it('joins an open association and leaves it again', async () => {
    await goHome(page);
    await tile(page, '协会').click();
    await waitText(page, '直接加入，不用审核');
    await checkEnrollScreen(page, 'enroll-associations', '直接加入，不用审核');
    await linkCard(page, '老年科技和保健工作者协会').click();
    await exactButton(page, '加入协会').click();
    await waitText(page, '我的状态：已入会');
    await checkEnrollScreen(page, 'enroll-association', '我的状态：已入会');
    await exactButton(page, '退出协会').click();
    await exactButton(page, '确定退出').click();
    await waitText(page, '我的状态：已取消');
  });

  it('asks to join one that needs approval: 待审核', async () => {
    await openRoute(page, preview.url, '/pages/enroll/association/index?id=assoc-wangxuan');
    await exactButton(page, '申请加入').click();
    await waitText(page, '我的状态：待审核');
    expect((await mineItem('assoc-wangxuan'))?.me.label).toBe('待审核');
  });

  it("suggests teams fitting the member's skills, and signs up for a post, then withdraws", async () => {
    await goHome(page);
    await tile(page, '志愿服务').click();
    await waitText(page, '推荐');
    const first = topPage(page).locator('.link-card').first();
    await expect(first.innerText()).resolves.toContain('推荐');
    await checkEnrollScreen(page, 'enroll-teams', '推荐');
    await first.click();
    await waitText(page, '职责：');
    const post = topPage(page).locator('.card', { has: page.locator('.big-button') }).first();
    const postName = (await post.locator('.card__title').innerText()).trim();
    await post.locator('.big-button').click();
    await waitText(page, '我的状态：');
    await waitText(page, `岗位：${postName}`);
    await checkEnrollScreen(page, 'enroll-team', `岗位：${postName}`);
    await exactButton(page, '退出岗位').click();
    await exactButton(page, '确定退出').click();
    await exactButton(page, `报名当${postName}`).waitFor();
  });
});

describe('报名审核 for leaders and staff', () => {
  it('staff open it from 我的 and approve a request; the member then shows 已入会', async () => {
    await signIn(page, preview.url, 'demo-staff');
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click();
    await exactButton(page, '报名审核').click();
    await waitText(page, `申请加入：老干部网络宣传协会`);
    await checkEnrollScreen(page, 'enroll-approvals', '申请加入：老干部网络宣传协会');
    const request = page.locator('.card:visible', { hasText: MEMBER.name }).first();
    await request.locator('.big-button', { hasText: '同意' }).first().click();
    await waitText(page, `已同意，${MEMBER.name}已入会`);
    expect((await mineItem('assoc-wangxuan'))?.me.label).toBe('已入会');
  });

  it('refuses with a reason typed in place', async () => {
    await call('demo-lixiu', 'signUp', { kind: 'association', targetId: 'assoc-jingju' });
    await page.reload();
    const request = page.locator('.card:visible', { hasText: '老年京剧协会' }).first();
    await request.locator('.big-button', { hasText: '不同意' }).click();
    await request.locator('input[aria-label="不同意的原因（可以不填）"]').fill('名额已满，明年再报');
    await request.locator('.big-button', { hasText: '确定不同意' }).click();
    await waitText(page, '已不同意，已通知本人');
    const lixiu = await mine('demo-lixiu');
    expect(lixiu.items.find((item) => item.targetId === 'assoc-jingju')?.me.label).toBe('未通过');
  });

  it('a leader sees the page too, and is told plainly when nothing waits', async () => {
    await signIn(page, preview.url, 'demo-leader');
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click();
    await exactButton(page, '报名审核').click();
    await checkEnrollScreen(page, 'enroll-approvals-empty', '现在没有待审核的申请');
  });

  it('a member has no 报名审核 on 我的, but 我的报名', async () => {
    await signIn(page, preview.url, MEMBER.openid);
    await page.locator('.tab-bar__item:visible', { hasText: '我的' }).click();
    await exactButton(page, '我的报名').waitFor();
    expect(await visibleText(page)).not.toContain('报名审核');
  });
});
