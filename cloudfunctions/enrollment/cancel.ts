/**
 * cancel: frees exactly one place exactly once. The member leaves the line by one conditional update that names
 * the index they stand at (so the removed index, and with it who moved up, is known from the answer alone);
 * if the line moved meanwhile, the target is re-read and the update retried. The first waitlisted moves into
 * the freed place in that same write, and is then told by a subscribe message. The line is updated before the
 * enrollment is marked cancelled, so a function dying in between leaks no place (the enrollment shows
 * 'incomplete' and can be cancelled again).
 */
import type { MyStatus } from '../../src/shared/contracts-enrollment';
import type { EnrollmentDoc } from '../../src/shared/documents';
import { enrollmentId, promotedAfterRemoval } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import { recordIfOnBehalf, type Actor } from '../_lib/actor';
import { updateOneAndReturn } from '../_lib/atomic';
import type { Cloud, Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';
import { notifyMember } from './notify';
import type { Deps } from './signup';
import { cancelBlock, myStatus } from './status';
import { COLLECTION_OF, isUndrawnLottery, lineOf, loadTarget, titleOf, type TargetDoc } from './targets';

const MAX_ATTEMPTS = 40;

/** Takes the member out of the target's line; answers the target after it and who moved up (if anyone). */
async function leaveLine(db: Db, enrollment: EnrollmentDoc, start: TargetDoc): Promise<{ target: TargetDoc; promoted: string | null }> {
  const { kind, memberId } = enrollment;
  let target = start;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ref = lineOf(kind, target, enrollment.postId);
    const index = ref ? ref.line.indexOf(memberId) : -1;
    if (!ref || index < 0) return { target, promoted: null };
    const after = await updateOneAndReturn<TargetDoc>(
      db,
      COLLECTION_OF[kind],
      { _id: enrollment.targetId, ...ref.guard, [`${ref.linePath}.${index}`]: memberId },
      { [ref.linePath]: db.command.pull(memberId), [ref.counterPath]: db.command.inc(-1) },
    );
    if (after) {
      const afterRef = lineOf(kind, after, enrollment.postId);
      const promoted =
        afterRef && afterRef.seats !== null && !isUndrawnLottery(kind, after)
          ? promotedAfterRemoval(afterRef.line, index, afterRef.seats, afterRef.counter)
          : null;
      return { target: after, promoted };
    }
    const fresh = await loadTarget(db, kind, enrollment.targetId);
    if (!fresh) return { target, promoted: null };
    target = fresh;
  }
  throw new CodedError('ENROLL.BUSY');
}

/** Marks the promoted member's enrollment and tells them. */
async function announcePromotion(db: Db, cloud: Cloud, enrollment: EnrollmentDoc, target: TargetDoc, memberId: string): Promise<void> {
  const id = enrollmentId(enrollment.kind, enrollment.targetId, memberId);
  await updateWhere(db, 'enrollments', { _id: id, status: 'active' }, { promotedAt: db.serverDate() });
  await notifyMember(db, cloud, memberId, {
    template: 'promoted',
    page: `pages/enroll/mine/index`,
    what: titleOf(enrollment.kind, target, enrollment.postId),
    outcome: '候补成功',
    next: '已为您补上名额，请按时参加',
  });
}

export async function cancel(deps: Deps & { cloud: Cloud }, actor: Actor, enrollmentId: string): Promise<{ me: MyStatus }> {
  const { db, cache, now } = deps;
  const enrollment = await db.byId<EnrollmentDoc>('enrollments', enrollmentId);
  // someone else's enrollment is answered exactly like a missing one
  if (!enrollment || enrollment.memberId !== actor.memberId) throw new CodedError('DATA.NOT_FOUND');
  const [target, settings] = await Promise.all([loadTarget(db, enrollment.kind, enrollment.targetId), cache.settings()]);
  if (!target) throw new CodedError('DATA.NOT_FOUND');
  const status = (doc: EnrollmentDoc, current: TargetDoc) =>
    ({ me: myStatus({ kind: doc.kind, target: current, enrollment: doc, memberId: actor.memberId, now, settings }) });

  if (enrollment.status === 'cancelled' || enrollment.status === 'rejected') return status(enrollment, target);
  const block = cancelBlock(enrollment.kind, target, now, settings);
  if (block) throw new CodedError('ENROLL.CANCEL_CLOSED', block);

  const { target: after, promoted } = enrollment.status === 'active'
    ? await leaveLine(db, enrollment, target)
    : { target, promoted: null };
  const cancelled = await updateWhere(
    db,
    'enrollments',
    { _id: enrollment._id, status: enrollment.status },
    { status: 'cancelled', termSlot: enrollment._id, updatedAt: now, byOpenid: actor.account.openid },
  );
  if (promoted) await announcePromotion(db, deps.cloud, enrollment, after, promoted);
  if (cancelled) await recordIfOnBehalf(db, actor, 'enrollment.cancel', `替您取消了报名：${enrollment.title}`);
  return status({ ...enrollment, status: 'cancelled', termSlot: enrollment._id }, after);
}
