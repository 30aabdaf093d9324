/**
 * drawLottery (摇号), staff only, after a lottery course's window closed (the draw itself: _lib/lottery.ts, which
 * the scheduler also uses when the window closes).
 */
import type { LotteryView } from '../../src/shared/contracts-enrollment';
import type { AccountDoc, LotteryRecord } from '../../src/shared/documents';
import { toIso, type Db } from '../_lib/db';
import { drawCourseOnce } from '../_lib/lottery';

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
  const { record } = await drawCourseOnce(db, courseId, account.name, now);
  return lotteryView(courseId, record, null);
}
