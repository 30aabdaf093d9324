/**
 * 我的 points summary: 学习积分 (summed over the member's lesson progress records) and volunteer hours (the time
 * bank's ledger), each with its rule in words. Both are counted from records, never kept as counters.
 */
import type { PointsSummary } from '../../../src/shared/contracts-member';
import { LESSON_POINTS_RULE } from '../../../src/shared/lesson-rules';
import { hoursRuleText, hoursText } from '../../../src/shared/timebank-rules';
import { aggregateRows } from '../../_lib/aggregate';
import type { Db } from '../../_lib/db';
import { timeBankSettings, totalsOf } from './timebank';

export async function learningPoints(db: Db, memberId: string): Promise<{ points: number; lessons: number }> {
  const $ = db.command.aggregate;
  const [row] = await aggregateRows<{ _id: null; points: number; lessons: number }>(db, 'lessonProgress', (agg) =>
    agg.match({ memberId, points: db.command.gt(0) }).group({ _id: null, points: $.sum('$points'), lessons: $.sum(1) }), 1);
  return { points: row?.points ?? 0, lessons: row?.lessons ?? 0 };
}

export async function pointsSummary(db: Db, memberId: string): Promise<PointsSummary> {
  const [learning, totals, settings] = await Promise.all([learningPoints(db, memberId), totalsOf(db, memberId), timeBankSettings(db)]);
  return {
    lines: [
      {
        key: 'learning',
        label: '学习积分',
        value: `${learning.points}分`,
        detail: learning.lessons ? `已学完${learning.lessons}课` : '还没有学完的课',
        rule: LESSON_POINTS_RULE,
      },
      {
        key: 'volunteer',
        label: '志愿服务时长',
        value: hoursText(totals.hours),
        detail: totals.hours > 0 ? '记在时间银行里' : '还没有记入的服务时长',
        rule: hoursRuleText(settings),
      },
    ],
  };
}
