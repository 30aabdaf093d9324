/**
 * scan: the member's phone sends the venue code it scanned. The code names its target and must be fresh (this
 * or the previous 30-second slot); then the member is checked in (attend.ts). At a volunteer session, scanning
 * the code again at least 10 minutes later checks out: the minutes present inside the scheduled time are recorded
 * once (conditional on no check-out yet) and the hours credited by the rules (ledger.ts). A helper may scan for
 * their member at an activity (they are there together: the code changes every 30 seconds), never for a service.
 */
import type { CreditView, ScanData } from '../../src/shared/contracts-checkin';
import type { AccountDoc, CheckinDoc } from '../../src/shared/documents';
import { beijingText } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import type { Screen } from '../../src/shared/screen';
import { checkinId, hoursText, parseToken, presentMinutes } from '../../src/shared/timebank-rules';
import { resolveActor } from '../_lib/actor';
import { toIso, type Cloud, type Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';
import type { Cached } from '../_domain/seats/cache';
import { attend } from './attend';
import { creditSession } from './ledger';
import { checkoutClosesAt, targetByKey, targetView, type CheckinTarget } from './targets';
import { assertTokenFor, secretOf } from './token';

/** A second scan sooner than this after checking in is a double scan, not a check-out. */
export const MIN_SERVICE_MINUTES = 10;

interface ScanContext {
  db: Db;
  cache: Cached;
  cloud: Cloud;
  now: Date;
  account: AccountDoc;
}

type SessionTarget = Extract<CheckinTarget, { kind: 'session' }>;

const HEADLINES: Record<ScanData['outcome'], string> = {
  checkedIn: '签到成功',
  already: '您已签到',
  checkedOut: '签退成功',
  alreadyOut: '您已签退',
};

async function creditOf(ctx: ScanContext, target: SessionTarget, doc: CheckinDoc): Promise<CreditView> {
  const minutes = doc.presentMinutes ?? 0;
  if (target.doc.mode !== 'scan') {
    return { credited: false, hours: 0, minutes, reason: '这场服务的时长由队长或老干部局确认' };
  }
  const { credit } = await creditSession(ctx.db, {
    session: target.doc, memberId: doc.memberId, minutes, source: 'scan', by: ctx.account, now: ctx.now,
  });
  return credit;
}

async function checkOut(ctx: ScanContext, target: SessionTarget, doc: CheckinDoc): Promise<{ doc: CheckinDoc; first: boolean }> {
  const { db, now } = ctx;
  if (!doc.checkOutAt && now.getTime() > checkoutClosesAt(target).getTime()) {
    throw new CodedError('CHECKIN.CLOSED', '签退时间已过，请队长或老干部局帮您确认时长');
  }
  if (doc.checkOutAt) return { doc, first: false };
  const present = presentMinutes(new Date(doc.at), now, new Date(target.doc.startAt), new Date(target.doc.endAt));
  const updated = await updateWhere(db, 'checkins', { _id: doc._id, checkOutAt: null }, { checkOutAt: now, presentMinutes: present });
  if (updated) return { doc: { ...doc, checkOutAt: now, presentMinutes: present }, first: true };
  const fresh = await db.byId<CheckinDoc>('checkins', doc._id);
  if (!fresh) throw new CodedError('DATA.NOT_FOUND');
  return { doc: fresh, first: false };
}

function detailOf(outcome: ScanData['outcome'], doc: CheckinDoc, credit: CreditView | null): string {
  const checkedIn = `签到时间 ${beijingText(new Date(doc.at))}`;
  if (!doc.checkOutAt || outcome === 'checkedIn' || outcome === 'already') return checkedIn;
  const hours = credit?.credited ? `，记入时间银行${hoursText(credit.hours)}` : credit?.reason ? `。${credit.reason}` : '';
  return `${checkedIn}，签退时间 ${beijingText(new Date(doc.checkOutAt))}，在岗${doc.presentMinutes ?? 0}分钟${hours}`;
}

export async function scan(ctx: ScanContext, token: string): Promise<Screen<ScanData>> {
  const { db, now, account } = ctx;
  const parts = parseToken(token);
  if (!parts) throw new CodedError('CHECKIN.BAD_CODE');
  const [target, secret] = await Promise.all([targetByKey(db, parts.key), secretOf(db)]);
  if (!target) throw new CodedError('CHECKIN.BAD_CODE');
  assertTokenFor(secret, target.kind, target.id, parts, now.getTime());
  const actor = resolveActor(account);
  if (target.kind === 'session' && actor.onBehalf) throw new CodedError('CHECKIN.HELPER_SERVICE');

  let outcome: ScanData['outcome'];
  let doc: CheckinDoc;
  let credit: CreditView | null = null;
  const existing = target.kind === 'session' ? await db.byId<CheckinDoc>('checkins', checkinId('session', target.id, actor.memberId)) : null;
  if (target.kind === 'session' && existing && (existing.checkOutAt || now.getTime() - new Date(existing.at).getTime() >= MIN_SERVICE_MINUTES * 60_000)) {
    const out = await checkOut(ctx, target, existing);
    outcome = out.first ? 'checkedOut' : 'alreadyOut';
    doc = out.doc;
    credit = await creditOf(ctx, target, doc); // also finishes a credit a crash left undone
  } else {
    const attended = await attend({ db, now, cache: ctx.cache, cloud: ctx.cloud, by: account }, target, actor.memberId, false);
    outcome = attended.outcome;
    doc = attended.doc;
  }
  return {
    outcome,
    target: targetView(target, now),
    memberName: doc.memberName,
    headline: HEADLINES[outcome],
    detail: detailOf(outcome, doc, credit),
    at: toIso(doc.at),
    walkUp: doc.method === 'walkUp',
    checkedOutAt: doc.checkOutAt ? toIso(doc.checkOutAt) : null,
    credit,
    actingFor: actor.onBehalf ? { memberId: actor.memberId, name: doc.memberName } : null,
  };
}
