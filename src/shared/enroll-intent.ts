/**
 * Typed meaning of a member's sign-up standing, shared by the enrollment function and the app. The server's
 * status answer (MyStatus) carries `state` and the two intents below; clients decide behaviour by these values,
 * never by the Chinese words shown, and the words for each value live here, in one place.
 *
 * SignUpIntent: what tapping the sign-up button will do. CancelIntent: what its cancel does. Code that asks for
 * or tracks WeChat subscribe permissions (the inbox, 需电话通知) keys on SignUpIntent via `messagesAfter`.
 */
import type { EnrollKind, MyState } from './enrollment-rules';
import { TEMPLATE_SETTING, type NotifyIntent, type TemplateKey } from './messages';
import type { TemplateSettingKey } from './settings';

export type SignUpIntent =
  /** take a free place (course, activity, volunteer post) */
  | 'signUp'
  /** join an open association at once */
  | 'join'
  /** ask to join an association that needs approval: a decision follows later */
  | 'apply'
  /** no place free: queue on the waitlist; a promotion may follow later */
  | 'waitlist'
  /** a lottery course before its draw: the draw decides later */
  | 'enterLottery';

export type CancelIntent = 'cancel' | 'leaveAssociation' | 'leavePost' | 'withdraw' | 'leaveWaitlist';

export const SIGN_UP_WORDS: Record<SignUpIntent, string> = {
  signUp: '报名',
  join: '加入协会',
  apply: '申请加入',
  waitlist: '排队候补',
  enterLottery: '参加摇号',
};

export const CANCEL_WORDS: Record<CancelIntent, string> = {
  cancel: '取消报名',
  leaveAssociation: '退出协会',
  leavePost: '退出岗位',
  withdraw: '撤回申请',
  leaveWaitlist: '不再候补',
};

/** The cancel's second step, in the button's own verb: 确定取消 / 不取消, 确定退出 / 不退出, 确定撤回 / 不撤回. */
export function cancelConfirmWords(intent: CancelIntent): { confirm: string; keep: string } {
  const verb = intent === 'leaveAssociation' || intent === 'leavePost' ? '退出' : intent === 'withdraw' ? '撤回' : '取消';
  return { confirm: `确定${verb}`, keep: `不${verb}` };
}

/** The subscribe messages a sign-up with this intent may bring later (ask for their permission inside the tap). */
export type LaterMessage = Extract<TemplateKey, 'approval' | 'promoted' | 'lottery'>;

export function messagesAfter(intent: SignUpIntent): LaterMessage[] {
  if (intent === 'apply') return ['approval'];
  if (intent === 'waitlist') return ['promoted'];
  // the draw's result, and a place freed later for those waitlisted by it
  if (intent === 'enterLottery') return ['lottery', 'promoted'];
  return [];
}

/**
 * The permission sheet to show inside the sign-up tap: the bureau's template ids (member.me's bureau.templates,
 * '' where not set) for the messages this intent may bring.
 */
export function signUpNotifyIntent(intent: SignUpIntent, templates: Partial<Record<TemplateSettingKey, string>> | undefined): NotifyIntent {
  const templateIds = messagesAfter(intent)
    .map((message) => templates?.[TEMPLATE_SETTING[message]] ?? '')
    .filter((id) => id !== '');
  return { kind: 'askSubscribe', templateIds };
}

/** A volunteer post's own button: a free place, or the post's waitlist. */
export function postIntent(post: { seatsLeft: number }): SignUpIntent {
  return post.seatsLeft > 0 ? 'signUp' : 'waitlist';
}

export function cancelIntentOf(kind: EnrollKind, state: MyState): CancelIntent {
  if (state === 'pending') return 'withdraw';
  if (state === 'waitlisted') return 'leaveWaitlist';
  if (kind === 'association') return 'leaveAssociation';
  if (kind === 'team') return 'leavePost';
  return 'cancel';
}

/** Holding something (a place, a waitlist spot, a request, a lottery entry, an unfinished sign-up). */
export function holdsPlace(state: MyState): boolean {
  return state === 'enrolled' || state === 'waitlisted' || state === 'pending' || state === 'entered' || state === 'incomplete';
}

/** Said once a tap succeeded. */
export function doneText(kind: EnrollKind, state: MyState, position: number | null, label: string): string {
  switch (state) {
    case 'enrolled':
      return kind === 'association' ? '已加入' : '报名成功';
    case 'waitlisted':
      return `已排上候补，您是第${position ?? 1}位`;
    case 'pending':
      return '申请已提交，请等审核';
    case 'entered':
      return '已报名，报名截止后摇号';
    case 'cancelled':
      return '已取消';
    default:
      return label;
  }
}

/**
 * The next thing to do, in plain words; with `at` (when and where, already in the screen's words) for a place
 * held at a course or an activity: 周三上午9:00到…上课.
 */
export function nextStep(kind: EnrollKind, state: MyState, position: number | null, at?: { when: string; place: string }): string {
  switch (state) {
    case 'enrolled':
      if (kind === 'course') return at ? `${at.when}到${at.place}上课` : '按时到校上课';
      if (kind === 'activity') return at ? `${at.when}到${at.place}参加，到场后扫码签到` : '按时到场，到场后扫码签到';
      if (kind === 'team') return '等队长联系您安排服务';
      return '按时参加协会活动';
    case 'waitlisted':
      return `前面还有${Math.max(0, (position ?? 1) - 1)}人，有人取消会自动补上并通知您`;
    case 'pending':
      return '等协会负责人或老干部局审核，审核后会通知您';
    case 'entered':
      return '报名截止后摇号，结果会通知您';
    case 'incomplete':
      return '上次报名没有完成，请再点一次报名';
    case 'rejected':
      return '如有疑问请联系老干部局';
    default:
      return '';
  }
}
