/**
 * Pure rules of sign-ups (报名), shared by the `enrollment` function, the pages and the tests.
 *
 * The line: every target with places (a course, an activity, a volunteer post) keeps `line`, the memberIds of
 * everyone who signed up through the app, in arrival order (one atomic $push each), and a counter (`taken`)
 * moved by the same update. Places taken outside the app (seeded, paper sign-ups) are `taken - line.length`.
 * The first `seats - offline` entries of the line hold the places; the rest is the waitlist, in order.
 * So a cancel ($pull) promotes the first waitlisted in the same atomic write, and nothing can oversell.
 */
import { beijingClock } from './date-rules';

export type EnrollKind = 'association' | 'team' | 'course' | 'activity';
export const ENROLL_KINDS: readonly EnrollKind[] = ['association', 'team', 'course', 'activity'];

export const KIND_LABELS: Record<EnrollKind, string> = {
  association: '协会',
  team: '志愿服务',
  course: '老年大学课程',
  activity: '活动',
};

/** One enrollment per member and target, whatever the retries: the database refuses a second insert of this _id. */
export function enrollmentId(kind: EnrollKind, targetId: string, memberId: string): string {
  return `${kind}~${targetId}~${memberId}`;
}

export function parseEnrollmentId(id: string): { kind: EnrollKind; targetId: string; memberId: string } | null {
  const [kind, targetId, memberId, extra] = id.split('~');
  if (extra !== undefined || !targetId || !memberId || !ENROLL_KINDS.includes(kind as EnrollKind)) return null;
  return { kind: kind as EnrollKind, targetId, memberId };
}

// --- places ---

export type Placement = { state: 'enrolled' } | { state: 'waitlisted'; position: number };

/** Places of a target that the line can hold: seats minus places taken outside the app. */
export function placesForLine(seats: number, taken: number, lineLength: number): number {
  const offline = Math.max(0, taken - lineLength);
  return Math.max(0, seats - offline);
}

/** Where a member stands in a line; null when not in it. seats null = no limit (associations). */
export function placementOf(line: readonly string[], memberId: string, seats: number | null, taken: number): Placement | null {
  const index = line.indexOf(memberId);
  if (index < 0) return null;
  if (seats === null) return { state: 'enrolled' };
  const places = placesForLine(seats, taken, line.length);
  return index < places ? { state: 'enrolled' } : { state: 'waitlisted', position: index - places + 1 };
}

export function seatsLeft(seats: number, taken: number): number {
  return Math.max(0, seats - taken);
}

export function waitlistLength(seats: number, taken: number, lineLength: number): number {
  return Math.max(0, lineLength - placesForLine(seats, taken, lineLength));
}

/**
 * Who moved from the waitlist into a place when the entry at `removedIndex` left the line, given the line after
 * the removal; null when nobody did (the leaver was waitlisted, or nobody was waiting).
 */
export function promotedAfterRemoval(
  lineAfter: readonly string[],
  removedIndex: number,
  seats: number,
  takenAfter: number,
): string | null {
  const places = placesForLine(seats, takenAfter, lineAfter.length);
  if (removedIndex >= places || lineAfter.length < places || places === 0) return null;
  return lineAfter[places - 1] ?? null;
}

// --- windows ---

export type WindowState = 'notYet' | 'open' | 'closed';

export function windowState(now: Date, opensAt: Date | null, closesAt: Date): WindowState {
  if (opensAt && now.getTime() < opensAt.getTime()) return 'notYet';
  return now.getTime() < closesAt.getTime() ? 'open' : 'closed';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "5月3日 09:00" in Beijing time (UTC+8), whatever the server's time zone. */
export function beijingText(at: Date): string {
  const t = beijingClock(at);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

// --- per-term limit ---

/**
 * The per-term course limit is held by the database: an active course enrollment carries termSlot
 * `<memberId>~<termId>~<n>` for a free n in 1..limit under a unique index, so two concurrent sign-ups cannot both
 * take the last slot. Anything else (other kinds, cancelled ones) carries its own _id.
 */
export function termSlot(memberId: string, termId: string, n: number): string {
  return `${memberId}~${termId}~${n}`;
}

// --- activities ---

/** Why a member may not cancel an activity sign-up now; null when they may. */
export function activityCancelBlock(now: Date, startAt: Date, cutoffHours: number): string | null {
  const left = startAt.getTime() - now.getTime();
  if (left <= 0) return '活动已经开始，不能取消了。如有变化请联系老干部局';
  if (left < cutoffHours * 3600 * 1000) return `活动开始前${cutoffHours}小时内不能取消。如有急事请联系老干部局`;
  return null;
}

// --- lottery (摇号) ---

/** cyrb53-style 32-bit seeds from a string, then mulberry32: tiny, fast and identical on every JS engine. */
function seedFrom(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

export function seededRandom(seed: string): () => number {
  let state = seedFrom(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LotteryResult {
  /** the entrants sorted, as the draw read them (so arrival order does not matter) */
  entrants: string[];
  /** everyone in drawn order: the first `places` win, the rest is the waitlist in this order */
  order: string[];
  winners: string[];
}

/** The draw: anyone with the recorded entrants, places and seed gets the same result. */
export function drawLottery(entrants: readonly string[], places: number, seed: string): LotteryResult {
  const sorted = [...new Set(entrants)].sort();
  const order = [...sorted];
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return { entrants: sorted, order, winners: order.slice(0, Math.max(0, places)) };
}

// --- what the member sees ---

export type MyState = 'none' | 'enrolled' | 'waitlisted' | 'pending' | 'entered' | 'incomplete' | 'cancelled' | 'rejected';

export function stateLabel(kind: EnrollKind, state: MyState, position: number | null): string {
  switch (state) {
    case 'enrolled':
      return kind === 'association' ? '已入会' : '已报名';
    case 'waitlisted':
      return `候补第${position ?? 1}位`;
    case 'pending':
      return '待审核';
    case 'entered':
      return '已报名，待摇号';
    case 'incomplete':
      return '报名未完成';
    case 'cancelled':
      return '已取消';
    case 'rejected':
      return '未通过';
    default:
      return '未报名';
  }
}
