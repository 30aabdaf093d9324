/**
 * 办理率, 办结率, 采纳率 and the average days to conclude over the suggestions submitted in a period, counted by one
 * aggregate on the database (grouped by category; the totals are their sums): no suggestion is loaded into the
 * function. The formulas are computeRates in src/shared/suggestion-rules.ts.
 */
import { SUGGESTION_CATEGORIES, type RatesData, type RatesRequest, type SuggestionCategory } from '../../src/shared/contracts-suggestion';
import { computeRates, periodRange, yearToDate, type Period, type RateCounts } from '../../src/shared/suggestion-rules';
import { aggregateRows } from './aggregate';
import type { Db } from './db';

type Row = RateCounts & { _id: SuggestionCategory };

const sumIf = (condition: unknown, value: unknown = 1) => ({ $sum: { $cond: [condition, value, 0] } });
const isConcluded = { $eq: ['$status', 'concluded'] };

export async function countsByCategory(db: Db, period: Period): Promise<Row[]> {
  const { start, end } = periodRange(period);
  const _ = db.command;
  return aggregateRows<Row>(db, 'suggestions', (agg) =>
    agg.match({ submittedAt: _.gte(start).and(_.lt(end)) }).group({
      _id: '$category',
      total: { $sum: 1 },
      handled: sumIf({ $ne: ['$status', 'submitted'] }),
      concluded: sumIf(isConcluded),
      adopted: sumIf({ $and: [isConcluded, { $eq: ['$outcome', 'adopted'] }] }),
      concludeMsSum: sumIf(isConcluded, { $subtract: ['$concludedAt', '$submittedAt'] }),
    }),
  );
}

const ZERO: RateCounts = { total: 0, handled: 0, concluded: 0, adopted: 0, concludeMsSum: 0 };
const add = (a: RateCounts, b: RateCounts): RateCounts => ({
  total: a.total + b.total,
  handled: a.handled + b.handled,
  concluded: a.concluded + b.concluded,
  adopted: a.adopted + b.adopted,
  concludeMsSum: a.concludeMsSum + b.concludeMsSum,
});

export async function rates(db: Db, input: RatesRequest, now: Date): Promise<RatesData> {
  const period: Period = input.from && input.to ? { from: input.from, to: input.to } : yearToDate(now);
  const rows = await countsByCategory(db, period);
  const byKey = new Map(rows.map((row) => [row._id, row]));
  const of = (category: SuggestionCategory): RateCounts => {
    const row = byKey.get(category);
    return row ? { total: row.total, handled: row.handled, concluded: row.concluded, adopted: row.adopted, concludeMsSum: row.concludeMsSum } : ZERO;
  };
  const total = SUGGESTION_CATEGORIES.map(of).reduce(add, ZERO);
  return {
    period,
    ...computeRates(total),
    byCategory: SUGGESTION_CATEGORIES.map((category) => ({ category, ...computeRates(of(category)) })),
  };
}
