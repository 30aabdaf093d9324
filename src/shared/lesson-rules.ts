/**
 * Pure rules of 云课堂 lessons, shared by the `lessons` function, check-in (收视点 screenings) and the pages.
 *
 * - Watched ranges: the player reports the stretches of the lesson it actually played, [from, to) in whole
 *   seconds. They are merged into a sorted list of disjoint ranges; "watched" is the total length of that list,
 *   so seeking ahead or replaying a part never counts twice, and opening a lesson counts nothing.
 * - Plausibility: one save may add at most what real playing could have added since the previous save (twice the
 *   elapsed time, for 2x speed, plus some slack), and never less than MIN_SAVE_ALLOWANCE seconds; the rest of
 *   an implausible save is not credited (its position is still kept).
 * - Finished: at least FINISH_PERCENT of the lesson's length watched (integer arithmetic), or attended at a
 *   收视点 screening. A finished lesson earns LESSON_POINTS 学习积分 once (the conditional update in
 *   cloudfunctions/_domain/lessons/progress.ts).
 */

export type Range = readonly [from: number, to: number];

export const FINISH_PERCENT = 90;
export const LESSON_POINTS = 1;
/** the player saves this often while playing (and on leaving the page) */
export const SAVE_EVERY_SECONDS = 5;
export const MAX_PLAY_RATE = 2;
export const SAVE_SLACK_SECONDS = 15;
export const MIN_SAVE_ALLOWANCE = 60;
/** longest lesson: 4 hours */
export const MAX_LESSON_SECONDS = 4 * 3600;
/** ranges one save may carry */
export const MAX_RANGES_PER_SAVE = 20;
/** merged ranges kept per member and lesson (a pathological pattern is coarsened beyond this) */
export const MAX_KEPT_RANGES = 200;
/** a reading counts this many characters a minute (slow, for older readers) */
export const READING_CHARS_PER_MINUTE = 200;

export type LessonKind = 'video' | 'audio' | 'reading';

export const LESSON_KIND_LABEL: Record<LessonKind, string> = { video: '视频', audio: '音频', reading: '图文' };

/** Sorted, disjoint, adjacent ranges joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => b > a).map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function totalOf(ranges: readonly Range[]): number {
  return ranges.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/**
 * The new ranges of a save, cut down to `allowance` newly watched seconds (earliest first): what is already
 * in `kept` costs nothing.
 */
export function creditable(kept: readonly Range[], incoming: readonly Range[], allowance: number): Range[] {
  let budget = Math.max(0, allowance);
  let current = mergeRanges(kept);
  for (const [a, b] of mergeRanges(incoming)) {
    if (budget <= 0) break;
    const before = totalOf(current);
    const whole = mergeRanges([...current, [a, b]]);
    const added = totalOf(whole) - before;
    if (added <= budget) {
      current = whole;
      budget -= added;
      continue;
    }
    // take the range only as far as the budget goes (what it adds grows with its end: bisect)
    const addedUpTo = (end: number) => totalOf(mergeRanges([...current, [a, end]])) - before;
    let lo = a;
    let hi = b;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (addedUpTo(mid) <= budget) lo = mid;
      else hi = mid - 1;
    }
    if (lo > a) current = mergeRanges([...current, [a, lo]]);
    budget = 0;
  }
  return current;
}

/** Seconds a save may newly credit, given the seconds since the previous save (null: the first one). */
export function saveAllowance(elapsedSeconds: number | null): number {
  if (elapsedSeconds === null) return MIN_SAVE_ALLOWANCE;
  return Math.max(MIN_SAVE_ALLOWANCE, Math.floor(Math.max(0, elapsedSeconds) * MAX_PLAY_RATE) + SAVE_SLACK_SECONDS);
}

/** Keeps at most MAX_KEPT_RANGES ranges by joining the smallest gaps (never credits less). */
export function capRanges(ranges: readonly Range[]): Range[] {
  const out = mergeRanges(ranges).map(([a, b]) => [a, b] as [number, number]);
  while (out.length > MAX_KEPT_RANGES) {
    let best = 1;
    for (let i = 2; i < out.length; i++) if (out[i]![0] - out[i - 1]![1] < out[best]![0] - out[best - 1]![1]) best = i;
    const prev = out[best - 1]!;
    prev[1] = out[best]![1];
    out.splice(best, 1);
  }
  return out;
}

export function isFinished(watchedSeconds: number, durationSeconds: number): boolean {
  return durationSeconds > 0 && watchedSeconds * 100 >= durationSeconds * FINISH_PERCENT;
}

export function percentOf(watchedSeconds: number, durationSeconds: number): number {
  if (durationSeconds <= 0) return 0;
  return Math.min(100, Math.floor((watchedSeconds * 100) / durationSeconds));
}

/** The length of a reading: its text at READING_CHARS_PER_MINUTE, at least a minute. */
export function readingSeconds(text: string): number {
  return Math.max(60, Math.ceil((text.length / READING_CHARS_PER_MINUTE) * 60));
}

/** '12分钟', '1小时5分钟' */
export function durationText(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes}分钟`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)}小时${rest ? `${rest}分钟` : ''}`;
}

/** '8:05' */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The rule of 学习积分 in words, as 我的 and the lesson page show it. */
export const LESSON_POINTS_RULE = `云课堂每学完一课（看完${FINISH_PERCENT}%以上，或在收视点集体收看并签到）得${LESSON_POINTS}分，同一课只计一次`;

/** The _id of a member's progress on a lesson: one document per member and lesson. */
export function progressId(lessonId: string, memberId: string): string {
  return `${lessonId}~${memberId}`;
}

/** A 视频号 video: the channel's id (sph…) and the video's feed id, as WeChat's openChannelsActivity takes them. */
export interface ChannelsVideo {
  finderUserName: string;
  feedId: string;
}

/** What staff write of a lesson (stored in lessons, edited on the staff page). */
export interface LessonFields {
  /** 1, 2, 3 ... within the course */
  order: number;
  title: string;
  kind: LessonKind;
  durationSeconds: number;
  /** the video or audio in cloud storage */
  fileId: string | null;
  /** or a 视频号 video */
  channels: ChannelsVideo | null;
  /** captions or the text version */
  text: string;
}

export const FINDER_USER_NAME = /^sph[A-Za-z0-9]{4,40}$/;
export const FEED_ID = /^[A-Za-z0-9_=+/-]{8,200}$/;
