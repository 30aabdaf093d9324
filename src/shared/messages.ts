/**
 * The member's 消息 (inbox) and the messages the product sends. Every message meant for a member is one
 * `messages` document under a deterministic _id (so sending twice is impossible), written before WeChat is
 * asked to deliver it; WeChat's answer only changes its `delivery`.
 */

import type { TemplateSettingKey } from './settings';

/** Template keys; each template's id is a bureau setting (系统设置, src/shared/settings.ts). */
export type TemplateKey = 'reminder' | 'promoted' | 'approval' | 'lottery' | 'cancelled' | 'suggestion' | 'visits';

/** Which setting holds each template's id. */
export const TEMPLATE_SETTING: Readonly<Record<TemplateKey, TemplateSettingKey>> = {
  reminder: 'tplActivityReminder',
  promoted: 'tplEnrollPromoted',
  approval: 'tplEnrollApproval',
  lottery: 'tplLotteryResult',
  cancelled: 'tplActivityCancelled',
  suggestion: 'tplSuggestionProgress',
  visits: 'tplVisitsDue',
};

/**
 * Keywords of the reminder template (活动提醒): what, when, where, what to bring. The first three carry place and
 * time; the fourth is a hint (thing ≤ 20 characters).
 */
export const REMINDER_KEYWORDS = { what: 'thing1', time: 'time2', place: 'thing3', bring: 'thing4' } as const;
export const LOTTERY_KEYWORDS = { what: 'thing1', outcome: 'phrase2', next: 'thing3' } as const;

export type MessageKind = 'reminder' | 'lottery' | 'enrollment' | 'suggestion' | 'activity' | 'visits';

/**
 * wechat: WeChat took it for at least one of the member's WeChats; inbox: nobody could be reached by WeChat
 * (no permission left, refused, no WeChat bound), so staff call (需电话通知); pending: written, not yet sent.
 */
export type Delivery = 'pending' | 'wechat' | 'inbox';

export interface MessageDoc {
  _id: string;
  /** the member's id; for staff, inboxOwner() of their account ('staff:<accountId>') */
  memberId: string;
  kind: MessageKind;
  title: string;
  body: string;
  /** the mini-program page it opens */
  page: string;
  template: TemplateKey;
  /** keyword values as sent (already within WeChat's limits) */
  data: Record<string, string>;
  createdAt: Date;
  readAt: Date | null;
  delivery: Delivery;
  /** staff noted they phoned the member about it */
  phonedAt?: Date | null;
  phonedBy?: string | null;
}

/**
 * subscriptions {_id: '<openid>:<templateId>'}: how many one-time permissions (一次性订阅) a WeChat has left for
 * a template, or longTerm when the bureau's category was granted 长期订阅 and the member accepted.
 */
export interface SubscriptionDoc {
  _id: string;
  openid: string;
  memberId: string | null;
  templateId: string;
  left: number;
  longTerm: boolean;
  /** the phone blocks WeChat's notifications (wx.getAppAuthorizeSetting().notificationAuthorized false) */
  blocked?: boolean;
  updatedAt: Date;
}

export const subscriptionId = (openid: string, templateId: string): string => `${openid}:${templateId}`;

/** One entry of the member's 消息 list. */
export interface InboxItem {
  id: string;
  title: string;
  body: string;
  page: string;
  at: string;
  read: boolean;
}

export interface InboxData {
  items: InboxItem[];
  unread: number;
  /** ISO time of the oldest item shown, for 看更早的 */
  before: string | null;
}

/** The phone list (需电话通知): members WeChat could not reach, with what they must be told. */
export interface PhoneListRow {
  messageId: string;
  memberId: string;
  name: string;
  phone: string;
  title: string;
  body: string;
  at: string;
}

/**
 * A typed intent the server returns with a screen or an answer: "ask for these templates at this tap". The app
 * asks WeChat's subscribe sheet for them (at most three at once) and reports the answer (messages.permissions);
 * never chosen by button text.
 */
export interface NotifyIntent {
  kind: 'askSubscribe';
  /** template ids, at most three (WeChat's limit for one sheet) */
  templateIds: string[];
}

export const MAX_TEMPLATES_PER_ASK = 3;

/** How a member will be told, in words for the sign-up screen. */
/** Under a sign-up button: how the member hears of the outcome, changes and reminders (true for everyone). */
export const SIGN_UP_HOW_TOLD = '结果、变动和活动前的提醒都会放在“消息”里；开了微信提醒的也发微信，收不到的由工作人员打电话告诉您。';

export function howToldText(reachable: boolean): string {
  return reachable
    ? '有变动会用微信提醒您，也会放在“消息”里。'
    : '您没有开启微信提醒，有变动会放在“消息”里，工作人员也会打电话告诉您。';
}

/** Whose 消息 an account reads: the member they are or act for; a staff account its own ('staff:<accountId>'). */
export function inboxOwner(account: { _id: string; role: string; memberId: string | null; actsFor: string | null }): string | null {
  if (account.role === 'staff' || account.role === 'admin') return `staff:${account._id}`;
  return (account.role === 'helper' ? account.actsFor : account.memberId) ?? null;
}
