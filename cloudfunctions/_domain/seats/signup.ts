/**
 * signUp, shared by the enrollment function and walk-ups at the venue (checkin). Three database requests on the
 * way that matters (the account read by createHandler, the line push, the enrollment's insert), plus one cached
 * target read per warm instance:
 *  1. one conditional update pushes the member onto the target's line if the window is still open and they are
 *     not in it yet (place.ts), answering the line after the push: place or waitlist position, and its version;
 *  2. the enrollment follows at that version: inserted under its deterministic _id (a double tap or retry can
 *     never make two; for a course the unique termSlot holds the per-term limit), or an old one reopened.
 * If the enrollment cannot follow (the per-term limit), the member leaves the line again. Associations that need
 * approval take no place until approved (approvals in the enrollment function).
 */
import type { MyStatus, SignUpRequest } from '../../../src/shared/contracts-enrollment';
import type { EnrollmentDoc, EnrollmentSettingsDoc } from '../../../src/shared/documents';
import { enrollmentId, termSlot } from '../../../src/shared/enrollment-rules';
import { CodedError } from '../../../src/shared/errors';
import { recordIfOnBehalf, type Actor } from '../../_lib/actor';
import { duplicateIndexOf } from '../../_lib/atomic';
import type { Cloud, Db } from '../../_lib/db';
import { insertOne } from '../../_lib/writes';
import { insertCounted, updateCounted } from '../tallies/tally';
import type { Cached } from './cache';
import { announcePromotion } from './notify';
import { follow, pullFrom, pushOnto } from './place';
import { myStatus } from './status';
import { lineOf, loadTarget, seatRevOf, SIGN_UP, titleOf, type SeatRule, type Target } from './targets';

export interface SeatDeps {
  db: Db;
  cache: Cached;
  now: Date;
  cloud: Cloud;
}

type Fresh = Omit<EnrollmentDoc, 'termSlot'>;

function slotsFor(doc: Pick<EnrollmentDoc, '_id' | 'kind' | 'memberId' | 'termId'>, settings: EnrollmentSettingsDoc): string[] {
  if (doc.kind !== 'course' || !doc.termId) return [doc._id];
  return Array.from({ length: settings.courseLimitPerTerm }, (_, i) => termSlot(doc.memberId, doc.termId as string, i + 1));
}

const termLimit = (settings: EnrollmentSettingsDoc) =>
  new CodedError('ENROLL.TERM_LIMIT', `本学期最多报名${settings.courseLimitPerTerm}门课程（含候补），已经报满了。可以先取消一门再报`);

/** Inserts a new enrollment, taking the first free term slot; null when the _id exists already. */
async function insertNew(db: Db, doc: Fresh, settings: EnrollmentSettingsDoc): Promise<EnrollmentDoc | null> {
  for (const slot of slotsFor(doc, settings)) {
    const full: EnrollmentDoc = { ...doc, termSlot: slot };
    try {
      await insertOne(db, 'enrollments', { ...full });
      return full;
    } catch (error) {
      const index = duplicateIndexOf(error);
      if (index === '_id_') return null;
      if (index !== 'termSlot_unique') throw error;
    }
  }
  throw termLimit(settings);
}

/** The fields a reopened enrollment takes from the fresh sign-up. */
const reopened = (fresh: Fresh) => ({
  status: fresh.status, postId: fresh.postId, title: fresh.title, byOpenid: fresh.byOpenid, updatedAt: fresh.updatedAt,
  decidedBy: null, rejectReason: null, promotedAt: null,
});

/**
 * The enrollment follows the line at version `rev` (the member stands in it): a new one, or a cancelled or
 * rejected one reopened; `changed` is false when it was active already (a double tap) or a newer write won.
 */
async function followIn(db: Db, fresh: Fresh, rev: number, settings: EnrollmentSettingsDoc): Promise<{ doc: EnrollmentDoc; changed: boolean }> {
  const created = await insertNew(db, { ...fresh, seatRev: rev }, settings);
  if (created) return { doc: created, changed: true };
  for (const slot of slotsFor(fresh, settings)) {
    try {
      const landed = await follow(db, fresh._id, rev, { ...reopened(fresh), termSlot: slot }, { status: db.command.nin(['active', 'pending']) });
      const doc = await db.byId<EnrollmentDoc>('enrollments', fresh._id);
      if (!doc) throw new CodedError('ENROLL.BUSY');
      return { doc, changed: landed };
    } catch (error) {
      if (duplicateIndexOf(error) !== 'termSlot_unique') throw error;
    }
  }
  throw termLimit(settings);
}

/** Approval associations: the join request (pending), made or reopened with its tally (tallies/tally.ts); no place until approved. */
async function request(db: Db, fresh: Fresh): Promise<{ doc: EnrollmentDoc; changed: boolean }> {
  const created: EnrollmentDoc = { ...fresh, termSlot: fresh._id };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await insertCounted(db, 'enrollments', { ...created })) return { doc: created, changed: true };
    const existing = await db.byId<EnrollmentDoc>('enrollments', fresh._id);
    if (!existing) continue;
    if (existing.status === 'active' || existing.status === 'pending') return { doc: existing, changed: false };
    const updated = await updateCounted(db, 'enrollments', { _id: existing._id, status: existing.status }, { ...reopened(fresh), termSlot: existing._id });
    if (updated) return { doc: { ...existing, ...reopened(fresh), termSlot: existing._id }, changed: true };
  }
  throw new CodedError('ENROLL.BUSY');
}

export interface SignedUp {
  me: MyStatus;
  /** the target as the sign-up left it */
  target: Target;
  enrollment: EnrollmentDoc;
}

export async function signUp(deps: SeatDeps, actor: Actor, input: SignUpRequest, rule: SeatRule = SIGN_UP): Promise<SignedUp> {
  const { db, cache, now } = deps;
  const postId = input.kind === 'team' ? (input.postId ?? null) : null;
  const [target, settings] = await Promise.all([cache.target(input.kind, input.targetId), cache.settings()]);
  if (!target || !lineOf(target, postId)) throw new CodedError('DATA.NOT_FOUND');
  rule.assertOpen(target, now);

  const needsApproval = target.kind === 'association' && target.doc.joinMode === 'approval';
  const fresh: Fresh = {
    _id: enrollmentId(target.kind, target.id, actor.memberId),
    kind: target.kind,
    targetId: target.id,
    postId,
    memberId: actor.memberId,
    termId: target.kind === 'course' ? target.doc.termId : null,
    status: needsApproval ? 'pending' : 'active',
    title: titleOf(target, postId),
    createdAt: now,
    updatedAt: now,
    byOpenid: actor.account.openid,
  };
  let after = target;
  let outcome: { doc: EnrollmentDoc; changed: boolean };
  if (needsApproval) {
    outcome = await request(db, fresh);
  } else {
    after = await pushOnto(db, target, postId, actor.memberId, rule, now);
    try {
      outcome = await followIn(db, fresh, seatRevOf(after), settings);
    } catch (error) {
      // The enrollment could not follow (the per-term limit): the member leaves the line again.
      const current = await loadTarget(db, target.kind, target.id);
      if (current) {
        const { target: left, promoted } = await pullFrom(db, current, postId, actor.memberId);
        if (promoted) await announcePromotion(db, deps.cloud, left, postId, promoted);
      }
      throw error;
    }
  }
  if (outcome.changed) await recordIfOnBehalf(db, actor, 'enrollment.signUp', `替您报名：${fresh.title}`);
  const me = myStatus({ target: after, enrollment: outcome.doc, memberId: actor.memberId, now, settings });
  return { me, target: after, enrollment: outcome.doc };
}
