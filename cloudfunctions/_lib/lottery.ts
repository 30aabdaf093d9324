/**
 * Drawing a lottery course (摇号) once: the seed is drawn and stored with the result in the same conditional
 * update that replaces the line with the drawn order (only if the line is still exactly what was drawn from,
 * and no draw was stored yet), so the draw happens once and anyone can re-run drawLottery(entrants, places,
 * seed) from src/shared/enrollment-rules.ts and get the same winners. Used by staff (enrollment.drawLottery)
 * and by the scheduler when the sign-up window closes.
 */
import { randomBytes } from 'node:crypto';
import type { CourseDoc, LotteryRecord } from '../../src/shared/documents';
import { drawLottery as draw, placesForLine } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import type { Db } from './db';
import { updateWhere } from './writes';

/** The course's draw: the stored one, or a new one stored now (drawn: true). */
export async function drawCourseOnce(db: Db, courseId: string, drawnBy: string, now: Date): Promise<{ record: LotteryRecord; drawn: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const course = await db.byId<CourseDoc>('courses', courseId);
    if (!course) throw new CodedError('DATA.NOT_FOUND');
    if (course.mode !== 'lottery') throw new CodedError('ENROLL.NOT_LOTTERY');
    if (course.lottery) return { record: course.lottery, drawn: false };
    if (now.getTime() < new Date(course.enrollClosesAt).getTime()) throw new CodedError('ENROLL.LOTTERY_NOT_CLOSED');
    const line = course.line ?? [];
    const places = placesForLine(course.seats, course.taken, line.length);
    const seed = randomBytes(16).toString('hex');
    const result = draw(line, places, seed);
    const record: LotteryRecord = { seed, drawnAt: now, drawnBy, places, entrants: result.entrants, winners: result.winners };
    const _ = db.command;
    const stored = await updateWhere(
      db,
      'courses',
      { _id: courseId, line: _.eq(line), 'lottery.seed': _.exists(false) },
      { line: _.set(result.order), lottery: _.set(record), seatRev: _.inc(1) },
    );
    if (stored) return { record, drawn: true };
  }
  throw new CodedError('ENROLL.BUSY');
}
