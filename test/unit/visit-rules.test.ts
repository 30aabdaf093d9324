/** The due-list rules of 走访慰问, on the Beijing calendar whatever the machine's time zone. */
import {
  ageTurning,
  birthdaysOfWeek,
  birthdayThisWeek,
  daysInHospital,
  hospitalVisitCountsFrom,
  hospitalVisitDue,
  isBirthday,
  isCalendarDay,
  isMilestone,
  weekOf,
} from '../../src/shared/visit-rules';

/** Beijing wall-clock time as an instant. */
const bj = (text: string) => new Date(`${text}+08:00`);

describe('the week', () => {
  it('runs Monday to Sunday on the Beijing calendar', () => {
    // 2026-03-10 is a Tuesday; 2026-03-15 23:30 Beijing is still Sunday (15:30 UTC)
    expect(weekOf(bj('2026-03-10T09:00:00'))).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    expect(weekOf(bj('2026-03-15T23:30:00'))[0]).toBe('2026-03-09');
    // Monday 00:10 Beijing is Sunday 16:10 UTC: already the next week
    expect(weekOf(bj('2026-03-16T00:10:00'))[0]).toBe('2026-03-16');
  });

  it('crosses the new year', () => {
    expect(birthdaysOfWeek(bj('2026-12-31T10:00:00'))).toEqual(['12-28', '12-29', '12-30', '12-31', '01-01', '01-02', '01-03']);
  });

  it('remembers 29 February on 28 February in a common year, and on its own day in a leap year', () => {
    expect(birthdaysOfWeek(bj('2026-02-26T10:00:00'))).toContain('02-29'); // 2026 is common
    expect(birthdayThisWeek('02-29', bj('2026-02-26T10:00:00'))).toBe('2026-02-28');
    expect(birthdaysOfWeek(bj('2028-02-24T10:00:00')).filter((d) => d === '02-29')).toHaveLength(0); // week of 02-21..02-27
    expect(birthdayThisWeek('02-29', bj('2028-03-01T10:00:00'))).toBe('2028-02-29');
    expect(birthdayThisWeek('03-20', bj('2026-03-10T10:00:00'))).toBeNull();
  });

  it('knows the age reached and the round birthdays', () => {
    expect(ageTurning(1931, '2026-03-12')).toBe(95);
    expect(isMilestone(95)).toBe(true);
    expect(isMilestone(75)).toBe(false);
    expect(isMilestone(91)).toBe(false);
  });
});

describe('hospital visits', () => {
  const reported = bj('2026-03-01T15:00:00');

  it('is due until visited, and again 7 days after the last visit', () => {
    expect(hospitalVisitDue(reported, null, bj('2026-03-01T16:00:00'))).toBe(true);
    // visited on 03-03: counts through 03-09 (within 7 days: 03-03 .. 03-09), due again on 03-10
    expect(hospitalVisitDue(reported, '2026-03-03', bj('2026-03-09T23:00:00'))).toBe(false);
    expect(hospitalVisitDue(reported, '2026-03-03', bj('2026-03-10T08:00:00'))).toBe(true);
  });

  it('does not count a visit made before they went into hospital', () => {
    expect(hospitalVisitDue(reported, '2026-02-28', bj('2026-03-02T08:00:00'))).toBe(true);
    expect(hospitalVisitCountsFrom(reported, bj('2026-03-02T08:00:00'))).toBe('2026-03-01');
    expect(hospitalVisitCountsFrom(reported, bj('2026-03-20T08:00:00'))).toBe('2026-03-14');
  });

  it('counts days in hospital by calendar day', () => {
    expect(daysInHospital(reported, bj('2026-03-01T23:59:00'))).toBe(0);
    expect(daysInHospital(reported, bj('2026-03-10T00:01:00'))).toBe(9);
  });
});

describe('input days', () => {
  it('accepts real days only', () => {
    expect(isBirthday('02-29')).toBe(true);
    expect(isBirthday('02-30')).toBe(false);
    expect(isBirthday('13-01')).toBe(false);
    expect(isBirthday('1-05')).toBe(false);
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-3-1')).toBe(false);
  });
});
