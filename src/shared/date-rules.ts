/**
 * Dates within reason, one home for every date field: calendar-valid only (dayjs strict parsing, so 2026-02-30 is
 * refused instead of rolling over to 2 March), and windows around today on the Beijing calendar (UTC+8, no DST):
 * activities and sessions from a year ago to two years ahead, visits between the start of records and today,
 * statistics periods from the start of records to the end of this year. Also the one home of Beijing time: the
 * offset, the calendar day of an instant, the instant a day starts, the wall clock of an instant.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import utc from 'dayjs/plugin/utc';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

/** The earliest day any record of the bureau may carry (visits, statistics periods). */
export const RECORDS_BEGIN = '2000-01-01';
/** How far back and ahead an activity, course window or service session may be dated. */
export const EVENT_WINDOW = { daysBack: 366, daysAhead: 2 * 366 } as const;

/** Beijing time is UTC+8 all year (no daylight saving). */
export const BEIJING_OFFSET_MINUTES = 8 * 60;
export const BEIJING_OFFSET_MS = BEIJING_OFFSET_MINUTES * 60_000;
const DAY_MS = 24 * 3600_000;

/** 'YYYY-MM-DD' that exists on the calendar. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // JavaScript dates read years below 100 as 19xx; the Gregorian calendar repeats every 400 years, so judge such a
  // day 400 years on (0001-01-01 exists, and is then refused by the field's range with the range named)
  const year = Number(value.slice(0, 4));
  const judged = year < 100 ? `${String(year + 400).padStart(4, '0')}${value.slice(4)}` : value;
  return dayjs(judged, 'YYYY-MM-DD', true).isValid();
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 date-time with an offset whose date and clock time exist (no 2026-02-30, no 24:30, no +25:00). */
export function isIsoTime(value: string): boolean {
  const match = ISO_TIME.exec(value);
  if (!match) return false;
  const [, day, clock, seconds, , offsetHours, offsetMinutes] = match;
  if (!isCalendarDay(day!) || !dayjs(clock!, 'HH:mm', true).isValid()) return false;
  if (seconds !== undefined && Number(seconds) > 59) return false;
  if (offsetHours !== undefined && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

/** 'YYYY-MM-DD' of the Beijing calendar day holding `at`. */
export const beijingDay = (at: Date): string => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Beijing calendar day ('YYYY-MM-DD') starts. */
export const beijingDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);

/** `at` moved by the offset: its getUTC* fields (year, month, day, hours, weekday) read the Beijing wall clock. */
export const beijingClock = (at: Date): Date => new Date(at.getTime() + BEIJING_OFFSET_MS);

/** A dayjs of `at` (default now) in +08:00, for formatting and calendar arithmetic in Beijing time. */
export const beijingDayjs = (at?: string | Date): dayjs.Dayjs => dayjs(at).utcOffset(BEIJING_OFFSET_MINUTES);

const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** An inclusive range of Beijing days. */
export interface DayRange {
  from: string;
  to: string;
}

/** Activities, course windows and sessions: a year ago to two years ahead. */
export function eventWindow(now: Date = new Date()): DayRange {
  const today = beijingDay(now);
  return { from: shiftDay(today, -EVENT_WINDOW.daysBack), to: shiftDay(today, EVENT_WINDOW.daysAhead) };
}

/** Things that already happened (a care visit): from the start of records to today. */
export const pastWindow = (now: Date = new Date()): DayRange => ({ from: RECORDS_BEGIN, to: beijingDay(now) });

/** Statistics periods: from the start of records to the end of this year (本年, 下半年 end there). */
export const periodWindow = (now: Date = new Date()): DayRange => ({ from: RECORDS_BEGIN, to: `${beijingDay(now).slice(0, 4)}-12-31` });

/** True when an ISO time or a day falls within the range (judged on its Beijing day). */
export function withinDays(value: string, range: DayRange): boolean {
  const day = value.length === 10 ? value : beijingDay(new Date(value));
  return day >= range.from && day <= range.to;
}

/** "2025年12月6日" for messages. */
export const dayText = (day: string): string => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The plain-words range a field must fall in. */
export const rangeText = (label: string, range: DayRange): string => `${label}要在${dayText(range.from)}到${dayText(range.to)}之间`;
