import {
  activityCancelBlock,
  beijingText,
  drawLottery,
  enrollmentId,
  parseEnrollmentId,
  placementOf,
  promotedAfterRemoval,
  waitlistLength,
  windowState,
} from '../../src/shared/enrollment-rules';

describe('places in the line', () => {
  it('gives the first places of the line, minus places taken outside the app, and numbers the waitlist', () => {
    const line = ['a', 'b', 'c', 'd'];
    expect(line.map((m) => placementOf(line, m, 2, 4))).toEqual([
      { state: 'enrolled' }, { state: 'enrolled' }, { state: 'waitlisted', position: 1 }, { state: 'waitlisted', position: 2 },
    ]);
    // 3 places were taken on paper (taken 5 = 3 offline + 2 in the line), 4 seats: only 'a' holds one
    expect(placementOf(['a', 'b'], 'b', 4, 5)).toEqual({ state: 'waitlisted', position: 1 });
    expect(placementOf(['a'], 'z', 4, 1)).toBeNull();
    expect(placementOf(['a', 'b'], 'b', null, 40)).toEqual({ state: 'enrolled' });
    expect(waitlistLength(2, 4, 4)).toBe(2);
  });

  it('knows who moved up when someone left', () => {
    // seats 2, line was [a b c d]; a (index 0) left
    expect(promotedAfterRemoval(['b', 'c', 'd'], 0, 2, 3)).toBe('c');
    // c (index 2, waitlisted) left: nobody moved into a place
    expect(promotedAfterRemoval(['a', 'b', 'd'], 2, 2, 3)).toBeNull();
    // nobody waiting
    expect(promotedAfterRemoval(['b'], 0, 2, 1)).toBeNull();
  });
});

describe('ids, windows and rules', () => {
  it('makes one id per kind, target and member, and reads it back', () => {
    expect(enrollmentId('course', 'c1', 'm1')).toBe('course~c1~m1');
    expect(parseEnrollmentId('course~c1~m1')).toEqual({ kind: 'course', targetId: 'c1', memberId: 'm1' });
    expect(parseEnrollmentId('course~c1')).toBeNull();
    expect(parseEnrollmentId('x~c1~m1')).toBeNull();
  });

  it('opens and closes windows at the minute, in Beijing time for people', () => {
    const opens = new Date('2026-09-01T01:00:00Z');
    const closes = new Date('2026-09-10T09:00:00Z');
    expect(windowState(new Date(opens.getTime() - 1), opens, closes)).toBe('notYet');
    expect(windowState(opens, opens, closes)).toBe('open');
    expect(windowState(closes, opens, closes)).toBe('closed');
    expect(beijingText(opens)).toBe('9月1日 09:00');
  });

  it('blocks cancelling an activity once started or within the cut-off', () => {
    const start = new Date('2026-09-01T01:00:00Z');
    expect(activityCancelBlock(new Date(start.getTime() - 3 * 3600e3), start, 2)).toBeNull();
    expect(activityCancelBlock(new Date(start.getTime() - 3600e3), start, 2)).toMatch('2小时内');
    expect(activityCancelBlock(start, start, 2)).toMatch('已经开始');
  });
});

describe('lottery draw', () => {
  const entrants = Array.from({ length: 200 }, (_, i) => `m${i}`);

  it('is reproducible from the recorded seed, whatever the arrival order', () => {
    const first = drawLottery(entrants, 30, 'seed-1');
    const again = drawLottery([...entrants].reverse(), 30, 'seed-1');
    expect(again).toEqual(first);
    expect(first.winners).toHaveLength(30);
    expect(new Set(first.order).size).toBe(200);
    expect(first.order.slice(0, 30)).toEqual(first.winners);
    expect(drawLottery(entrants, 30, 'seed-2').winners).not.toEqual(first.winners);
  });

  it('gives everyone about the same chance', () => {
    const wins = new Map<string, number>();
    for (let s = 0; s < 2000; s++) for (const w of drawLottery(entrants.slice(0, 10), 3, `s${s}`).winners) wins.set(w, (wins.get(w) ?? 0) + 1);
    // expected 600 each; a biased shuffle would drift far from it
    for (const count of wins.values()) expect(Math.abs(count - 600)).toBeLessThan(100);
  });
});
