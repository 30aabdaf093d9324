/**
 * A member's progress on a lesson (lessonProgress, one document per member and lesson), shared by the `lessons`
 * function (the player's saves) and `checkin` (a 收视点 screening marks its lesson attended).
 * Every write is conditional on the version (`rev`) it read, so concurrent saves never lose a stretch and the
 * step to finished, which earns the lesson's 学习积分, happens in exactly one write: the point is earned once.
 */
import type { LessonDoc, LessonProgressDoc } from '../../../src/shared/documents';
import { CodedError } from '../../../src/shared/errors';
import {
  capRanges,
  creditable,
  isFinished,
  LESSON_POINTS,
  progressId,
  saveAllowance,
  totalOf,
  type Range,
} from '../../../src/shared/lesson-rules';
import type { Db } from '../../_lib/db';
import { insertOnce, updateWhere } from '../../_lib/writes';

const ATTEMPTS = 10;

export interface SavedProgress {
  doc: LessonProgressDoc;
  justFinished: boolean;
}

/** What a save needs of its lesson. */
export type ProgressLesson = Pick<LessonDoc, '_id' | 'courseId' | 'durationSeconds'>;

/** A save's extras: the progress document as the caller already read it (undefined: read it), fields to set too. */
export interface SaveOptions {
  known?: LessonProgressDoc | null;
  alsoSet?: Partial<LessonProgressDoc>;
}

function fresh(lesson: ProgressLesson, memberId: string, now: Date): LessonProgressDoc {
  return {
    _id: progressId(lesson._id, memberId),
    lessonId: lesson._id,
    courseId: lesson.courseId,
    memberId,
    position: 0,
    ranges: [],
    watchedSeconds: 0,
    durationSeconds: lesson.durationSeconds,
    finishedAt: null,
    finishedBy: null,
    screeningId: null,
    points: 0,
    rev: 0,
    updatedAt: now,
    createdAt: now,
  };
}

/**
 * Applies `change` to the member's progress document: read, compute, write conditional on the read version,
 * again on a conflict. `change` answers the fields to set, or null for nothing to write.
 */
async function applyChange(
  db: Db,
  lesson: ProgressLesson,
  memberId: string,
  now: Date,
  change: (current: LessonProgressDoc, isNew: boolean) => Partial<LessonProgressDoc> | null,
  options: SaveOptions = {},
): Promise<SavedProgress> {
  const id = progressId(lesson._id, memberId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = attempt === 0 && options.known !== undefined ? options.known : await db.byId<LessonProgressDoc>('lessonProgress', id);
    const current = stored ?? fresh(lesson, memberId, now);
    const changed = change(current, !stored);
    if (!changed) return { doc: current, justFinished: false };
    const set = { ...changed, ...options.alsoSet };
    const next: LessonProgressDoc = { ...current, ...set, rev: current.rev + 1, updatedAt: now };
    const justFinished = !current.finishedAt && Boolean(next.finishedAt);
    if (!stored) {
      if (await insertOnce(db, 'lessonProgress', { ...next })) return { doc: next, justFinished };
      continue; // someone else made it first: apply on top of theirs
    }
    // whole values: the SDK would otherwise turn nested arrays into dotted paths
    const data: Record<string, unknown> = { ...set, ranges: db.command.set(next.ranges), rev: next.rev, updatedAt: now };
    if ((await updateWhere(db, 'lessonProgress', { _id: id, rev: current.rev }, data)) === 1) return { doc: next, justFinished };
  }
  throw new CodedError('SYSTEM.BUSY');
}

/** Seconds since the previous save (null for the first). */
function elapsedSince(current: LessonProgressDoc, isNew: boolean, now: Date): number | null {
  return isNew ? null : Math.max(0, (now.getTime() - new Date(current.updatedAt).getTime()) / 1000);
}

/** Records a player's save: the position, and the played stretches as far as they are plausible. */
export function saveProgress(
  db: Db,
  lesson: ProgressLesson,
  memberId: string,
  position: number,
  ranges: Range[],
  now: Date,
  options: SaveOptions = {},
): Promise<SavedProgress> {
  const duration = lesson.durationSeconds;
  const at = Math.floor(position);
  const incoming = ranges.map(([a, b]) => [Math.floor(a), Math.ceil(b)] as const);
  if (at > duration || incoming.some(([, b]) => b > duration + 1)) throw new CodedError('LESSON.BAD_POSITION');
  const clipped = incoming.map(([a, b]) => [a, Math.min(b, duration)] as const);
  return applyChange(db, lesson, memberId, now, (current, isNew) => {
    const merged = capRanges(creditable(current.ranges, clipped, saveAllowance(elapsedSince(current, isNew, now))));
    const watchedSeconds = totalOf(merged);
    const set: Partial<LessonProgressDoc> = { position: at, ranges: merged, watchedSeconds, durationSeconds: duration };
    if (!current.finishedAt && isFinished(watchedSeconds, duration)) {
      Object.assign(set, { finishedAt: now, finishedBy: 'watched', points: LESSON_POINTS });
    }
    return set;
  }, options);
}

/** Marks the lesson attended at a 收视点 screening: finished and its point, unless already finished. */
export function markAttended(db: Db, lesson: LessonDoc, memberId: string, screeningId: string, now: Date): Promise<SavedProgress> {
  return applyChange(db, lesson, memberId, now, (current) =>
    current.finishedAt ? null : { finishedAt: now, finishedBy: 'screening', screeningId, points: LESSON_POINTS },
  );
}

/** Marks a screening's lesson attended for a member who checked in there (no lesson, nothing to do). */
export async function attendScreening(db: Db, lessonId: string | null | undefined, memberId: string, screeningId: string, now: Date): Promise<void> {
  if (!lessonId) return;
  const lesson = await db.byId<LessonDoc>('lessons', lessonId);
  if (lesson) await markAttended(db, lesson, memberId, screeningId, now);
}
