/**
 * 云课堂 through the real SDK and the emulator: only members holding a place see and save lessons; progress and
 * resume; finished at 90 % of what was actually played (not on open, not by one implausible save); 学习积分 once,
 * also under concurrent saves; bad input answered with codes and nothing written; a 收视点 screening's check-in
 * marks the lesson attended; staff lessons and completion; the summary on 我的.
 */
import type { LessonDoc, LessonProgressDoc } from '../../src/shared/documents';
import { enrollmentId, termSlot } from '../../src/shared/enrollment-rules';
import { progressId } from '../../src/shared/lesson-rules';
import { LESSON_TEXT_MAX } from '../../src/shared/request-limits';
import { account, course } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { dbStats, memberIdOf, members, resetStats } from './enrollment-kit';
import { codeOf, minutesFromNow } from './checkin-kit';

let cloud: CloudHarness;
const TERM = '2026-autumn';
const STAFF = 'ls-staff';
let joined: string[];
let outsider: string;
let waiting: string;

const lesson = (id: string, order: number, over: Partial<LessonDoc> = {}): LessonDoc => ({
  _id: id,
  courseId: 'c-ls',
  courseTitle: '智能手机入门',
  order,
  title: `第${order}课`,
  kind: 'video',
  durationSeconds: 100,
  fileId: null,
  channels: null,
  text: '字幕：今天学习怎样用手机视频通话。',
  createdAt: new Date(),
  updatedAt: new Date(),
  createdBy: '张丽',
  ...over,
});

const progress = (openid: string, lessonId: string, position: number, ranges: [number, number][]) =>
  cloud.call('lessons', 'progress', { lessonId, position, ranges }, openid);
const stored = async (lessonId: string, openid: string): Promise<LessonProgressDoc | null> => {
  const { data } = await cloud.db.collection('lessonProgress').where({ _id: progressId(lessonId, memberIdOf(openid)) }).get();
  return (data[0] as LessonProgressDoc | undefined) ?? null;
};
const progressCount = async () => (await cloud.db.collection('lessonProgress').count()).total;

beforeAll(async () => {
  cloud = await startCloud();
  const people = await members(cloud, 'ls', 12);
  joined = people.slice(0, 10);
  outsider = people[10]!;
  waiting = people[11]!;
  // ten hold a place; the twelfth is on the waitlist (seats 10)
  const line = [...joined, waiting].map(memberIdOf);
  await insert(cloud.db, 'courses', [course('c-ls', TERM, { title: '智能手机入门', seats: 10, taken: line.length, line })]);
  await insert(cloud.db, 'enrollments', line.map((memberId) => {
    const id = enrollmentId('course', 'c-ls', memberId);
    return { _id: id, kind: 'course', targetId: 'c-ls', postId: null, memberId, termId: TERM, termSlot: termSlot(memberId, TERM, 0), status: 'active', title: '智能手机入门', createdAt: new Date(), updatedAt: new Date(), byOpenid: 'x', seatRev: 1 };
  }));
  await insert(cloud.db, 'lessons', [lesson('l-1', 1), lesson('l-2', 2), lesson('l-3', 3, { kind: 'reading', durationSeconds: 120 })]);
  await insert(cloud.db, 'accounts', [
    account(STAFF, { role: 'staff', name: '张丽' }),
    account('ls-helper', { role: 'helper', name: '王晓梅', actsFor: memberIdOf(joined[9]!) }),
  ]);
});
afterAll(() => cloud?.stop());

describe('who may see and save lessons', () => {
  it('a member who joined sees the lessons in order; opening one counts nothing', async () => {
    const view = dataOf(await cloud.call('lessons', 'course', { courseId: 'c-ls' }, joined[0]!));
    expect(view.lessons.map((l) => [l.id, l.state])).toEqual([['l-1', 'new'], ['l-2', 'new'], ['l-3', 'new']]);
    const opened = dataOf(await cloud.call('lessons', 'lesson', { lessonId: 'l-1' }, joined[0]!));
    expect(opened.progress).toEqual({ position: 0, watchedSeconds: 0, percent: 0, finished: false, points: 0 });
    expect(opened.next).toEqual({ id: 'l-2', title: '第2课' });
    expect(opened.lesson.text).toContain('字幕');
    expect(await stored('l-1', joined[0]!)).toBeNull();
  });

  it('a member who did not join, or only waits, is refused and nothing is written', async () => {
    const before = await progressCount();
    for (const who of [outsider, waiting]) {
      expect(codeOf(await cloud.call('lessons', 'course', { courseId: 'c-ls' }, who))).toBe('LESSON.NOT_JOINED');
      expect(codeOf(await cloud.call('lessons', 'lesson', { lessonId: 'l-1' }, who))).toBe('LESSON.NOT_JOINED');
      expect(codeOf(await progress(who, 'l-1', 10, [[0, 10]]))).toBe('LESSON.NOT_JOINED');
    }
    expect(codeOf(await cloud.call('lessons', 'course', { courseId: 'c-ls' }, STAFF))).toBe('AUTH.FORBIDDEN');
    expect(await progressCount()).toBe(before);
  });
});

describe('progress, resume and finishing', () => {
  it('saves resume a little before the stop; finishes at 90 % watched with one point', async () => {
    const who = joined[1]!;
    const first = dataOf(await progress(who, 'l-1', 50, [[0, 50]]));
    expect(first).toMatchObject({ watchedSeconds: 50, percent: 50, finished: false, justFinished: false, points: 0 });
    const resumed = dataOf(await cloud.call('lessons', 'lesson', { lessonId: 'l-1' }, who));
    expect(resumed.progress.position).toBe(47);
    // replaying a watched part adds nothing
    expect(dataOf(await progress(who, 'l-1', 60, [[40, 60]])).watchedSeconds).toBe(60);
    const at89 = dataOf(await progress(who, 'l-1', 89, [[60, 89]]));
    expect(at89).toMatchObject({ watchedSeconds: 89, finished: false, points: 0 });
    const at90 = dataOf(await progress(who, 'l-1', 90, [[89, 90]]));
    expect(at90).toMatchObject({ watchedSeconds: 90, finished: true, justFinished: true, points: 1, percent: 100 });
    const again = dataOf(await progress(who, 'l-1', 100, [[90, 100]]));
    expect(again).toMatchObject({ finished: true, justFinished: false, points: 1 });
    const list = dataOf(await cloud.call('lessons', 'course', { courseId: 'c-ls' }, who));
    expect(list.points).toBe(1);
    expect(list.lessons[0]).toMatchObject({ state: 'finished', percent: 100 });
  });

  it('a save while the lesson plays reads and writes only its progress record: 2 requests (the first checks access: 5)', async () => {
    dataOf(await cloud.call('lessons', 'lesson', { lessonId: 'l-2' }, joined[4]!));
    await resetStats(cloud);
    dataOf(await progress(joined[4]!, 'l-2', 5, [[0, 5]]));
    const total = async () => Object.values(await dbStats(cloud)).reduce((a, b) => a + b, 0);
    // progress (read), lesson, course, sign-up, progress (insert)
    expect(await total()).toBe(5);
    await resetStats(cloud);
    const next = dataOf(await progress(joined[4]!, 'l-2', 10, [[5, 10]]));
    expect(await total()).toBe(2);
    expect(next).toMatchObject({ position: 10, watchedSeconds: 10 });
    // leave the staff figures below as they were
    await cloud.db.collection('lessonProgress').doc(progressId('l-2', memberIdOf(joined[4]!))).remove();
  });

  it('one who left the course stops saving once the remembered check is over 5 minutes old; nothing is written', async () => {
    const who = joined[5]!;
    const id = progressId('l-2', memberIdOf(who));
    dataOf(await progress(who, 'l-2', 5, [[0, 5]]));
    const enrollment = cloud.db.collection('enrollments').doc(enrollmentId('course', 'c-ls', memberIdOf(who)));
    await enrollment.update({ data: { status: 'cancelled' } });
    try {
      // within the window the save still counts (the lesson screen checks on every open)
      dataOf(await progress(who, 'l-2', 10, [[5, 10]]));
      await cloud.db.collection('lessonProgress').doc(id).update({ data: { accessCheckedAt: new Date(Date.now() - 6 * 60_000) } });
      const before = await stored('l-2', who);
      expect(codeOf(await progress(who, 'l-2', 15, [[10, 15]]))).toBe('LESSON.NOT_JOINED');
      expect(await stored('l-2', who)).toEqual(before);
    } finally {
      await enrollment.update({ data: { status: 'active' } });
      await cloud.db.collection('lessonProgress').doc(id).remove();
    }
  });

  it('seeking to the end is not watching: one save credits at most what playing could', async () => {
    const who = joined[2]!;
    const jump = dataOf(await progress(who, 'l-1', 100, [[0, 100]]));
    expect(jump.finished).toBe(false);
    expect(jump.watchedSeconds).toBe(60);
    expect(jump.position).toBe(100);
  });

  it('earns the point once under eight concurrent finishing saves', async () => {
    const who = joined[3]!;
    dataOf(await progress(who, 'l-2', 50, [[0, 50]]));
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => progress(who, 'l-2', 95, [[50 + i, 95]])));
    const data = answers.map(dataOf);
    expect(data.filter((d) => d.justFinished)).toHaveLength(1);
    expect(data.every((d) => d.finished && d.points === 1)).toBe(true);
    const doc = await stored('l-2', who);
    expect(doc).toMatchObject({ points: 1, watchedSeconds: 95, finishedBy: 'watched', ranges: [[0, 95]] });
  });
});

describe('bad input: coded errors, nothing changed', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a position beyond the lesson', { lessonId: 'l-1', position: 101, ranges: [] }, 'LESSON.BAD_POSITION'],
    ['a range beyond the lesson', { lessonId: 'l-1', position: 10, ranges: [[0, 150]] }, 'LESSON.BAD_POSITION'],
    ['a negative position', { lessonId: 'l-1', position: -5, ranges: [] }, 'INPUT.INVALID'],
    ['a negative range', { lessonId: 'l-1', position: 5, ranges: [[-10, 5]] }, 'INPUT.INVALID'],
    ['a reversed range', { lessonId: 'l-1', position: 5, ranges: [[9, 5]] }, 'INPUT.INVALID'],
    ['NaN as text', { lessonId: 'l-1', position: 'NaN', ranges: [] }, 'INPUT.INVALID'],
    ['an operator object as the lesson', { lessonId: { $ne: '' }, position: 5, ranges: [] }, 'INPUT.INVALID'],
    ['an operator object as the position', { lessonId: 'l-1', position: { $gt: 0 }, ranges: [] }, 'INPUT.INVALID'],
    ['a huge lesson id', { lessonId: 'x'.repeat(100_000), position: 5, ranges: [] }, 'INPUT.INVALID'],
    ['too many ranges', { lessonId: 'l-1', position: 5, ranges: Array.from({ length: 500 }, (_, i) => [i, i + 1]) }, 'INPUT.INVALID'],
    ['an unknown key', { lessonId: 'l-1', position: 5, ranges: [], memberId: 'm-ls-0' }, 'INPUT.INVALID'],
    ['a lesson that does not exist', { lessonId: 'l-nope', position: 5, ranges: [] }, 'DATA.NOT_FOUND'],
  ];
  it.each(cases)('%s', async (_name, payload, code) => {
    const who = joined[4]!;
    const before = await progressCount();
    expect(codeOf(await cloud.call('lessons', 'progress', payload, who))).toBe(code);
    expect(await progressCount()).toBe(before);
    expect(await stored('l-1', who)).toBeNull();
  });
});

describe('a helper acts for their member', () => {
  it('saves the member’s progress and the screen says for whom', async () => {
    const view = dataOf(await cloud.call('lessons', 'lesson', { lessonId: 'l-3' }, 'ls-helper'));
    expect(view.actingFor).toEqual({ memberId: memberIdOf(joined[9]!), name: '张建国' });
    dataOf(await progress('ls-helper', 'l-3', 30, [[0, 30]]));
    expect((await stored('l-3', joined[9]!))?.watchedSeconds).toBe(30);
  });
});

describe('a 收视点 screening', () => {
  it('staff schedule it; everyone checked in gets the lesson attended and its point, once', async () => {
    const screening = dataOf(await cloud.call('lessons', 'scheduleScreening', {
      lessonId: 'l-2', place: '城关镇远程教育收视点', startAt: minutesFromNow(5).toISOString(), endAt: minutesFromNow(90).toISOString(), seats: 30,
    }, STAFF));
    // an attendee who joined the course, one who had already finished it, and one from the village who did not join
    const attendees = [joined[5]!, joined[3]!, outsider];
    for (const who of attendees) {
      dataOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: screening.activityId, memberId: memberIdOf(who) }, STAFF));
    }
    // staff tapping again changes nothing
    dataOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: screening.activityId, memberId: memberIdOf(joined[5]!) }, STAFF));
    expect(await stored('l-2', joined[5]!)).toMatchObject({ points: 1, finishedBy: 'screening', screeningId: screening.activityId });
    expect(await stored('l-2', joined[3]!)).toMatchObject({ points: 1, finishedBy: 'watched' });
    expect(await stored('l-2', outsider)).toMatchObject({ points: 1, finishedBy: 'screening' });
    const list = dataOf(await cloud.call('lessons', 'course', { courseId: 'c-ls' }, joined[5]!));
    expect(list.lessons.find((l) => l.id === 'l-2')?.state).toBe('finished');
  });
});

describe('staff', () => {
  it('add a lesson with its text version (a 视频号 video) and see completion counted from the records', async () => {
    const saved = dataOf(await cloud.call('lessons', 'saveLesson', {
      courseId: 'c-ls', title: '用手机挂号', kind: 'video', minutes: 12, channels: { finderUserName: 'sphABCdef123', feedId: 'export/UzFfAgtgekIEAQAAAAAA' }, text: '文字稿：打开医院的公众号……',
    }, STAFF));
    expect(saved).toMatchObject({ order: 4, title: '用手机挂号', durationSeconds: 720, source: 'channels', started: 0, finished: 0 });
    const report = dataOf(await cloud.call('lessons', 'completion', { courseId: 'c-ls' }, STAFF));
    expect(report.course).toMatchObject({ joined: 10, lessons: 4 });
    const byId = Object.fromEntries(report.rows.map((r) => [r.id, [r.started, r.finished]]));
    // l-1: joined[1] finished, joined[2] started; l-2: joined[3] watched, joined[5] and the outsider at the screening
    expect(byId['l-1']).toEqual([2, 1]);
    expect(byId['l-2']).toEqual([3, 3]);
    expect(byId['l-3']).toEqual([1, 0]);
    expect(report.finishedAll).toBe(0);
    const courses = dataOf(await cloud.call('lessons', 'staffCourses', {}, STAFF));
    expect(courses.courses.find((c) => c.id === 'c-ls')).toMatchObject({ joined: 10, lessons: 4 });
  });

  it('refuse members, and a lesson without a file or 视频号', async () => {
    expect(codeOf(await cloud.call('lessons', 'completion', { courseId: 'c-ls' }, joined[0]!))).toBe('AUTH.FORBIDDEN');
    const before = (await cloud.db.collection('lessons').count()).total;
    expect(codeOf(await cloud.call('lessons', 'saveLesson', { courseId: 'c-ls', title: '空课', kind: 'video', minutes: 5, text: '文字稿' }, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('lessons', 'saveLesson', { courseId: 'c-ls', title: '坏文件', kind: 'video', minutes: 5, fileId: 'http://evil/x.mp4', text: '文字稿' }, STAFF))).toBe('INPUT.INVALID');
    // captions of a long talk: 20,000 characters fit (about 80 minutes of speech), one more is refused
    const talk = { courseId: 'c-ls', title: '长讲座', kind: 'video', minutes: 80, channels: { finderUserName: 'sphABCdef123', feedId: 'export/UzFfAgtgekIEAQAAAAAA' } };
    const tooLong = await cloud.call('lessons', 'saveLesson', { ...talk, text: '字'.repeat(LESSON_TEXT_MAX + 1) }, STAFF);
    expect(codeOf(tooLong)).toBe('INPUT.INVALID');
    expect((await cloud.db.collection('lessons').count()).total).toBe(before);
    const long = dataOf(await cloud.call('lessons', 'saveLesson', { ...talk, text: '字'.repeat(LESSON_TEXT_MAX) }, STAFF));
    const staffView = dataOf(await cloud.call('lessons', 'staffLesson', { courseId: 'c-ls', lessonId: long.id }, STAFF));
    expect(staffView.lesson?.text).toHaveLength(LESSON_TEXT_MAX);
    await cloud.db.collection('lessons').doc(long.id).remove();
    expect((await cloud.db.collection('lessons').count()).total).toBe(before);
  });
});

describe('the bureau’s figures', () => {
  it('count the lessons finished in the period from the progress records, screenings apart', async () => {
    const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const figures = dataOf(await cloud.call('figures', 'figures', { from: day(-1), to: day(1) }, STAFF));
    const finished = (await cloud.db.collection('lessonProgress').where({ points: cloud.db.command.gt(0) }).get()).data as LessonProgressDoc[];
    expect(figures.lessons).toEqual({
      finished: finished.length,
      learners: new Set(finished.map((p) => p.memberId)).size,
      atScreenings: finished.filter((p) => p.finishedBy === 'screening').length,
      points: finished.length,
    });
    expect(figures.lessons.atScreenings).toBe(2);
  });
});

describe('我的: one summary of 学习积分 and volunteer hours with their rules', () => {
  it('counts the points from the records', async () => {
    const me = dataOf(await cloud.call('member', 'me', {}, joined[1]!));
    expect(me.points?.lines.map((l) => [l.label, l.value])).toEqual([['学习积分', '1分'], ['志愿服务时长', '0小时']]);
    expect(me.points?.lines[0]?.rule).toContain('90%');
    expect(me.points?.lines[1]?.rule).toContain('60%');
    const staff = dataOf(await cloud.call('member', 'me', {}, STAFF));
    expect(staff.points).toBeNull();
  });
});
