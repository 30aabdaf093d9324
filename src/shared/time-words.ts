/**
 * One vocabulary for time and state: the day-part words (上午, 下午 ...), clock times that never break across lines,
 * and the state words of anything with a sign-up window and a time (报名还没开始 / 正在报名 / 还没开始 / 正在进行 /
 * 已结束), derived from the facts and the clock, used by every page.
 */
import { beijingClock } from './date-rules';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** U+2060 WORD JOINER: keeps 下午5:00 whole on one line at any text size (CJK text may otherwise break anywhere). */
const JOIN = '\u2060';

/** The one set of day-part words: 凌晨 0–5, 上午 6–11, 中午 12, 下午 13–17, 晚上 18–23. */
export function dayPart(hour: number): string {
  if (hour < 6) return '凌晨';
  if (hour < 12) return '上午';
  if (hour < 13) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/** 12-hour clock with its day part, kept on one line: 上午9:00, 中午12:30, 下午5:00. */
export function clockWords(hour: number, minute: number): string {
  const h = hour > 12 ? hour - 12 : hour;
  const [a = '', b = ''] = dayPart(hour);
  // digits, the colon and the hyphen of a range do not break; the CJK day part and the gap before the digit may
  return `${a}${JOIN}${b}${JOIN}${h}:${String(minute).padStart(2, '0')}`;
}

/** Removes the joiners (for comparisons and tests). */
export const plain = (text: string): string => text.split(JOIN).join('');

/** The Beijing wall clock of an instant (an ISO time with its offset, or a Date). */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

/**
 * Read from the Date's UTC fields shifted by the fixed offset, not through dayjs: a list screen words dozens of times
 * in its first render, and on an old phone dayjs' first calls cost more than the rest of the cards' code.
 */
export function wallClock(at: string | Date): WallClock {
  const t = beijingClock(new Date(at));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), weekday: t.getUTCDay(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

const monthDay = (t: WallClock): string => `${t.month}月${t.day}日`;

/** 11月28日 */
export const dayWords = (at: string | Date): string => monthDay(wallClock(at));

/** 2026年3月10日 */
export function longDayWords(at: string | Date): string {
  const t = wallClock(at);
  return `${t.year}年${monthDay(t)}`;
}

/** 下午3:40 */
export function timeWords(at: string | Date): string {
  const t = wallClock(at);
  return clockWords(t.hour, t.minute);
}

/** 11月28日 周六 上午9:00 */
export function dateTimeWords(at: string | Date): string {
  const t = wallClock(at);
  return `${monthDay(t)} 周${WEEKDAYS[t.weekday] ?? ''} ${clockWords(t.hour, t.minute)}`;
}

/** "09:00-10:30" or "14:30" inside a text -> 上午9:00-10:30, 下午2:30 (the day part once when both ends share it). */
export function friendlyClock(text: string): string {
  return text.replace(/(\d{1,2}):(\d{2})(?:-(\d{1,2}):(\d{2}))?/g, (_m, h1: string, m1: string, h2?: string, m2?: string) => {
    const start = clockWords(Number(h1), Number(m1));
    if (h2 === undefined || m2 === undefined) return start;
    const end = clockWords(Number(h2), Number(m2));
    const samePart = dayPart(Number(h1)) === dayPart(Number(h2));
    return samePart ? `${start}-${end.slice(4)}` : `${start}-${end}`;
  });
}

/** Where something with a sign-up window and a time stands now. */
export type Phase = 'cancelled' | 'signupNotOpen' | 'signupOpen' | 'notStarted' | 'underway' | 'ended' | 'signupClosed';

export interface Timeline {
  cancelled?: boolean;
  /** null: sign-up opens when published */
  signupOpensAt?: string | Date | null;
  signupClosesAt?: string | Date | null;
  /** absent for a term-long course: after sign-up closes it is simply signupClosed */
  startAt?: string | Date | null;
  endAt?: string | Date | null;
}

const ms = (at: string | Date) => new Date(at).getTime();

export function phaseOf(now: Date, t: Timeline): Phase {
  const at = now.getTime();
  if (t.cancelled) return 'cancelled';
  if (t.endAt && at >= ms(t.endAt)) return 'ended';
  if (t.startAt && at >= ms(t.startAt)) return 'underway';
  if (t.signupOpensAt && at < ms(t.signupOpensAt)) return 'signupNotOpen';
  if (!t.signupClosesAt || at < ms(t.signupClosesAt)) return 'signupOpen';
  return t.startAt ? 'notStarted' : 'signupClosed';
}

/** The state words of each phase. */
export const PHASE_WORDS: Record<Phase, string> = {
  cancelled: '已取消',
  signupNotOpen: '报名还没开始',
  signupOpen: '正在报名',
  notStarted: '还没开始，报名已截止',
  underway: '正在进行',
  ended: '已结束',
  signupClosed: '报名已截止',
};

/** A card's badge: places left while sign-up is open, when sign-up opens before then, else the state words. */
export function badgeWords(phase: Phase, t: Timeline, seatsLeft: number): string {
  if (phase === 'signupOpen') return seatsLeft > 0 ? `剩余${seatsLeft}个名额` : '名额已满，可以排队候补';
  if (phase === 'signupNotOpen' && t.signupOpensAt) return `${dateTimeWords(t.signupOpensAt)}开始报名`;
  return PHASE_WORDS[phase];
}

/** What a card offers to do: sign up only while sign-up is open. */
export const moreWords = (phase: Phase): string => (phase === 'signupOpen' ? '查看详情和报名' : '查看详情');
