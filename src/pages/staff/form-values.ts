/**
 * What staff enter in the publishing forms (days and times from pickers, numbers as text), and back: Beijing day 'YYYY-MM-DD'
 * plus time 'HH:mm' <-> ISO instants with +08:00; whole numbers; the period presets of 数据统计.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { beijingDayjs } from '../../shared/date-rules';

dayjs.extend(utc);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Beijing now as a dayjs in +08:00. */
export const beijingNow = () => beijingDayjs();

/** 'YYYY-MM-DD' of a Beijing day `days` from today. */
export const dayFromToday = (days: number): string => beijingNow().add(days, 'day').format('YYYY-MM-DD');

export const isDay = (text: string): boolean => DAY.test(text) && dayjs(`${text}T00:00:00Z`).utc().format('YYYY-MM-DD') === text;

/** An instant from a Beijing day and clock time, or null when either is not written right. */
export function instantOf(day: string, clock: string): string | null {
  const d = day.trim();
  const c = clock.trim();
  return isDay(d) && CLOCK.test(c) ? `${d}T${c}:00+08:00` : null;
}

/** The Beijing day and clock time of an instant, for editing. */
export function partsOf(iso: string): { day: string; clock: string } {
  const at = beijingDayjs(iso);
  return { day: at.format('YYYY-MM-DD'), clock: at.format('HH:mm') };
}

/** A whole number in [min, max] from text, or null. */
export function wholeOf(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

export interface PeriodPreset {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** 本月, 本季度, 本年, 上半年, 下半年 of the current Beijing year (whole periods: the figures count what is in them). */
export function periodPresets(): PeriodPreset[] {
  const now = beijingNow();
  const y = now.year();
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const quarterStart = now.startOf('month').month(Math.floor(now.month() / 3) * 3);
  return [
    { key: 'month', label: '本月', from: day(now.startOf('month')), to: day(now.endOf('month')) },
    { key: 'quarter', label: '本季度', from: day(quarterStart), to: day(quarterStart.add(2, 'month').endOf('month')) },
    { key: 'year', label: '本年', from: `${y}-01-01`, to: `${y}-12-31` },
    { key: 'firstHalf', label: '上半年', from: `${y}-01-01`, to: `${y}-06-30` },
    { key: 'secondHalf', label: '下半年', from: `${y}-07-01`, to: `${y}-12-31` },
  ];
}

/** 名额50人，已报名42人，候补3人 */
export const placesLine = (row: { seats: number; placed: number; waitlisted: number }): string =>
  `名额${row.seats}人，已报名${row.placed}人${row.waitlisted ? `，候补${row.waitlisted}人` : ''}`;
