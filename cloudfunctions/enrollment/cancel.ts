/**
 * cancel: frees exactly one place exactly once. The member leaves the line by one conditional update (seats
 * place.ts), the first waitlisted moving into the freed place in that same write, and the enrollment then follows
 * the line at that version (a concurrent sign-up of the same member that put them back wins only with a newer
 * version, so the line and the enrollment never disagree). The promoted member is told by a subscribe message.
 */
import type { MyStatus } from '../../src/shared/contracts-enrollment';
import type { EnrollmentDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { recordIfOnBehalf, type Actor } from '../_lib/actor';
import { updateCounted } from '../_domain/tallies/tally';
import { announcePromotion } from '../_domain/seats/notify';
import { follow, inLine, outOfLine, pullFrom } from '../_domain/seats/place';
import type { SeatDeps } from '../_domain/seats/signup';
import { cancelBlock, myStatus } from '../_domain/seats/status';
import { loadTarget, seatRevOf, type Target } from '../_domain/seats/targets';

export interface Cancelled {
  me: MyStatus;
  target: Target;
  enrollment: EnrollmentDoc;
}

export async function cancel(deps: SeatDeps, actor: Actor, enrollmentId: string): Promise<Cancelled> {
  const { db, cache, now } = deps;
  const enrollment = await db.byId<EnrollmentDoc>('enrollments', enrollmentId);
  // someone else's enrollment is answered exactly like a missing one
  if (!enrollment || enrollment.memberId !== actor.memberId) throw new CodedError('DATA.NOT_FOUND');
  const [target, settings] = await Promise.all([loadTarget(db, enrollment.kind, enrollment.targetId), cache.settings()]);
  if (!target) throw new CodedError('DATA.NOT_FOUND');
  const answer = (doc: EnrollmentDoc, current: Target): Cancelled =>
    ({ me: myStatus({ target: current, enrollment: doc, memberId: actor.memberId, now, settings }), target: current, enrollment: doc });
  const done = { ...enrollment, ...outOfLine(enrollment._id, now, actor.account.openid) };

  const standing = inLine(target, enrollment.postId, actor.memberId);
  if (enrollment.status === 'rejected' || (enrollment.status === 'cancelled' && !standing)) return answer(enrollment, target);
  const block = cancelBlock(target, now, settings);
  if (block) throw new CodedError('ENROLL.CANCEL_CLOSED', block);

  if (enrollment.status === 'pending') {
    // a join request: no place to free (unless it was approved meanwhile: then leave the line below)
    const withdrawn = await updateCounted(db, 'enrollments', { _id: enrollment._id, status: 'pending' }, outOfLine(enrollment._id, now, actor.account.openid));
    if (withdrawn) {
      await recordIfOnBehalf(db, actor, 'enrollment.cancel', `替您取消了报名：${enrollment.title}`);
      return answer(done, target);
    }
  }
  const { target: after, promoted } = await pullFrom(db, target, enrollment.postId, actor.memberId);
  const landed = await follow(db, enrollment._id, seatRevOf(after), outOfLine(enrollment._id, now, actor.account.openid), {
    status: db.command.neq('pending'),
  });
  if (promoted) await announcePromotion(db, deps.cloud, after, enrollment.postId, promoted);
  if (landed && enrollment.status !== 'cancelled') await recordIfOnBehalf(db, actor, 'enrollment.cancel', `替您取消了报名：${enrollment.title}`);
  return answer(done, after);
}
