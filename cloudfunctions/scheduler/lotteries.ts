/**
 * Lottery courses whose sign-up window closed: drawn (once, reproducibly, recorded in the staff audit log as
 * done by the system; _lib/lottery.ts) and every entrant told whether they won a place or wait, and where.
 * A course is marked told afterwards; the messages' keys make a repeat send nothing.
 */
import type { AccountDoc, CourseDoc } from '../../src/shared/documents';
import { LOTTERY_KEYWORDS } from '../../src/shared/messages';
import type { Cloud, Db } from '../_lib/db';
import { drawCourseOnce } from '../_lib/lottery';
import { deliver } from '../_lib/messages';
import { auditDoc, runAudited } from '../_lib/staff-audit';
import { updateWhere } from '../_lib/writes';
import { outOfTime, type Budget } from './state';

const MINE_PAGE = 'pages/enroll/mine/index';
/** windows closed longer ago than this are left alone (courses drawn before this job existed) */
const LOOK_BACK_MS = 30 * 24 * 3600 * 1000;
export const SYSTEM_NAME = '系统（报名截止自动摇号）';

/** Who the audit log names for what the scheduler does. */
const SYSTEM_ACTOR = { openid: 'system:scheduler', name: SYSTEM_NAME, role: 'staff' } as AccountDoc;

type TellableCourse = CourseDoc & { lotteryToldAt?: Date | null };

export async function runLotteries(db: Db, cloud: Cloud, budget: Budget): Promise<{ drawn: number; told: number }> {
  const { now } = budget;
  const _ = db.command;
  const due = await db.find<TellableCourse>('courses', {
    where: {
      mode: 'lottery',
      enrollClosesAt: _.lte(now).and(_.gt(new Date(now.getTime() - LOOK_BACK_MS))),
      lotteryToldAt: _.exists(false),
    },
    orderBy: [['enrollClosesAt', 'asc']],
    limit: 20,
    fields: { line: false },
  });
  const result = { drawn: 0, told: 0 };
  for (const course of due) {
    if (outOfTime(budget)) break;
    const { drawn } = await runAudited(db, SYSTEM_ACTOR, 'scheduler.drawLottery', auditDoc<{ courseId: string }>('courses', (p) => p.courseId), { courseId: course._id }, () =>
      drawCourseOnce(db, course._id, SYSTEM_NAME, now),
    );
    if (drawn) result.drawn++;
    const fresh = await db.byId<CourseDoc>('courses', course._id);
    const record = fresh?.lottery;
    if (!fresh || !record) continue;
    const line = fresh.line ?? [];
    const winners = new Set(record.winners);
    const report = await deliver(
      db,
      cloud,
      record.entrants.map((memberId) => {
        const won = winners.has(memberId);
        const position = line.indexOf(memberId) - record.places + 1;
        const next = won ? '已为您留好名额，请按时上课' : `候补第${Math.max(1, position)}位，有空位会通知您`;
        return {
          key: `lottery:${course._id}:${memberId}`,
          memberId,
          kind: 'lottery' as const,
          template: 'lottery' as const,
          page: MINE_PAGE,
          title: `${fresh.title}摇号结果：${won ? '中签' : '候补'}`,
          body: next,
          data: { [LOTTERY_KEYWORDS.what]: fresh.title, [LOTTERY_KEYWORDS.outcome]: won ? '中签' : '候补', [LOTTERY_KEYWORDS.next]: next },
        };
      }),
      now,
    );
    result.told += report.written;
    await updateWhere(db, 'courses', { _id: course._id }, { lotteryToldAt: now });
  }
  return result;
}
