/**
 * One atomic truth for a place. The target's line is the truth: it changes only by one conditional update that
 * pushes or pulls one member, moves the counter by the same one and bumps the target's `seatRev`, answering the
 * target as it is after the write. The member's enrollment then follows the line: its status is written as the
 * line at that version says (in the line = active, out of it = cancelled), and only if no write of a newer
 * version landed first (follow). So whatever the interleaving of sign-ups, cancels, approvals, promotions, draws
 * and removals, once the calls have answered, `taken == line.length ==` the active enrollments, and each
 * member's status is their place in the line: the last change of a member's place is also the newest version
 * any write about them carries.
 */
import type { EnrollmentDoc } from '../../../src/shared/documents';
import { promotedAfterRemoval } from '../../../src/shared/enrollment-rules';
import { CodedError } from '../../../src/shared/errors';
import { updateOneAndReturn } from '../../_lib/atomic';
import type { Db } from '../../_lib/db';
import { updateWhere } from '../../_lib/writes';
import {
  COLLECTION_OF,
  isUndrawnLottery,
  lineOf,
  loadTarget,
  postHolding,
  withDoc,
  type SeatRule,
  type Target,
} from './targets';

const MAX_ATTEMPTS = 40;

/**
 * Pushes the member onto the line under `rule` (idempotent: never twice, and on a team never onto a second post);
 * answers the target after the push, or as found when the member stood in the line already.
 */
export async function pushOnto(db: Db, target: Target, postId: string | null, memberId: string, rule: SeatRule, now: Date): Promise<Target> {
  const ref = lineOf(target, postId);
  if (!ref) throw new CodedError('DATA.NOT_FOUND');
  const _ = db.command;
  const notInTeam = target.kind === 'team' ? { 'posts.line': _.neq(memberId) } : {};
  const after = await updateOneAndReturn<unknown>(
    db,
    COLLECTION_OF[target.kind],
    { _id: target.id, ...ref.guard, [ref.linePath]: _.neq(memberId), ...notInTeam, ...rule.where(target, db, now) },
    { [ref.linePath]: _.push(memberId), [ref.counterPath]: _.inc(1), seatRev: _.inc(1) },
  );
  if (after) return withDoc(target, after);
  // Nothing matched: already in the line (a concurrent tap), on another post, closed meanwhile, or gone.
  const current = await loadTarget(db, target.kind, target.id);
  const currentRef = current && lineOf(current, postId);
  if (!current || !currentRef) throw new CodedError('DATA.NOT_FOUND');
  if (currentRef.line.includes(memberId)) return current;
  if (postHolding(current, memberId)) throw new CodedError('ENROLL.ONE_POST', '您已报名本队的另一个岗位，如要换岗请先退出原岗位');
  rule.assertOpen(current, now);
  throw new CodedError('ENROLL.BUSY');
}

export interface Pulled {
  /** the target after the member left (or as read, when they were not in the line) */
  target: Target;
  /** who moved from the waitlist into the freed place, if anyone */
  promoted: string | null;
}

/**
 * Takes the member out of the line by one conditional update naming the index they stand at (so the removed
 * index, and with it who moved up, is known from the answer alone); if the line moved meanwhile, re-reads and
 * retries. `fresh` must be a fresh read of the target.
 */
export async function pullFrom(db: Db, fresh: Target, postId: string | null, memberId: string): Promise<Pulled> {
  let target = fresh;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ref = lineOf(target, postId);
    const index = ref ? ref.line.indexOf(memberId) : -1;
    if (!ref || index < 0) return { target, promoted: null };
    const after = await updateOneAndReturn<unknown>(
      db,
      COLLECTION_OF[target.kind],
      { _id: target.id, ...ref.guard, [`${ref.linePath}.${index}`]: memberId },
      { [ref.linePath]: db.command.pull(memberId), [ref.counterPath]: db.command.inc(-1), seatRev: db.command.inc(1) },
    );
    if (after) {
      const next = withDoc(target, after);
      const afterRef = lineOf(next, postId);
      const promoted =
        afterRef && afterRef.seats !== null && !isUndrawnLottery(next)
          ? promotedAfterRemoval(afterRef.line, index, afterRef.seats, afterRef.counter)
          : null;
      return { target: next, promoted };
    }
    const reread = await loadTarget(db, target.kind, target.id);
    if (!reread) return { target, promoted: null };
    target = reread;
  }
  throw new CodedError('ENROLL.BUSY');
}

/** Whether the member stands in the target's line (the post's, for a team). */
export function inLine(target: Target, postId: string | null, memberId: string): boolean {
  return lineOf(target, postId)?.line.includes(memberId) ?? false;
}

/**
 * Writes an enrollment's fields as the line at version `rev` says, unless a write of a version at least as new
 * landed first. Answers whether it landed. `extra` narrows which enrollments may be written (e.g. not pending).
 */
export async function follow(db: Db, enrollmentId: string, rev: number, data: Partial<EnrollmentDoc>, extra: Record<string, unknown> = {}): Promise<boolean> {
  const _ = db.command;
  const where = { _id: enrollmentId, ...extra, seatRev: _.or(_.lt(rev), _.exists(false)) };
  return (await updateWhere(db, 'enrollments', where, { ...data, seatRev: rev })) > 0;
}

/** The fields of an enrollment whose member stands outside the line at `target`'s version. */
export function outOfLine(enrollmentId: string, now: Date, byOpenid: string): Partial<EnrollmentDoc> {
  return { status: 'cancelled', termSlot: enrollmentId, updatedAt: now, byOpenid };
}
