/**
 * What one checks in to: an activity (活动) or a volunteer service session (志愿服务场次). Loading by id or by the
 * key a venue code carries, the check-in window, and the view the screens show. Scans read targets through a
 * 2-second single-flight cache (static facts only: who holds a place is re-read).
 */
import type { CheckinTargetView } from '../../src/shared/contracts-checkin';
import type { ActivityDoc, BranchMeetingDoc, ServiceSessionDoc } from '../../src/shared/documents';
import { beijingText } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import {
  CHECKOUT_GRACE_MINUTES,
  checkinWindow,
  kindOfKey,
  phaseOf,
  type CheckinKind,
  type Window,
} from '../../src/shared/timebank-rules';
import { toIso, type Db } from '../_lib/db';
import { singleFlight } from '../_lib/single-flight';
import { updateWhere } from '../_lib/writes';
import { keyOf } from './token';

export type CheckinTarget =
  | { kind: 'activity'; id: string; doc: ActivityDoc }
  | { kind: 'session'; id: string; doc: ServiceSessionDoc }
  | { kind: 'meeting'; id: string; doc: BranchMeetingDoc };

const COLLECTION = { activity: 'activities', session: 'serviceSessions', meeting: 'branchMeetings' } as const;

/** The target of `kind` matching `where` (at most one), typed by its kind. */
async function findOf(db: Db, kind: CheckinKind, where: Record<string, unknown>): Promise<CheckinTarget | null> {
  if (kind === 'activity') {
    const doc = await db.findOne<ActivityDoc>('activities', where);
    return doc && { kind, id: doc._id, doc };
  }
  if (kind === 'meeting') {
    const doc = await db.findOne<BranchMeetingDoc>('branchMeetings', where);
    return doc && { kind, id: doc._id, doc };
  }
  const doc = await db.findOne<ServiceSessionDoc>('serviceSessions', where);
  return doc && { kind, id: doc._id, doc };
}

export async function loadTarget(db: Db, kind: CheckinKind, id: string): Promise<CheckinTarget> {
  const target = await findOf(db, kind, { _id: id });
  if (!target) throw new CodedError('DATA.NOT_FOUND');
  return target;
}

/** Gives the target its code key once (the key is a function of kind and id, so a race writes the same value). */
export async function ensureKey(db: Db, target: CheckinTarget): Promise<string> {
  const key = keyOf(target.kind, target.id);
  if (target.doc.checkinKey !== key) await updateWhere(db, COLLECTION[target.kind], { _id: target.id }, { checkinKey: key });
  return key;
}

async function findByKey(db: Db, key: string): Promise<CheckinTarget | null> {
  const kind = kindOfKey(key);
  if (!kind) return null;
  return findOf(db, kind, { checkinKey: key });
}

const byKeyCaches = new WeakMap<Db, (key: string) => Promise<CheckinTarget | null>>();

/** The target a code's key names, through the per-instance cache. */
export function targetByKey(db: Db, key: string): Promise<CheckinTarget | null> {
  let cached = byKeyCaches.get(db);
  if (!cached) byKeyCaches.set(db, (cached = singleFlight((k) => findByKey(db, k), 2000)));
  return cached(key);
}

export function isCancelled(target: CheckinTarget): boolean {
  return target.kind === 'activity' ? target.doc.status !== 'published' : target.doc.status !== 'scheduled';
}

export function windowOf(target: CheckinTarget): Window {
  return checkinWindow(target.doc);
}

/** Check-out of a session: until a grace period after the scheduled end. */
export function checkoutClosesAt(target: CheckinTarget): Date {
  return new Date(new Date(target.doc.endAt).getTime() + CHECKOUT_GRACE_MINUTES * 60_000);
}

/** Refuses a check-in outside the window (or at a cancelled target), in plain words. */
export function assertWindowOpen(target: CheckinTarget, now: Date): void {
  if (isCancelled(target)) throw new CodedError('CHECKIN.CLOSED', { activity: '活动已取消', session: '这场服务已取消', meeting: '这次会议已取消' }[target.kind]);
  const window = windowOf(target);
  const phase = phaseOf(window, now);
  if (phase === 'notYet') throw new CodedError('CHECKIN.NOT_OPEN', `签到还没有开始，${beijingText(window.opensAt)} 开始签到`);
  if (phase === 'closed') throw new CodedError('CHECKIN.CLOSED');
}

export function titleOf(target: CheckinTarget): string {
  if (target.kind === 'meeting') return `${target.doc.branchName}·${target.doc.title}`;
  return target.kind === 'activity' ? target.doc.title : `${target.doc.teamName}·${target.doc.title}`;
}

export function targetView(target: CheckinTarget, now: Date): CheckinTargetView {
  const window = windowOf(target);
  const phase = isCancelled(target) ? 'closed' : phaseOf(window, now);
  const text =
    phase === 'notYet' ? `${beijingText(window.opensAt)} 开始签到` : phase === 'open' ? `签到截止：${beijingText(window.closesAt)}` : '签到已结束';
  return {
    kind: target.kind,
    id: target.id,
    title: titleOf(target),
    place: target.doc.place,
    startAt: toIso(target.doc.startAt),
    endAt: toIso(target.doc.endAt),
    window: { opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString(), phase, text },
    walkUpAllowed: target.kind === 'activity' ? target.doc.walkUpAllowed : false,
    mode: target.kind === 'session' ? target.doc.mode : 'scan',
  };
}
