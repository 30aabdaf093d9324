/**
 * signUp: at most three database requests on the way that matters (the account read by createHandler, this
 * enrollment's insert, the line push), plus one cached target read per warm instance:
 *  1. insert the enrollment under its deterministic _id: a double tap or retry can never make two, and for a
 *     course the unique termSlot holds the per-term limit;
 *  2. one conditional update pushes the member onto the target's line if the window is still open and they are
 *     not in it yet, answering the line as it is after the push: place or waitlist position, never read-then-write.
 * Dying between 1 and 2 leaves an active enrollment that holds no place ('incomplete'); tapping again finishes it.
 */
import type { MyStatus, SignUpRequest } from '../../src/shared/contracts-enrollment';
import type { AssociationDoc, CourseDoc, EnrollmentDoc, EnrollmentSettingsDoc } from '../../src/shared/documents';
import { enrollmentId, termSlot, type EnrollKind } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import { recordIfOnBehalf, type Actor } from '../_lib/actor';
import { duplicateIndexOf, updateOneAndReturn } from '../_lib/atomic';
import type { Db } from '../_lib/db';
import { insertOne, updateWhere } from '../_lib/writes';
import type { Cached } from './cache';
import { myStatus } from './status';
import {
  COLLECTION_OF,
  SIGN_UP,
  lineOf,
  loadTarget,
  titleOf,
  type SeatRule,
  type TargetDoc,
} from './targets';

export interface Deps {
  db: Db;
  cache: Cached;
  now: Date;
}

function slotsFor(doc: Pick<EnrollmentDoc, '_id' | 'kind' | 'memberId' | 'termId'>, settings: EnrollmentSettingsDoc): string[] {
  if (doc.kind !== 'course' || !doc.termId) return [doc._id];
  return Array.from({ length: settings.courseLimitPerTerm }, (_, i) => termSlot(doc.memberId, doc.termId as string, i + 1));
}

/** Inserts a new enrollment, taking the first free term slot; null when the _id exists already. */
async function insertNew(db: Db, doc: Omit<EnrollmentDoc, 'termSlot'>, settings: EnrollmentSettingsDoc): Promise<EnrollmentDoc | null> {
  for (const slot of slotsFor(doc, settings)) {
    const full = { ...doc, termSlot: slot };
    try {
      await insertOne(db, 'enrollments', full as unknown as Record<string, unknown>);
      return full;
    } catch (error) {
      const index = duplicateIndexOf(error);
      if (index === '_id_') return null;
      if (index !== 'termSlot_unique') throw error;
    }
  }
  throw new CodedError('ENROLL.TERM_LIMIT', `本学期最多报名${settings.courseLimitPerTerm}门课程（含候补），已经报满了。可以先取消一门再报`);
}

/** Turns a cancelled or rejected enrollment active (or pending) again, taking a term slot. */
async function reopen(db: Db, existing: EnrollmentDoc, fresh: Omit<EnrollmentDoc, 'termSlot'>, settings: EnrollmentSettingsDoc): Promise<boolean> {
  for (const slot of slotsFor(existing, settings)) {
    try {
      const updated = await updateWhere(db, 'enrollments', { _id: existing._id, status: existing.status }, {
        status: fresh.status,
        termSlot: slot,
        postId: fresh.postId,
        title: fresh.title,
        byOpenid: fresh.byOpenid,
        updatedAt: fresh.updatedAt,
        decidedBy: null,
        rejectReason: null,
        promotedAt: null,
      });
      return updated === 1;
    } catch (error) {
      if (duplicateIndexOf(error) !== 'termSlot_unique') throw error;
    }
  }
  throw new CodedError('ENROLL.TERM_LIMIT', `本学期最多报名${settings.courseLimitPerTerm}门课程（含候补），已经报满了。可以先取消一门再报`);
}

/** The enrollment as it now stands: newly made, an existing live one (idempotent), or a reopened old one. */
async function claim(db: Db, fresh: Omit<EnrollmentDoc, 'termSlot'>, settings: EnrollmentSettingsDoc): Promise<{ doc: EnrollmentDoc; created: boolean; changed: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const created = await insertNew(db, fresh, settings);
    if (created) return { doc: created, created: true, changed: true };
    const existing = await db.byId<EnrollmentDoc>('enrollments', fresh._id);
    if (!existing) continue; // removed meanwhile (a rolled-back attempt): insert again
    if (existing.status === 'active' || existing.status === 'pending') {
      if (existing.kind === 'team' && existing.postId !== fresh.postId) {
        throw new CodedError('ENROLL.ONE_POST', `您已报名本队的另一个岗位，如要换岗请先退出原岗位`);
      }
      return { doc: existing, created: false, changed: false };
    }
    if (await reopen(db, existing, fresh, settings)) {
      return { doc: { ...existing, ...fresh, termSlot: existing.termSlot }, created: false, changed: true };
    }
  }
  throw new CodedError('ENROLL.BUSY');
}

/** Pushes the member onto the target's line (idempotent) under `rule`; answers the target after the push. */
export async function place(deps: Deps, enrollment: EnrollmentDoc, cachedTarget: TargetDoc, rule: SeatRule = SIGN_UP): Promise<TargetDoc> {
  const { db, now } = deps;
  const kind = enrollment.kind;
  const ref = lineOf(kind, cachedTarget, enrollment.postId);
  if (!ref) throw new CodedError('DATA.NOT_FOUND');
  const _ = db.command;
  const after = await updateOneAndReturn<TargetDoc>(
    db,
    COLLECTION_OF[kind],
    { _id: enrollment.targetId, ...ref.guard, [ref.linePath]: _.neq(enrollment.memberId), ...rule.where(kind, db, now, cachedTarget) },
    { [ref.linePath]: _.push(enrollment.memberId), [ref.counterPath]: _.inc(1) },
  );
  if (after) return after;
  // Nothing matched: already in the line (a concurrent tap), closed meanwhile, or gone.
  const current = await loadTarget(db, kind, enrollment.targetId);
  const currentRef = current && lineOf(kind, current, enrollment.postId);
  if (current && currentRef?.line.includes(enrollment.memberId)) return current;
  if (!current || !currentRef) throw new CodedError('DATA.NOT_FOUND');
  rule.assertOpen(kind, current, now);
  throw new CodedError('ENROLL.BUSY');
}

export async function signUp(deps: Deps, actor: Actor, input: SignUpRequest, rule: SeatRule = SIGN_UP): Promise<{ me: MyStatus }> {
  const { db, cache, now } = deps;
  const kind: EnrollKind = input.kind;
  const postId = kind === 'team' ? (input.postId ?? null) : null;
  const [target, settings] = await Promise.all([cache.target(kind, input.targetId), cache.settings()]);
  if (!target || !lineOf(kind, target, postId)) throw new CodedError('DATA.NOT_FOUND');
  rule.assertOpen(kind, target, now);

  const needsApproval = kind === 'association' && (target as AssociationDoc).joinMode === 'approval';
  const fresh: Omit<EnrollmentDoc, 'termSlot'> = {
    _id: enrollmentId(kind, input.targetId, actor.memberId),
    kind,
    targetId: input.targetId,
    postId,
    memberId: actor.memberId,
    termId: kind === 'course' ? (target as CourseDoc).termId : null,
    status: needsApproval ? 'pending' : 'active',
    title: titleOf(kind, target, postId),
    createdAt: now,
    updatedAt: now,
    byOpenid: actor.account.openid,
  };
  const { doc, created, changed } = await claim(db, fresh, settings);
  let current: TargetDoc = target;
  if (doc.status === 'active') {
    try {
      current = await place(deps, doc, target, rule);
    } catch (error) {
      // The sign-up did not happen (closed meanwhile): leave no trace of this attempt.
      if (created) await db.raw.collection('enrollments').where({ _id: doc._id, status: 'active' }).remove();
      throw error;
    }
  }
  if (changed) await recordIfOnBehalf(db, actor, 'enrollment.signUp', `替您报名：${fresh.title}`);
  return { me: myStatus({ kind, target: current, enrollment: doc, memberId: actor.memberId, now, settings }) };
}
