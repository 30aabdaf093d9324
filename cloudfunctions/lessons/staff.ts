/**
 * The staff side of 云课堂: the term's courses with their lessons, adding or changing a lesson (an uploaded file
 * or a 视频号 video, always with its text version), completion per course counted from the progress records,
 * and a 收视点 screening: an activity at the venue with walk-up check-in whose check-ins mark the lesson attended.
 */
import type {
  CourseCompletionData,
  SaveLessonRequest,
  ScheduleScreeningRequest,
  ScreeningData,
  StaffLessonCourse,
  StaffLessonCoursesData,
  StaffLessonData,
  StaffLessonRow,
} from '../../src/shared/contracts-lessons';
import type { AccountDoc, CourseDoc, LessonDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { readingSeconds } from '../../src/shared/lesson-rules';
import { aggregateAll, aggregateRows } from '../_lib/aggregate';
import { toIso, type Db } from '../_lib/db';
import { currentTerm } from '../_lib/term';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { holdsPlace } from './access';
import { courseLessons } from './member';

const MAX_COURSES = 200;
/** the activity kind of a screening (活动 lists show it) */
export const SCREENING_KIND = '云课堂集体收看';

async function mustCourse(db: Db, courseId: string): Promise<CourseDoc> {
  const course = await db.byId<CourseDoc>('courses', courseId);
  if (!course) throw new CodedError('DATA.NOT_FOUND');
  return course;
}

function courseRow(course: CourseDoc, lessons: number): StaffLessonCourse {
  const joined = (course.line ?? []).filter((memberId) => holdsPlace(course, memberId)).length;
  return { id: course._id, title: course.title, teacher: course.teacher, joined, lessons };
}

export async function staffCourses(db: Db, now: Date): Promise<StaffLessonCoursesData> {
  const term = await currentTerm(db, now);
  if (!term) return { term: null, courses: [] };
  const courses = await db.find<CourseDoc>('courses', { where: { termId: term.id }, orderBy: [['weekday', 'asc'], ['time', 'asc']], limit: MAX_COURSES });
  const ids = courses.map((c) => c._id);
  const counts = ids.length
    ? await aggregateRows<{ _id: string; n: number }>(db, 'lessons', (agg) =>
        agg.match({ courseId: db.command.in(ids) }).group({ _id: '$courseId', n: db.command.aggregate.sum(1) }), MAX_COURSES)
    : [];
  const byCourse = new Map(counts.map((row) => [row._id, row.n]));
  return { term, courses: courses.map((c) => courseRow(c, byCourse.get(c._id) ?? 0)) };
}

export async function completion(db: Db, courseId: string): Promise<CourseCompletionData> {
  const $ = db.command.aggregate;
  const [course, lessons, perLesson, perMember] = await Promise.all([
    mustCourse(db, courseId),
    courseLessons(db, courseId),
    aggregateRows<{ _id: string; started: number; finished: number }>(db, 'lessonProgress', (agg) =>
      agg.match({ courseId }).group({
        _id: '$lessonId',
        started: $.sum($.cond({ if: $.gt(['$watchedSeconds', 0]), then: 1, else: $.cond({ if: $.gt(['$points', 0]), then: 1, else: 0 }) })),
        finished: $.sum($.cond({ if: $.gt(['$points', 0]), then: 1, else: 0 })),
      })),
    aggregateAll<{ _id: string; finished: number }>(db, 'lessonProgress', (agg) =>
      agg.match({ courseId, points: db.command.gt(0) }).group({ _id: '$memberId', finished: $.sum(1) })),
  ]);
  const byLesson = new Map(perLesson.map((row) => [row._id, row]));
  const rows: StaffLessonRow[] = lessons.map((l) => ({
    id: l._id,
    order: l.order,
    title: l.title,
    kind: l.kind,
    durationSeconds: l.durationSeconds,
    source: l.channels ? 'channels' : l.fileId ? 'file' : 'none',
    started: byLesson.get(l._id)?.started ?? 0,
    finished: byLesson.get(l._id)?.finished ?? 0,
  }));
  const finishedAll = lessons.length ? perMember.filter((row) => row.finished >= lessons.length).length : 0;
  return { course: courseRow(course, lessons.length), rows, finishedAll };
}

export async function staffLesson(db: Db, courseId: string, lessonId: string | undefined): Promise<StaffLessonData> {
  const [course, lesson] = await Promise.all([mustCourse(db, courseId), lessonId ? db.byId<LessonDoc>('lessons', lessonId) : null]);
  if (lessonId && (!lesson || lesson.courseId !== courseId)) throw new CodedError('DATA.NOT_FOUND');
  return {
    course: { id: course._id, title: course.title },
    lesson: lesson
      ? { id: lesson._id, order: lesson.order, title: lesson.title, kind: lesson.kind, durationSeconds: lesson.durationSeconds, fileId: lesson.fileId, channels: lesson.channels, text: lesson.text }
      : null,
  };
}

export async function saveLesson(db: Db, by: AccountDoc, input: SaveLessonRequest, now: Date): Promise<StaffLessonRow> {
  const course = await mustCourse(db, input.courseId);
  const fields = {
    title: input.title,
    kind: input.kind,
    durationSeconds: input.kind === 'reading' ? readingSeconds(input.text) : (input.minutes ?? 1) * 60,
    fileId: input.kind === 'reading' ? null : input.fileId ?? null,
    channels: input.kind === 'reading' ? null : input.channels ?? null,
    text: input.text,
    updatedAt: now,
  };
  let id = input.lessonId;
  if (id) {
    const old = await db.byId<LessonDoc>('lessons', id);
    if (!old || old.courseId !== course._id) throw new CodedError('DATA.NOT_FOUND');
    await updateWhere(db, 'lessons', { _id: id }, { ...fields, channels: db.command.set(fields.channels) });
  } else {
    id = newDocId('lesson', input.requestKey);
    const [last] = await db.find<Pick<LessonDoc, 'order'>>('lessons', { where: { courseId: course._id }, orderBy: [['order', 'desc']], limit: 1, fields: { order: true } });
    await insertOnce(db, 'lessons', { _id: id, courseId: course._id, courseTitle: course.title, order: (last?.order ?? 0) + 1, ...fields, createdAt: now, createdBy: by.name });
  }
  const saved = await db.byId<LessonDoc>('lessons', id);
  if (!saved) throw new CodedError('DATA.NOT_FOUND');
  const { rows } = await completion(db, course._id);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new CodedError('DATA.NOT_FOUND');
  return row;
}

/** A screening of the lesson at a 收视点: an activity anyone may walk up to and check in at (check-in marks the lesson). */
export async function scheduleScreening(db: Db, input: ScheduleScreeningRequest, now: Date): Promise<ScreeningData> {
  const lesson = await db.byId<LessonDoc>('lessons', input.lessonId);
  if (!lesson) throw new CodedError('DATA.NOT_FOUND');
  const id = newDocId('screening', input.requestKey);
  const title = `云课堂：${lesson.courseTitle}·${lesson.title}`;
  const startAt = new Date(input.startAt);
  await insertOnce(db, 'activities', {
    _id: id,
    title,
    kind: SCREENING_KIND,
    description: `在${input.place}集体收看云课堂“${lesson.title}”。到场扫码签到，这一课就算学完，得学习积分。`,
    place: input.place,
    startAt,
    endAt: new Date(input.endAt),
    signupDeadline: startAt,
    seats: input.seats,
    taken: 0,
    line: [],
    walkUpAllowed: true,
    status: 'published',
    lessonId: lesson._id,
    createdAt: now,
    updatedAt: now,
  });
  return { activityId: id, title, place: input.place, startAt: toIso(startAt) };
}
