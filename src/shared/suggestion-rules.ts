/**
 * Pure rules of 建言献策 (suggestions): the status workflow, tracking numbers, the working-day overdue rule, and
 * the bureau's rates. Dates are judged on the Beijing calendar (UTC+8, no daylight saving) whatever the machine's
 * time zone. No I/O here: the suggestion function and the pages both use these.
 */
import { beijingClock, beijingDay, beijingDayStart } from './date-rules';

export type SuggestionStatus = 'submitted' | 'accepted' | 'inProgress' | 'concluded';
export type SuggestionOutcome = 'adopted' | 'notAdopted';
/** What a handler does to a suggestion ('submit' is the member's first step). */
export type SuggestionStep = 'submit' | 'accept' | 'assign' | 'reply' | 'conclude';
export type HandlerStep = Exclude<SuggestionStep, 'submit'>;

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  inProgress: '办理中',
  concluded: '已办结',
};

export const SUGGESTION_OUTCOME_LABELS: Record<SuggestionOutcome, string> = {
  adopted: '已采纳',
  notAdopted: '未采纳',
};

export const SUGGESTION_STEP_LABELS: Record<SuggestionStep, string> = {
  submit: '提交建议',
  accept: '受理',
  assign: '交办',
  reply: '答复',
  conclude: '办结',
};

/** The timeline a member sees, in order. */
export const SUGGESTION_STATUS_ORDER: readonly SuggestionStatus[] = ['submitted', 'accepted', 'inProgress', 'concluded'];

/**
 * Allowed changes: from -> to, per step. 受理 only from 已提交; 交办 (assign a department) from 已受理 or
 * 办理中 (re-assigning); an interim 答复 leaves the status as it is; 办结 only from 办理中. Anything else is
 * refused (SUGGESTION.BAD_TRANSITION).
 */
const TRANSITIONS: Record<HandlerStep, Partial<Record<SuggestionStatus, SuggestionStatus>>> = {
  accept: { submitted: 'accepted' },
  assign: { accepted: 'inProgress', inProgress: 'inProgress' },
  reply: { accepted: 'accepted', inProgress: 'inProgress' },
  conclude: { inProgress: 'concluded' },
};

/** The status after `step`, or null when the step is not allowed from `from`. */
export function nextStatus(from: SuggestionStatus, step: HandlerStep): SuggestionStatus | null {
  return TRANSITIONS[step][from] ?? null;
}

/** The statuses a step may start from. */
export function allowedFrom(step: HandlerStep): SuggestionStatus[] {
  return Object.keys(TRANSITIONS[step]) as SuggestionStatus[];
}

// --- tracking numbers: JY-YYYY-NNNNNN, sequential per year ---

export const TRACKING_NO_PATTERN = /^JY-(\d{4})-(\d{6})$/;

export function formatTrackingNo(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new RangeError(`bad sequence ${seq}`);
  return `JY-${year}-${String(seq).padStart(6, '0')}`;
}

export function parseTrackingNo(text: string): { year: number; seq: number } | null {
  const match = TRACKING_NO_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  const seq = Number(match[2]);
  return seq >= 1 ? { year: Number(match[1]), seq } : null;
}

// --- the Beijing calendar ---

const DAY_MS = 24 * 3600_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

// --- overdue: not accepted within 3 working days ---

export const ACCEPT_WITHIN_WORKING_DAYS = 3;
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/**
 * When a suggestion submitted at `submittedAt` becomes overdue if still not accepted: the end (Beijing midnight)
 * of the `workingDays`-th working day after the day of submission. The day of submission never counts;
 * Saturdays, Sundays and the given holidays ('YYYY-MM-DD') are skipped.
 */
export function acceptDeadline(
  submittedAt: Date,
  workingDays: number = ACCEPT_WITHIN_WORKING_DAYS,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): Date {
  let day = beijingDay(submittedAt);
  let counted = 0;
  while (counted < workingDays) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted += 1;
  }
  return beijingDayStart(addDays(day, 1));
}

/** True when a suggestion still waits to be accepted past its deadline. */
export function isOverdue(
  suggestion: { status: SuggestionStatus; submittedAt: Date },
  now: Date,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): boolean {
  return suggestion.status === 'submitted' && now.getTime() >= acceptDeadline(suggestion.submittedAt, ACCEPT_WITHIN_WORKING_DAYS, holidays).getTime();
}

/**
 * The instant before which every still-submitted suggestion is overdue at `now` (for one count query):
 * the start of the day after the latest Beijing day whose deadline has passed.
 */
export function overdueSubmittedBefore(now: Date, holidays: ReadonlySet<string> = NO_HOLIDAYS): Date {
  let day = beijingDay(now);
  while (acceptDeadline(beijingDayStart(day), ACCEPT_WITHIN_WORKING_DAYS, holidays).getTime() > now.getTime()) {
    day = addDays(day, -1);
  }
  return beijingDayStart(addDays(day, 1));
}

/** Whole days since `from` (for "已等3天"). */
export function ageInDays(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
}

// --- rates for a period ---

/** A period of Beijing calendar days, both ends included. */
export interface Period {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
}

/** The instants [start, end) of a period. */
export function periodRange(period: Period): { start: Date; end: Date } {
  return { start: beijingDayStart(period.from), end: beijingDayStart(addDays(period.to, 1)) };
}

/** The current calendar year up to today, in Beijing. */
export function yearToDate(now: Date): Period {
  const today = beijingDay(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** What the aggregate counts over the suggestions submitted in a period. */
export interface RateCounts {
  /** submitted in the period */
  total: number;
  /** of those, accepted (受理) whatever happened next: accepted, in progress or concluded */
  handled: number;
  /** of those, concluded (办结) */
  concluded: number;
  /** of the concluded, adopted (采纳) */
  adopted: number;
  /** sum over the concluded of (concludedAt - submittedAt) in milliseconds */
  concludeMsSum: number;
}

export interface Rates {
  total: number;
  handled: number;
  concluded: number;
  adopted: number;
  /** 办理率 = handled / total, percent with one decimal; null when nothing was submitted */
  handlingRate: number | null;
  /** 办结率 = concluded / total */
  concludeRate: number | null;
  /** 采纳率 = adopted / concluded (a suggestion still open is not yet adopted or not) */
  adoptionRate: number | null;
  /** average days from submission to 办结 over the concluded ones, one decimal; null when none concluded */
  avgDaysToConclude: number | null;
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function computeRates(counts: RateCounts): Rates {
  return {
    total: counts.total,
    handled: counts.handled,
    concluded: counts.concluded,
    adopted: counts.adopted,
    handlingRate: percent(counts.handled, counts.total),
    concludeRate: percent(counts.concluded, counts.total),
    adoptionRate: percent(counts.adopted, counts.concluded),
    avgDaysToConclude: counts.concluded > 0 ? Math.round((counts.concludeMsSum / counts.concluded / DAY_MS) * 10) / 10 : null,
  };
}

// --- the daily limit ---

/** Suggestions one member may submit per Beijing calendar day unless settings say otherwise. */
export const DEFAULT_DAILY_LIMIT = 3;

/** '2026年3月10日 10:05' in Beijing time (the subscribe message's time keyword). */
export function beijingDateTime(at: Date): string {
  const t = beijingClock(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** An open suggestion with no change for this many days escalates to staff (settings 'suggestion'.escalateAfterDays). */
export const DEFAULT_ESCALATE_AFTER_DAYS = 10;

/** True when the suggestion escalated and nothing happened to it since. */
export function isEscalated(suggestion: { status: SuggestionStatus; updatedAt: Date; escalatedAt?: Date | null }): boolean {
  return suggestion.status !== 'concluded' && Boolean(suggestion.escalatedAt) && new Date(suggestion.escalatedAt as Date).getTime() >= new Date(suggestion.updatedAt).getTime();
}
