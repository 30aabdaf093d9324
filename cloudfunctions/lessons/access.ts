/**
 * Who may see a course's lessons: a member holding a place in it (an active sign-up inside the places; not the
 * waitlist, not an undrawn lottery). Everyone else gets LESSON.NOT_JOINED and nothing is read or written for them.
 */
import type { CourseDoc, EnrollmentDoc, LessonDoc, LessonProgressDoc } from '../../src/shared/documents';
import { enrollmentId, placementOf } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import type { Db } from '../_lib/db';

export function holdsPlace(course: CourseDoc, memberId: string): boolean {
  if (course.mode === 'lottery' && !course.lottery) return false;
  return placementOf(course.line ?? [], memberId, course.seats, course.taken)?.state === 'enrolled';
}

/** The course, when the member joined it; LESSON.NOT_JOINED otherwise (DATA.NOT_FOUND for no such course). */
export async function joinedCourse(db: Db, courseId: string, memberId: string): Promise<CourseDoc> {
  const [course, enrollment] = await Promise.all([
    db.byId<CourseDoc>('courses', courseId),
    db.byId<EnrollmentDoc>('enrollments', enrollmentId('course', courseId, memberId)),
  ]);
  if (!course) throw new CodedError('DATA.NOT_FOUND');
  if (enrollment?.status !== 'active' || !holdsPlace(course, memberId)) throw new CodedError('LESSON.NOT_JOINED');
  return course;
}

/** The lesson and its course, when the member joined the course. */
export async function joinedLesson(db: Db, lessonId: string, memberId: string): Promise<{ lesson: LessonDoc; course: CourseDoc }> {
  const lesson = await db.byId<LessonDoc>('lessons', lessonId);
  if (!lesson) throw new CodedError('DATA.NOT_FOUND');
  return { lesson, course: await joinedCourse(db, lesson.courseId, memberId) };
}

/**
 * How long saves rely on the check their progress record remembers: a save every few seconds while a lesson plays
 * reads only its progress record, and one who left the course stops saving within this time (the lesson screen
 * itself checks on every open).
 */
export const ACCESS_RECHECK_MS = 5 * 60_000;

/** Whether a save may skip the access check: a recent save by this member checked it. */
export function accessStillChecked(progress: LessonProgressDoc | null, now: Date): progress is LessonProgressDoc {
  const checkedAt = progress?.accessCheckedAt ? new Date(progress.accessCheckedAt).getTime() : null;
  return checkedAt !== null && now.getTime() - checkedAt >= 0 && now.getTime() - checkedAt < ACCESS_RECHECK_MS;
}
