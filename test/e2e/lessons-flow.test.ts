/**
 * 云课堂 in Debian's Chromium against the local preview: 王建国 signs up for 智能手机应用（入门）, finds the
 * 云课堂 on the course page, plays half of the audio lesson and goes back; opening it again resumes mid-way;
 * playing on to 90 % finishes it and earns the point, which 我的 shows with its rule. Staff see the completion and
 * the lesson editor. The player's media events are what Taro's video element emits (a headless browser plays no
 * sound worth waiting for): `timeupdate` with the current time, `play`, `pause`. Every screen is checked (axe WCAG
 * 2.1 AA, 60 px targets, nothing cut off) and shot at normal and largest text. Assumes dist/h5 and dist/cloudfunctions.
 */
import type { Page } from 'playwright-core';
import { checkAtBothSizes, expectTargetsUsable, startStage, type ScreenRules, type Stage, api, button, field, signIn, waitText, linkCard, openRoute } from '../support/e2e';
import type { CourseLessonsData } from '../../src/shared/contracts-lessons';

const MEMBER = 'demo-member';
const STAFF = 'demo-staff';
const LESSON_TITLE = '第二讲 和家人视频通话';

const LESSON_SCREENS: ScreenRules = {
  expectUsable: (page) => expectTargetsUsable(page, '.big-button, .link-card, .chip'),
  textBlocks: [
    '.page-title__text', '.page-title__intro', '.card__title', '.card__line', '.card__badge', '.section__title', '.section__empty',
    '.notice__text', '.big-button', '.link-card__more', '.lesson-points__value', '.lesson-points__rule', '.lesson-player__where',
    '.lesson-text__title', '.lesson-text__body', '.points__title', '.points__value', '.points__detail', '.points__rule',
    '.facts__label', '.facts__value', '.field__label', '.field__hint', '.chip', '.me__name',
  ].join(', '),
  blocks: '.card, .link-card, .big-button, .section, .notice, .lesson-points, .lesson-text, .points, .facts, .field',
};

let stage: Stage;
let page: Page;
let courseId: string;

beforeAll(async () => {
  stage = await startStage('lessons');
  page = stage.page;
  const list = await api<{ courses: { id: string; title: string }[] }>(stage.preview.url, MEMBER, 'enrollment', 'courses', {});
  courseId = list.courses.find((c) => c.id.endsWith('-shouji-1'))!.id;
});
afterAll(() => stage?.stop());

/** Emits what Taro's video element emits while playing from `from` to `to`, then pauses; waits for the save. */
async function play(from: number, to: number): Promise<void> {
  const saved = page.waitForResponse((res) => res.url().includes('/api/lessons') && res.request().postData()?.includes('"progress"') === true);
  await page.evaluate(([a, b]) => {
    const videos = Array.from(document.querySelectorAll('taro-video-core')).filter((el) => (el as HTMLElement).offsetParent !== null);
    const video = videos[videos.length - 1]!;
    const emit = (name: string, detail: object = {}) => video.dispatchEvent(new CustomEvent(name, { detail, bubbles: false }));
    emit('play');
    for (let t = a; t <= b; t += 0.25) emit('timeupdate', { currentTime: t, duration: 150 });
    emit('pause');
  }, [from, to] as const);
  await saved;
}

describe('a member: resume a lesson mid-way, finish it, see the point', () => {
  it('finds the 云课堂 on the course page once signed up', async () => {
    await signIn(page, stage.preview.url, MEMBER);
    await api(stage.preview.url, MEMBER, 'enrollment', 'signUp', { kind: 'course', targetId: courseId });
    await openRoute(page, stage.preview.url, `/pages/enroll/course/index?id=${courseId}`);
    await button(page, '看这门课的云课堂').click();
    await waitText(page, '这门课已得学习积分：0分');
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-course', '课程列表');
  });

  it('plays half of a lesson; back and in again, it resumes where it stopped', async () => {
    await linkCard(page, LESSON_TITLE).click();
    await waitText(page, '字幕和文字稿');
    await waitText(page, '点“播放”开始看');
    await play(0, 50);
    await play(50, 70);
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-player', '字幕和文字稿');
    // leaving saves what was played; the list then says how far
    await openRoute(page, stage.preview.url, `/pages/lessons/index?courseId=${courseId}`);
    await waitText(page, '已看46%，点开接着看');
    await linkCard(page, LESSON_TITLE).click();
    await waitText(page, '上次看到 1:07');
    const videoTime = await page.locator('taro-video-core:visible').last().getAttribute('initial-time');
    expect(Number(videoTime)).toBe(67);
  });

  it('plays on to 90 %: the lesson is finished and earns one point, once', async () => {
    await play(67, 120);
    expect(await page.locator('.notice--done:visible').count()).toBe(0);
    await play(120, 140);
    await waitText(page, '这一课学完了！得学习积分1分');
    await play(140, 150);
    const view = await api<CourseLessonsData>(stage.preview.url, MEMBER, 'lessons', 'course', { courseId });
    expect(view.points).toBe(1);
    expect(view.lessons.find((l) => l.title === LESSON_TITLE)?.state).toBe('finished');
  });

  it('a 视频号 lesson says where the video is and keeps the text version on the page', async () => {
    await openRoute(page, stage.preview.url, '/pages/lessons/player?id=lesson-shouji-1-1');
    await waitText(page, '这一课的视频在微信视频号里');
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-player-channels', '字幕和文字稿');
  });

  it('我的 shows 学习积分 and volunteer hours with the rule of each', async () => {
    await openRoute(page, stage.preview.url, '/pages/me/index');
    await waitText(page, '学习积分：1分');
    await waitText(page, '志愿服务时长');
    await waitText(page, '看完90%以上');
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-me-points', '学习积分：1分');
  });
});

describe('staff: completion per course and the lesson editor', () => {
  it('see who started and finished each lesson, counted from the records', async () => {
    await signIn(page, stage.preview.url, STAFF);
    await openRoute(page, stage.preview.url, '/pages/staff/lessons/courses/index');
    await waitText(page, '智能手机应用（入门）');
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-staff-courses', '看学习情况、加课');
    await linkCard(page, '智能手机应用（入门）').click();
    await waitText(page, '每一课的学习情况');
    const card = linkCard(page, LESSON_TITLE);
    const text = await card.innerText();
    const finished = Number(/学完(\d+)人/.exec(text)?.[1]);
    const report = await api<{ rows: { title: string; finished: number }[] }>(stage.preview.url, STAFF, 'lessons', 'completion', { courseId });
    expect(finished).toBe(report.rows.find((r) => r.title === LESSON_TITLE)?.finished);
    expect(finished).toBeGreaterThanOrEqual(1);
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-staff-course', '每一课的学习情况');
  });

  it('open the editor for a new lesson', async () => {
    await openRoute(page, stage.preview.url, `/pages/staff/lessons/edit/index?courseId=${courseId}`);
    await waitText(page, '这一课的标题');
    await checkAtBothSizes(page, LESSON_SCREENS, 'lessons-staff-edit', '字幕或文字稿');
  });

  it('add a 视频号 lesson with its text version; a missing text is named by its field', async () => {
    await field(page, '这一课的标题').fill('第四讲 用手机挂号');
    await page.locator('.chip:visible', { hasText: '视频' }).first().click();
    await page.locator('.chip:visible', { hasText: '视频号里的视频' }).click();
    await field(page, '视频号编号').fill('sphDemoCounty01');
    await field(page, '视频编号').fill('export/demo-guahao-4');
    await field(page, '时长（分钟）').fill('9');
    await button(page, '加上这一课').click();
    await waitText(page, '请填写字幕或文字稿');
    await page.locator('textarea[aria-label="字幕或文字稿"]:visible').fill('【文字稿】打开医院的公众号，点“预约挂号”……');
    await button(page, '加上这一课').click();
    await waitText(page, '第4课“第四讲 用手机挂号”已保存');
    const report = await api<{ rows: { title: string; source: string; durationSeconds: number }[] }>(stage.preview.url, STAFF, 'lessons', 'completion', { courseId });
    expect(report.rows.at(-1)).toMatchObject({ title: '第四讲 用手机挂号', source: 'channels', durationSeconds: 540 });
  });

  it('add an audio lesson uploaded from the computer (the gateway stores it in cloud storage)', async () => {
    await openRoute(page, stage.preview.url, `/pages/staff/lessons/edit/index?courseId=${courseId}`);
    await waitText(page, '这一课的标题');
    await field(page, '这一课的标题').fill('第五讲 听广播学防骗');
    await page.locator('.chip:visible', { hasText: /^音频$/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await button(page, '选一个音频文件上传').click();
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(64)]);
    await (await chooser).setFiles({ name: '防骗广播.wav', mimeType: 'audio/wav', buffer: wav });
    await waitText(page, '文件已上传');
    await field(page, '时长（分钟）').fill('6');
    await page.locator('textarea[aria-label="字幕或文字稿"]:visible').fill('【文字稿】接到自称公检法的电话，先挂断，再打110核实。');
    await button(page, '加上这一课').click();
    await waitText(page, '第五讲 听广播学防骗”已保存');
    const report = await api<{ rows: { title: string; source: string; durationSeconds: number }[] }>(stage.preview.url, STAFF, 'lessons', 'completion', { courseId });
    expect(report.rows.at(-1)).toMatchObject({ title: '第五讲 听广播学防骗', source: 'file', durationSeconds: 360 });
  });
});
