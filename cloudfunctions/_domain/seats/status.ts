/** The member's own standing on one target, and what the button under it offers (MyStatus). */
import type { MyStatus } from '../../../src/shared/contracts-enrollment';
import type { ActivityDoc, EnrollmentDoc, EnrollmentSettingsDoc } from '../../../src/shared/documents';
import {
  activityCancelBlock,
  nextStep,
  placementOf,
  seatsLeft,
  stateLabel,
  type MyState,
} from '../../../src/shared/enrollment-rules';
import { isUndrawnLottery, lineOf, signUpBlock, type Target } from './targets';

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
  if (!enrollment) return { state: 'none', position: null };
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

function signUpText(input: StatusInput): string {
  const { target } = input;
  if (target.kind === 'association') return target.doc.joinMode === 'approval' ? '申请加入' : '加入协会';
  if (isUndrawnLottery(target)) return '参加摇号';
  const ref = lineOf(target, input.enrollment?.postId ?? input.postId ?? null);
  if (ref && ref.seats !== null && seatsLeft(ref.seats, ref.counter) === 0) return '排队候补';
  return '报名';
}

function cancelText(target: Target, state: MyState): string {
  if (state === 'pending') return '撤回申请';
  if (state === 'waitlisted') return '不再候补';
  if (target.kind === 'association') return '退出协会';
  if (target.kind === 'team') return '退出岗位';
  return '取消报名';
}

export function myStatus(input: StatusInput): MyStatus {
  const { target, enrollment, now, settings } = input;
  const kind = target.kind;
  const { state, position } = stateOf(input);
  const holds = state === 'enrolled' || state === 'waitlisted' || state === 'pending' || state === 'entered' || state === 'incomplete';
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
  return {
    enrollmentId: enrollment?._id ?? null,
    state,
    label: stateLabel(kind, state, position),
    waitlistPosition: position,
    postId: enrollment && enrollment.status !== 'cancelled' ? enrollment.postId : null,
    next: nextStep(kind, state, position),
    canSignUp,
    signUpText: signUpText(input),
    canCancel,
    cancelText: cancelText(target, state),
    blockedReason,
  };
}
