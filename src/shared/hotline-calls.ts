/**
 * 服务热线 call log: the plain categories staff file a call under, what came of it, and the follow-up states.
 * Labels are what staff read on the pages.
 */
export const CALL_TOPICS = ['activity', 'course', 'health', 'policy', 'visit', 'suggestion', 'phone', 'other'] as const;
export type CallTopic = (typeof CALL_TOPICS)[number];
export const CALL_TOPIC_LABELS: Record<CallTopic, string> = {
  activity: '活动报名',
  course: '老年大学',
  health: '看病住院',
  policy: '待遇政策',
  visit: '请求走访',
  suggestion: '意见建议',
  phone: '手机和小程序使用',
  other: '其他',
};

export const CALL_OUTCOMES = ['answered', 'referred', 'pending'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: '当场答复了',
  referred: '转给科室办理',
  pending: '还没有答复',
};

/** none: nothing more to do; open: someone must call back or act; done: the follow-up was made. */
export type FollowUpState = 'none' | 'open' | 'done';

/** A caller's number as people write it (5 to 20 digits, dashes or spaces). */
export const CALLER_PHONE_PATTERN = /^\+?[0-9][0-9 -]{3,18}[0-9]$/;

/** One call in the `hotlineCalls` collection. */
export interface HotlineCallDoc {
  _id: string;
  /** the member who called (or was called about); null for an unknown caller */
  memberId: string | null;
  /** the member's name, or what the unknown caller said their name was ('' when not given) */
  callerName: string;
  /** an unknown caller's number (to call back); null for a member (the roster has it) */
  callerPhone: string | null;
  topic: CallTopic;
  text: string;
  outcome: CallOutcome;
  followUp: FollowUpState;
  followUpNote: string;
  followUpDoneAt: Date | null;
  followUpDoneBy: string | null;
  calledAt: Date;
  byOpenid: string;
  byName: string;
}
