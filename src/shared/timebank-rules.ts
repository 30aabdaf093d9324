/**
 * Pure rules of check-in (签到) and the time bank (时间银行), shared by the `checkin` function, the pages and tests.
 *
 * - Rounding: service minutes become hours by steps applied to every started hour. Default: under 15 minutes
 *   nothing, 15 to 45 minutes half an hour, 45 to 60 minutes an hour (so 75 minutes = 1.5 hours).
 * - Presence: hours are credited only when the member was present for at least `presencePercent` (60) percent of
 *   the scheduled time. Presence is the overlap of check-in..check-out with the scheduled start..end.
 * - Token: what the rotating venue code carries, `<key>.<slot base36>.<mac>` (<= 32 characters: a wxacode scene).
 *   The key names the activity or service session, the slot is a 30-second time slot, the mac an HMAC computed by
 *   the function with a secret that never leaves the server. The current and the previous slot are accepted.
 * - Ids: a check-in, a credit and its reversal have deterministic _ids, so retries never make two.
 */

// --- rounding ---

export interface RoundingStep {
  /** from this many minutes into a started hour (inclusive) ... */
  fromMinute: number;
  /** ... that hour counts this much */
  hours: number;
}

export interface RoundingRule {
  /** ascending fromMinute, each in 1..60 */
  steps: RoundingStep[];
}

export const DEFAULT_ROUNDING: RoundingRule = {
  steps: [
    { fromMinute: 15, hours: 0.5 },
    { fromMinute: 45, hours: 1 },
  ],
};

/** What one started hour of `minutes` (0..59, 60 = a full hour) counts by the rule. */
function partialHour(minutes: number, rule: RoundingRule): number {
  let hours = 0;
  for (const step of rule.steps) if (minutes >= step.fromMinute) hours = step.hours;
  return hours;
}

/** Hours credited for `minutes` of service: full hours count 1, the started hour by the rule's steps. */
export function roundServiceMinutes(minutes: number, rule: RoundingRule = DEFAULT_ROUNDING): number {
  const whole = Math.max(0, Math.floor(minutes));
  const fullHours = Math.floor(whole / 60);
  return fullHours + partialHour(whole % 60, rule);
}

// --- presence ---

export const DEFAULT_PRESENCE_PERCENT = 60;

/** Whole minutes of [from, to] inside the scheduled [startAt, endAt]. */
export function presentMinutes(from: Date, to: Date, startAt: Date, endAt: Date): number {
  const start = Math.max(from.getTime(), startAt.getTime());
  const end = Math.min(to.getTime(), endAt.getTime());
  return Math.max(0, Math.floor((end - start) / 60_000));
}

export function scheduledMinutes(startAt: Date, endAt: Date): number {
  return Math.max(0, Math.round((endAt.getTime() - startAt.getTime()) / 60_000));
}

/** present >= percent% of scheduled, in integer arithmetic (no 0.6 * x rounding surprises). */
export function meetsPresence(present: number, scheduled: number, percent: number = DEFAULT_PRESENCE_PERCENT): boolean {
  return present * 100 >= scheduled * percent;
}

export interface TimeBankSettings {
  rounding: RoundingRule;
  presencePercent: number;
  /** who issues the certificate */
  issuer: string;
}

export const DEFAULT_TIMEBANK_SETTINGS: TimeBankSettings = {
  rounding: DEFAULT_ROUNDING,
  presencePercent: DEFAULT_PRESENCE_PERCENT,
  issuer: '中共示例县委老干部局',
};

export interface CreditDecision {
  credited: boolean;
  hours: number;
  /** why nothing is credited, in plain words; null when credited */
  reason: string | null;
}

/** The credit for a session: hours by the rounding rule, only with enough presence. */
export function creditFor(present: number, scheduled: number, settings: TimeBankSettings = DEFAULT_TIMEBANK_SETTINGS): CreditDecision {
  if (!meetsPresence(present, scheduled, settings.presencePercent)) {
    return {
      credited: false,
      hours: 0,
      reason: `在岗${present}分钟，不足计划时长${scheduled}分钟的${settings.presencePercent}%，本次不计时长。如有特殊情况请联系队长或老干部局确认`,
    };
  }
  const hours = roundServiceMinutes(present, settings.rounding);
  if (hours <= 0) return { credited: false, hours: 0, reason: `在岗${present}分钟，不满一个计时单位，本次不计时长` };
  return { credited: true, hours, reason: null };
}

/** '1.5小时', '2小时' */
export function hoursText(hours: number): string {
  return `${Number(hours.toFixed(2))}小时`;
}

// --- check-in window ---

export const OPENS_BEFORE_MINUTES = 30;
/** a volunteer may check out up to this long after the scheduled end (presence still counts until the end) */
export const CHECKOUT_GRACE_MINUTES = 120;

export interface Window {
  opensAt: Date;
  closesAt: Date;
}

/** The check-in window of an activity or session: as stored, else 30 minutes before the start until the end. */
export function checkinWindow(target: { startAt: Date; endAt: Date; checkinOpensAt?: Date | null; checkinClosesAt?: Date | null }): Window {
  return {
    opensAt: target.checkinOpensAt ? new Date(target.checkinOpensAt) : new Date(new Date(target.startAt).getTime() - OPENS_BEFORE_MINUTES * 60_000),
    closesAt: target.checkinClosesAt ? new Date(target.checkinClosesAt) : new Date(target.endAt),
  };
}

export type WindowPhase = 'notYet' | 'open' | 'closed';

export function phaseOf(window: Window, now: Date): WindowPhase {
  if (now.getTime() < window.opensAt.getTime()) return 'notYet';
  return now.getTime() <= window.closesAt.getTime() ? 'open' : 'closed';
}

// --- the rotating token ---

export const SLOT_SECONDS = 30;
export const SCENE_MAX = 32;
export const KEY_LENGTH = 8;
export const MAC_LENGTH = 14;

/** meeting: a party-branch meeting (党支部 三会一课, 主题党日) */
export type CheckinKind = 'activity' | 'session' | 'meeting';
/** the first character of a target's key names its kind */
export const KEY_PREFIX: Record<CheckinKind, string> = { activity: 'a', session: 's', meeting: 'm' };

export function slotOf(ms: number): number {
  return Math.floor(ms / (SLOT_SECONDS * 1000));
}

/** When a slot's code stops being accepted (the next slot still takes it). */
export function slotExpiresAt(slot: number): Date {
  return new Date((slot + 2) * SLOT_SECONDS * 1000);
}

export interface TokenParts {
  key: string;
  slot: number;
  mac: string;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

export function formatToken(parts: TokenParts): string {
  return `${parts.key}.${parts.slot.toString(36)}.${parts.mac}`;
}

export function parseToken(token: string): TokenParts | null {
  if (token.length > SCENE_MAX) return null;
  const [key, slotText, mac, extra] = token.split('.');
  if (extra !== undefined || !key || !slotText || !mac) return null;
  if (key.length !== KEY_LENGTH || !B64URL.test(key) || mac.length !== MAC_LENGTH || !B64URL.test(mac)) return null;
  if (!/^[0-9a-z]{1,8}$/.test(slotText)) return null;
  return { key, slot: parseInt(slotText, 36), mac };
}

export function kindOfKey(key: string): CheckinKind | null {
  if (key.startsWith(KEY_PREFIX.activity)) return 'activity';
  if (key.startsWith(KEY_PREFIX.session)) return 'session';
  if (key.startsWith(KEY_PREFIX.meeting)) return 'meeting';
  return null;
}

/** 'fresh': this slot or the previous one; 'expired': older; 'future': not issued yet (refused too). */
export function slotFreshness(slot: number, nowMs: number): 'fresh' | 'expired' | 'future' {
  const current = slotOf(nowMs);
  if (slot > current) return 'future';
  return current - slot <= 1 ? 'fresh' : 'expired';
}

// --- deterministic ids ---

export function checkinId(kind: CheckinKind, targetId: string, memberId: string): string {
  return `${kind}~${targetId}~${memberId}`;
}

/** The credit of one session for one member; a correction after a reversal is the next revision. */
export function creditId(sessionId: string, memberId: string, revision = 0): string {
  return `credit~${sessionId}~${memberId}~${revision}`;
}

export function reversalId(entryId: string): string {
  return `reverse~${entryId}`;
}

export function parseCreditId(id: string): { sessionId: string; memberId: string; revision: number } | null {
  const [tag, sessionId, memberId, revision, extra] = id.split('~');
  if (tag !== 'credit' || extra !== undefined || !sessionId || !memberId || !revision || !/^\d{1,3}$/.test(revision)) return null;
  return { sessionId, memberId, revision: Number(revision) };
}

/** The rule of volunteer hours in words, as 我的 shows it beside the balance. */
export function hoursRuleText(settings: Pick<TimeBankSettings, 'rounding' | 'presencePercent'>): string {
  const steps = settings.rounding.steps.map((s) => `满${s.fromMinute}分钟计${s.hours}小时`).join('，');
  return `参加志愿服务签到、签退，在岗满计划时长的${settings.presencePercent}%才计入；整小时照计，不满一小时的部分${steps}`;
}
