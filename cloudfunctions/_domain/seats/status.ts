/** The member's own standing on one target, and what the button under it offers (MyStatus). */
import type { MyStatus } from '../../../src/shared/contracts-enrollment';
import type { ActivityDoc, EnrollmentDoc, EnrollmentSettingsDoc } from '../../../src/shared/documents';
import {
  CANCEL_WORDS,
  cancelIntentOf,
  holdsPlace,
  nextStep,
  SIGN_UP_WORDS,
  type SignUpIntent,
} from '../../../src/shared/enroll-intent';
import { activityCancelBlock, placementOf, seatsLeft, stateLabel, type MyState } from '../../../src/shared/enrollment-rules';
import { isUndrawnLottery, lineOf, postHolding, signUpBlock, type Target } from './targets';

export interface StatusInput {
  target: Target;
  enrollment: EnrollmentDoc | null;
  memberId: string;
  now: Date;
  settings: EnrollmentSettingsDoc;
  /** courses: how many the member already has this term (this one excluded) */
  termUsed?: number;
  /** team screens without an enrollment: no post chosen yet */
  postId?: string | null;
}

export function stateOf(input: StatusInput): { state: MyState; position: number | null } {
  const { target, enrollment, memberId } = input;
  if (!enrollment || enrollment.status === 'cancelled') {
    // in the line without an active enrollment: a sign-up that died after taking its place; tapping again finishes it
    if (lineOf(target, enrollment?.postId ?? postHolding(target, memberId))?.line.includes(memberId)) return { state: 'incomplete', position: null };
    return { state: enrollment ? 'cancelled' : 'none', position: null };
  }
  if (enrollment.status !== 'active') return { state: enrollment.status, position: null };
  const ref = lineOf(target, enrollment.postId);
  if (!ref || !ref.line.includes(memberId)) return { state: 'incomplete', position: null };
  if (isUndrawnLottery(target)) return { state: 'entered', position: null };
  const placement = placementOf(ref.line, memberId, ref.seats, ref.counter);
  if (!placement) return { state: 'incomplete', position: null };
  return placement.state === 'enrolled' ? { state: 'enrolled', position: null } : { state: 'waitlisted', position: placement.position };
}

export function cancelCutoffHours(activity: ActivityDoc, settings: EnrollmentSettingsDoc): number {
  return activity.cancelCutoffHours ?? settings.activityCancelCutoffHours;
}

/** Why the member may not cancel now, or null. */
export function cancelBlock(target: Target, now: Date, settings: EnrollmentSettingsDoc): string | null {
  if (target.kind !== 'activity') return null;
  return activityCancelBlock(now, new Date(target.doc.startAt), cancelCutoffHours(target.doc, settings));
}

/** What signing up does now. A team without a post chosen: a post's own button says (postIntent). */
function signUpIntent(input: StatusInput): SignUpIntent {
  const { target } = input;
  if (target.kind === 'association') return target.doc.joinMode === 'approval' ? 'apply' : 'join';
  if (isUndrawnLottery(target)) return 'enterLottery';
  const ref = lineOf(target, input.enrollment?.postId ?? input.postId ?? null);
  if (ref && ref.seats !== null && seatsLeft(ref.seats, ref.counter) === 0) return 'waitlist';
  return 'signUp';
}

export function myStatus(input: StatusInput): MyStatus {
  const { target, enrollment, now, settings } = input;
  const kind = target.kind;
  const { state, position } = stateOf(input);
  const holds = holdsPlace(state);
  let blockedReason: string | null = null;
  let canSignUp = false;
  let canCancel = false;
  if (holds && state !== 'incomplete') {
    blockedReason = cancelBlock(target, now, settings);
    canCancel = blockedReason === null;
  } else {
    const block = signUpBlock(target, now);
    const limit = settings.courseLimitPerTerm;
    if (block) blockedReason = block.reason;
    else if (kind === 'course' && state !== 'incomplete' && (input.termUsed ?? 0) >= limit) blockedReason = `本学期已报满${limit}门`;
    canSignUp = blockedReason === null;
    canCancel = state === 'incomplete';
  }
  const signUp = signUpIntent(input);
  const cancel = cancelIntentOf(kind, state);
  return {
    enrollmentId: enrollment?._id ?? null,
    state,
    label: stateLabel(kind, state, position),
    waitlistPosition: position,
    postId: enrollment && enrollment.status !== 'cancelled' ? enrollment.postId : null,
    next: nextStep(kind, state, position),
    canSignUp,
    signUpIntent: signUp,
    signUpText: SIGN_UP_WORDS[signUp],
    canCancel,
    cancelIntent: cancel,
    cancelText: CANCEL_WORDS[cancel],
    blockedReason,
  };
}
