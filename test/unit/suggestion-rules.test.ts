/** The pure rules of 建言献策: transitions, tracking numbers, the working-day overdue rule, the rates. */
import {
  acceptDeadline,
  allowedFrom,
  computeRates,
  formatTrackingNo,
  isOverdue,
  nextStatus,
  overdueSubmittedBefore,
  parseTrackingNo,
  periodRange,
  yearToDate,
  type HandlerStep,
  type SuggestionStatus,
} from '../../src/shared/suggestion-rules';

const STATUSES: SuggestionStatus[] = ['submitted', 'accepted', 'inProgress', 'concluded'];
const STEPS: HandlerStep[] = ['accept', 'assign', 'reply', 'conclude'];
/** Beijing wall-clock time to an instant. */
const bj = (text: string) => new Date(`${text}+08:00`);

describe('status transitions', () => {
  it('allows exactly the workflow 已提交 → 已受理 → 办理中 → 已办结, with interim replies and re-assigning', () => {
    const allowed = STATUSES.flatMap((from) => STEPS.map((step) => [from, step, nextStatus(from, step)] as const)).filter(([, , to]) => to);
    expect(allowed).toEqual([
      ['submitted', 'accept', 'accepted'],
      ['accepted', 'assign', 'inProgress'],
      ['accepted', 'reply', 'accepted'],
      ['inProgress', 'assign', 'inProgress'],
      ['inProgress', 'reply', 'inProgress'],
      ['inProgress', 'conclude', 'concluded'],
    ]);
    // everything else is forbidden, e.g. concluding straight from 已提交 or touching a concluded one
    expect(nextStatus('submitted', 'conclude')).toBeNull();
    for (const step of STEPS) expect(nextStatus('concluded', step)).toBeNull();
    expect(allowedFrom('assign')).toEqual(['accepted', 'inProgress']);
  });
});

describe('tracking numbers', () => {
  it('formats JY-YYYY-NNNNNN and reads it back', () => {
    expect(formatTrackingNo(2026, 123)).toBe('JY-2026-000123');
    expect(formatTrackingNo(2026, 999_999)).toBe('JY-2026-999999');
    expect(parseTrackingNo(' jy-2026-000123 ')).toEqual({ year: 2026, seq: 123 });
    for (const bad of ['JY-2026-123', 'JY-26-000123', 'XY-2026-000123', 'JY-2026-000000']) expect(parseTrackingNo(bad)).toBeNull();
    expect(() => formatTrackingNo(2026, 0)).toThrow(RangeError);
    expect(() => formatTrackingNo(2026, 1_000_000)).toThrow(RangeError);
  });
});

describe('overdue: not accepted within 3 working days', () => {
  // 2026-03-06 is a Friday.
  it('counts working days after the day of submission, skipping weekends, on the Beijing calendar', () => {
    // Fri -> Mon 9, Tue 10, Wed 11: overdue from Thu 12 00:00 Beijing
    expect(acceptDeadline(bj('2026-03-06T17:00:00'))).toEqual(bj('2026-03-12T00:00:00'));
    // Fri 00:30 Beijing is still Thursday in UTC: the Beijing day counts
    expect(acceptDeadline(bj('2026-03-06T00:30:00'))).toEqual(bj('2026-03-12T00:00:00'));
    // a Saturday or Sunday submission waits for the same three days
    expect(acceptDeadline(bj('2026-03-07T10:00:00'))).toEqual(bj('2026-03-12T00:00:00'));
    expect(acceptDeadline(bj('2026-03-08T23:59:00'))).toEqual(bj('2026-03-12T00:00:00'));
    // Mon -> Tue, Wed, Thu: overdue from Fri 00:00
    expect(acceptDeadline(bj('2026-03-09T09:00:00'))).toEqual(bj('2026-03-13T00:00:00'));
    // Thu -> Fri, Mon, Tue: overdue from Wed 00:00
    expect(acceptDeadline(bj('2026-03-05T09:00:00'))).toEqual(bj('2026-03-11T00:00:00'));
    // a holiday on Tue 10 pushes it a day
    expect(acceptDeadline(bj('2026-03-06T17:00:00'), 3, new Set(['2026-03-10']))).toEqual(bj('2026-03-13T00:00:00'));
  });

  it('flags only suggestions still waiting, from the deadline on', () => {
    const submittedAt = bj('2026-03-06T17:00:00');
    expect(isOverdue({ status: 'submitted', submittedAt }, bj('2026-03-11T23:59:59'))).toBe(false);
    expect(isOverdue({ status: 'submitted', submittedAt }, bj('2026-03-12T00:00:00'))).toBe(true);
    expect(isOverdue({ status: 'accepted', submittedAt }, bj('2026-04-01T00:00:00'))).toBe(false);
  });

  it('gives one cut-off instant that agrees with isOverdue for every submission time (for one count query)', () => {
    const start = bj('2026-02-26T00:00:00').getTime();
    let checked = 0;
    const disagreements: string[] = [];
    for (let now = start + 10 * 86400_000; now < start + 24 * 86400_000; now += 5 * 3600_000 + 7 * 60_000) {
      const cutoff = overdueSubmittedBefore(new Date(now)).getTime();
      for (let t = start; t < now; t += 3 * 3600_000) {
        const overdue = isOverdue({ status: 'submitted', submittedAt: new Date(t) }, new Date(now));
        if (overdue !== t < cutoff) disagreements.push(`${new Date(t).toISOString()} at ${new Date(now).toISOString()}`);
        checked++;
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
  });
});

describe('rates', () => {
  it('computes 办理率, 办结率, 采纳率 and average days to conclude on figures worked out by hand', () => {
    // 10 submitted; 8 accepted or further (handled); 5 concluded, 4 of them adopted;
    // days to conclude 2, 4, 5, 10 and 3.5 = 24.5 days over 5 = 4.9
    const day = 86400_000;
    const rates = computeRates({ total: 10, handled: 8, concluded: 5, adopted: 4, concludeMsSum: 24.5 * day });
    expect(rates).toEqual({
      total: 10,
      handled: 8,
      concluded: 5,
      adopted: 4,
      handlingRate: 80, // 8 / 10
      concludeRate: 50, // 5 / 10
      adoptionRate: 80, // 4 / 5 concluded
      avgDaysToConclude: 4.9,
    });
    // one decimal: 2/3 = 66.7 %, 1/6 = 16.7 %; 10 days over 3 = 3.3
    expect(computeRates({ total: 6, handled: 4, concluded: 3, adopted: 1, concludeMsSum: 10 * day })).toMatchObject({
      handlingRate: 66.7,
      concludeRate: 50,
      adoptionRate: 33.3,
      avgDaysToConclude: 3.3,
    });
    expect(computeRates({ total: 6, handled: 1, concluded: 1, adopted: 1, concludeMsSum: day })).toMatchObject({ handlingRate: 16.7, adoptionRate: 100 });
    // nothing to divide by: null, never NaN
    expect(computeRates({ total: 0, handled: 0, concluded: 0, adopted: 0, concludeMsSum: 0 })).toMatchObject({
      handlingRate: null,
      concludeRate: null,
      adoptionRate: null,
      avgDaysToConclude: null,
    });
  });

  it('turns a period of Beijing days into instants, both ends included', () => {
    expect(periodRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ start: bj('2026-03-01T00:00:00'), end: bj('2026-04-01T00:00:00') });
    expect(yearToDate(bj('2026-01-01T00:10:00'))).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(yearToDate(new Date('2025-12-31T16:10:00Z'))).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
});
