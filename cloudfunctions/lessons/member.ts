/** The member's side of 云课堂: a course's lessons, one lesson to play (resume), and the player's saves. */
import type { CourseLessonsData, LessonData, LessonItem, LessonMedia, LessonProgressView, SaveProgressData, SaveProgressRequest } from '../../src/shared/contracts-lessons';
import type { LessonDoc, LessonProgressDoc } from '../../src/shared/documents';
import { FINISH_PERCENT, LESSON_POINTS_RULE, percentOf, progressId, SAVE_EVERY_SECONDS, type Range } from '../../src/shared/lesson-rules';
import type { Actor } from '../_lib/actor';
import type { Cloud, Db } from '../_lib/db';
import { tempUrls } from '../_lib/files';
import { saveProgress } from '../_domain/lessons/progress';
import { accessStillChecked, joinedCourse, joinedLesson } from './access';

const MAX_LESSONS = 100;

export function progressView(doc: LessonProgressDoc | null, durationSeconds: number): LessonProgressView {
  if (!doc) return { position: 0, watchedSeconds: 0, percent: 0, finished: false, points: 0 };
  // resume a little before where they stopped; a finished lesson that was played to the end starts over
  const atEnd = doc.position >= durationSeconds - 2;
  return {
    position: doc.finishedAt && atEnd ? 0 : Math.max(0, doc.position - 3),
    watchedSeconds: doc.watchedSeconds,
    percent: doc.finishedAt ? 100 : percentOf(doc.watchedSeconds, durationSeconds),
    finished: Boolean(doc.finishedAt),
    points: doc.points,
  };
}

function itemOf(lesson: LessonDoc, doc: LessonProgressDoc | undefined): LessonItem {
  const view = progressView(doc ?? null, lesson.durationSeconds);
  return {
    id: lesson._id,
    order: lesson.order,
    title: lesson.title,
    kind: lesson.kind,
    durationSeconds: lesson.durationSeconds,
    state: view.finished ? 'finished' : doc && doc.watchedSeconds > 0 ? 'started' : 'new',
    percent: view.percent,
  };
}

export function courseLessons(db: Db, courseId: string): Promise<LessonDoc[]> {
  return db.find<LessonDoc>('lessons', { where: { courseId }, orderBy: [['order', 'asc']], limit: MAX_LESSONS });
}

export async function courseView(db: Db, actor: Actor, courseId: string): Promise<CourseLessonsData> {
  const course = await joinedCourse(db, courseId, actor.memberId);
  const [lessons, progress] = await Promise.all([
    courseLessons(db, courseId),
    db.find<LessonProgressDoc>('lessonProgress', { where: { memberId: actor.memberId, courseId }, limit: MAX_LESSONS }),
  ]);
  const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
  return {
    course: { id: course._id, title: course.title, teacher: course.teacher },
    lessons: lessons.map((l) => itemOf(l, byLesson.get(l._id))),
    points: progress.reduce((sum, p) => sum + p.points, 0),
    pointsRule: LESSON_POINTS_RULE,
  };
}

async function mediaOf(cloud: Cloud, lesson: LessonDoc): Promise<LessonMedia> {
  if (lesson.channels) return { source: 'channels', ...lesson.channels };
  if (!lesson.fileId) return { source: 'none' };
  const url = (await tempUrls(cloud, [lesson.fileId])).get(lesson.fileId) ?? '';
  return url ? { source: 'file', url } : { source: 'none' };
}

export async function lessonView(db: Db, cloud: Cloud, actor: Actor, lessonId: string): Promise<LessonData> {
  const { lesson, course } = await joinedLesson(db, lessonId, actor.memberId);
  const [progress, media, [next]] = await Promise.all([
    db.byId<LessonProgressDoc>('lessonProgress', progressId(lesson._id, actor.memberId)),
    mediaOf(cloud, lesson),
    db.find<Pick<LessonDoc, '_id' | 'title'>>('lessons', {
      where: { courseId: lesson.courseId, order: db.command.gt(lesson.order) },
      orderBy: [['order', 'asc']],
      limit: 1,
      fields: { _id: true, title: true },
    }),
  ]);
  return {
    lesson: {
      id: lesson._id,
      courseId: lesson.courseId,
      courseTitle: course.title,
      title: lesson.title,
      kind: lesson.kind,
      durationSeconds: lesson.durationSeconds,
      media,
      text: lesson.text,
    },
    progress: progressView(progress, lesson.durationSeconds),
    next: next ? { id: next._id, title: next.title } : null,
    saveEverySeconds: SAVE_EVERY_SECONDS,
    finishPercent: FINISH_PERCENT,
    pointsRule: LESSON_POINTS_RULE,
  };
}

/**
 * A player's save. Within ACCESS_RECHECK_MS of the last checked save it reads and writes only the progress record
 * (2 requests); otherwise it checks the lesson, course and sign-up again and stamps the record.
 */
export async function saveLessonProgress(db: Db, actor: Actor, input: SaveProgressRequest, now: Date): Promise<SaveProgressData> {
  const known = await db.byId<LessonProgressDoc>('lessonProgress', progressId(input.lessonId, actor.memberId));
  const trusted = accessStillChecked(known, now);
  const lesson = trusted ? { _id: known.lessonId, courseId: known.courseId, durationSeconds: known.durationSeconds } : (await joinedLesson(db, input.lessonId, actor.memberId)).lesson;
  const { doc, justFinished } = await saveProgress(db, lesson, actor.memberId, input.position, input.ranges as Range[], now, {
    known,
    alsoSet: trusted ? {} : { accessCheckedAt: now },
  });
  const view = progressView(doc, lesson.durationSeconds);
  // the player goes on from where it is, not from the resume point
  return { ...view, position: doc.position, justFinished };
}
