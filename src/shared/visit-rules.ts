/**
 * Pure rules of 走访慰问 (五必访): the reasons a visit is made and the due list — members whose birthday falls in
 * this (Beijing calendar) week, and members reported in hospital who have not been visited for it within
 * HOSPITAL_VISIT_WITHIN_DAYS days. No I/O: the staff function and the pages both use these.
 */
import { beijingDay, beijingDayStart } from './date-rules';

export const VISIT_REASONS = ['illness', 'birthday', 'festival', 'familyCrisis', 'hardship', 'bereavement'] as const;
export type VisitReason = (typeof VISIT_REASONS)[number];

export const VISIT_REASON_LABELS: Record<VisitReason, string> = {
  illness: '生病住院',
  birthday: '生日',
  festival: '重大节日',
  familyCrisis: '家庭变故',
  hardship: '特殊困难',
  bereavement: '去世',
};

/** A member in hospital is due a visit when none for 生病住院 was made within this many days. */
export const HOSPITAL_VISIT_WITHIN_DAYS = 7;

const DAY_MS = 24 * 3600_000;

/** 'MM-DD' of a birthday, checked as a real calendar day (02-29 allowed). */
export const BIRTHDAY_PATTERN = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isBirthday(value: string): boolean {
  if (!BIRTHDAY_PATTERN.test(value)) return false;
  const [month, day] = value.split('-').map(Number) as [number, number];
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** A 'YYYY-MM-DD' calendar day is a real one (2026-02-30 is not). */
export { isCalendarDay } from './date-rules';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The Beijing calendar week (Monday to Sunday) holding `now`, as 'YYYY-MM-DD' days. */
export function weekOf(now: Date): string[] {
  const today = beijingDay(now);
  const start = Date.parse(`${today}T00:00:00Z`);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
}

/**
 * The birthdays ('MM-DD') celebrated in the week of `now`. In a year without 29 February, those born on it are
 * remembered on 28 February.
 */
export function birthdaysOfWeek(now: Date): string[] {
  const keys: string[] = [];
  for (const day of weekOf(now)) {
    const key = day.slice(5);
    keys.push(key);
    if (key === '02-28' && !isLeapYear(Number(day.slice(0, 4)))) keys.push('02-29');
  }
  return keys;
}

/** The day of the week of `now` a birthday falls on ('YYYY-MM-DD'), or null when not this week. */
export function birthdayThisWeek(birthday: string, now: Date): string | null {
  for (const day of weekOf(now)) {
    const key = day.slice(5);
    if (key === birthday || (birthday === '02-29' && key === '02-28' && !isLeapYear(Number(day.slice(0, 4))))) return day;
  }
  return null;
}

/** The age reached on the birthday in the week of `now` (a 90th, 95th, 100th birthday matters to the bureau). */
export function ageTurning(birthYear: number, birthdayDay: string): number {
  return Number(birthdayDay.slice(0, 4)) - birthYear;
}

/** Round birthdays (80, 85, 90 ...) staff are reminded of first. */
export function isMilestone(age: number): boolean {
  return age >= 80 && age % 5 === 0;
}

/**
 * The earliest visit day ('YYYY-MM-DD', Beijing) that still counts for a member in hospital at `now`: the day they
 * were reported in hospital, or HOSPITAL_VISIT_WITHIN_DAYS - 1 days before today, whichever is later.
 */
export function hospitalVisitCountsFrom(hospitalizedAt: Date, now: Date): string {
  const reported = beijingDay(hospitalizedAt);
  const windowStart = beijingDay(new Date(beijingDayStart(beijingDay(now)).getTime() - (HOSPITAL_VISIT_WITHIN_DAYS - 1) * DAY_MS));
  return reported > windowStart ? reported : windowStart;
}

/**
 * Whether a member in hospital since `hospitalizedAt` is due a visit at `now`: their latest 生病住院 visit
 * (`lastVisitOn`, or null) was before they were reported in hospital or not within the last 7 days.
 */
export function hospitalVisitDue(hospitalizedAt: Date, lastVisitOn: string | null, now: Date): boolean {
  return lastVisitOn === null || lastVisitOn < hospitalVisitCountsFrom(hospitalizedAt, now);
}

/** Whole days since being reported in hospital (Beijing days). */
export function daysInHospital(hospitalizedAt: Date, now: Date): number {
  const from = beijingDayStart(beijingDay(hospitalizedAt)).getTime();
  const to = beijingDayStart(beijingDay(now)).getTime();
  return Math.max(0, Math.round((to - from) / DAY_MS));
}
