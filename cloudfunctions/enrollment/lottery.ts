/**
 * drawLottery (摇号), staff only, after a lottery course's window closed. The seed is drawn once and stored with
 * the result in the same conditional update that replaces the line with the drawn order (only if the line is
 * still exactly what was drawn from, and no draw was stored yet), so the draw happens once and anyone can re-run
 * drawLottery(entrants, places, seed) from src/shared/enrollment-rules.ts and get the same winners.
 */
import { randomBytes } from 'node:crypto';
import type { LotteryView } from '../../src/shared/contracts-enrollment';
import type { AccountDoc, CourseDoc, LotteryRecord } from '../../src/shared/documents';
import { drawLottery as draw, placesForLine } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import { toIso, type Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';

export function lotteryView(courseId: string, record: LotteryRecord, memberId: string | null): LotteryView {
  const won = memberId !== null && record.winners.includes(memberId);
  const entered = memberId !== null && record.entrants.includes(memberId);
  return {
    courseId,
    seed: record.seed,
    drawnAt: toIso(record.drawnAt),
    places: record.places,
    entrants: record.entrants.length,
    winners: record.winners.length,
    mine: won ? 'won' : entered ? 'waitlisted' : null,
  };
}

export async function drawCourseLottery(db: Db, account: AccountDoc, courseId: string, now: Date): Promise<LotteryView> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const course = await db.byId<CourseDoc>('courses', courseId);
    if (!course) throw new CodedError('DATA.NOT_FOUND');
    if (course.mode !== 'lottery') throw new CodedError('ENROLL.NOT_LOTTERY');
    if (course.lottery) return lotteryView(courseId, course.lottery, null);
    if (now.getTime() < new Date(course.enrollClosesAt).getTime()) throw new CodedError('ENROLL.LOTTERY_NOT_CLOSED');
    const line = course.line ?? [];
    const places = placesForLine(course.seats, course.taken, line.length);
    const seed = randomBytes(16).toString('hex');
    const result = draw(line, places, seed);
    const record: LotteryRecord = { seed, drawnAt: now, drawnBy: account.name, places, entrants: result.entrants, winners: result.winners };
    const _ = db.command;
    const stored = await updateWhere(
      db,
      'courses',
      { _id: courseId, line: _.eq(line), 'lottery.seed': _.exists(false) },
      { line: _.set(result.order), lottery: _.set(record), seatRev: _.inc(1) },
    );
    if (stored) return lotteryView(courseId, record, null);
  }
  throw new CodedError('ENROLL.BUSY');
}
