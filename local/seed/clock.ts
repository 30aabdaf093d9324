/** Demo dates in Beijing time (UTC+8, no daylight saving), whatever the machine's time zone. */
import { BEIJING_OFFSET_MS, beijingClock } from '../../src/shared/date-rules';

/** The calendar date in Beijing at `now`. */
export function beijingDate(now: Date): { year: number; month: number; day: number } {
  const shifted = beijingClock(now);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** hour:minute Beijing time, `days` calendar days after today in Beijing (negative = before). */
export function beijingTime(now: Date, days: number, hour: number, minute = 0): Date {
  const { year, month, day } = beijingDate(now);
  return new Date(Date.UTC(year, month - 1, day + days, hour, minute) - BEIJING_OFFSET_MS);
}
