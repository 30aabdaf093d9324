/**
 * When reminders go out and what they say. Two reminders per occurrence (an activity, a class session, a
 * volunteer session): the evening before (from 18:00 Beijing, for everything starting the next day) and about
 * two hours before the start. Each is due once: a job covers the start times in (coveredUntil, horizon].
 */
import { beijingDateTime } from './suggestion-rules';
import { REMINDER_KEYWORDS } from './messages';
import { BEIJING_OFFSET_MS, beijingClock } from './date-rules';

const DAY_MS = 24 * 3600 * 1000;
/** the day-before reminder goes out from this Beijing hour */
export const DAY_BEFORE_HOUR = 18;
export const SOON_HOURS = 2;

export type ReminderWhich = 'day' | 'soon';
export type OccurrenceKind = 'activity' | 'course' | 'session';

/** Midnight (Beijing) starting the Beijing day of `at`, plus `days`. */
export function beijingMidnight(at: Date, days = 0): Date {
  const shifted = at.getTime() + BEIJING_OFFSET_MS;
  return new Date(Math.floor(shifted / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS + days * DAY_MS);
}

/** Start times a reminder job may cover at `now`: (lowest, horizon]. */
export function reminderWindow(which: ReminderWhich, now: Date): { lowest: Date; horizon: Date } {
  if (which === 'soon') return { lowest: now, horizon: new Date(now.getTime() + SOON_HOURS * 3600 * 1000) };
  const hour = beijingClock(now).getUTCHours();
  const tomorrow = beijingMidnight(now, 1);
  return { lowest: tomorrow, horizon: hour >= DAY_BEFORE_HOUR ? beijingMidnight(now, 2) : tomorrow };
}

/** Weekly class times (weekday 1 = Monday, time 'HH:MM-HH:MM' Beijing) starting in (from, to]. */
export function weeklyStarts(weekday: number, time: string, from: Date, to: Date): Date[] {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return [];
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const starts: Date[] = [];
  for (let day = beijingMidnight(from); day.getTime() <= to.getTime(); day = new Date(day.getTime() + DAY_MS)) {
    const dow = beijingClock(day).getUTCDay() || 7;
    if (dow !== weekday) continue;
    const start = new Date(day.getTime() + minutes * 60_000);
    if (start.getTime() > from.getTime() && start.getTime() <= to.getTime()) starts.push(start);
  }
  return starts;
}

export interface Occurrence {
  kind: OccurrenceKind;
  id: string;
  title: string;
  place: string;
  startAt: Date;
  bring: string;
  /** memberIds holding a place (never the waitlisted, never the cancelled) */
  holders: string[];
}

/** Sort key of an occurrence within a window (a job resumes after the last one it finished). */
export function occurrenceKey(o: Pick<Occurrence, 'kind' | 'id' | 'startAt'>): string {
  return `${o.startAt.toISOString()}|${o.kind}:${o.id}`;
}

const DEFAULT_BRING: Record<OccurrenceKind, string> = {
  activity: '请提前10分钟到场',
  course: '请带好课本，按时上课',
  session: '请按时到岗',
};

export function bringText(kind: OccurrenceKind, bring: string | null | undefined): string {
  return bring && bring.trim() ? bring.trim() : DEFAULT_BRING[kind];
}

const KIND_WORD: Record<OccurrenceKind, string> = { activity: '活动', course: '上课', session: '志愿服务' };

/** The message a holder gets: the inbox text in full, the template values (fitted later to WeChat's limits). */
export function reminderContent(which: ReminderWhich, o: Occurrence): { title: string; body: string; data: Record<string, string> } {
  const when = beijingDateTime(o.startAt);
  const lead = which === 'day' ? `明天${KIND_WORD[o.kind]}提醒` : `${KIND_WORD[o.kind]}快开始了`;
  return {
    title: `${lead}：${o.title}`,
    body: `时间：${when}\n地点：${o.place}\n提醒：${o.bring}`,
    data: {
      [REMINDER_KEYWORDS.what]: o.title,
      [REMINDER_KEYWORDS.time]: when,
      [REMINDER_KEYWORDS.place]: o.place,
      [REMINDER_KEYWORDS.bring]: o.bring,
    },
  };
}

export function reminderKey(which: ReminderWhich, o: Pick<Occurrence, 'kind' | 'id' | 'startAt'>, memberId: string): string {
  return `remind:${which}:${o.kind}:${o.id}:${o.startAt.toISOString()}:${memberId}`;
}
