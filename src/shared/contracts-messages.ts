/** Contracts of the `messages` function: the member's 消息, subscribe permissions, and staff's 需电话通知 list. */
import type { InboxData, PhoneListRow } from './messages';

export interface PermissionReport {
  /** template ids the member allowed in WeChat's sheet (one more one-time permission each) */
  accepted: string[];
  /** template ids they refused */
  rejected: string[];
  /** template ids granted as 长期订阅 (long-term) */
  longTerm?: string[];
  /** wx.getAppAuthorizeSetting().notificationAuthorized: false when the phone blocks WeChat's notifications */
  notificationAuthorized: boolean;
}

export type MessagesContracts = {
  /** newest first, 20 a page; the ones shown become read */
  inbox: { request: { before?: string }; response: InboxData };
  /** after WeChat's subscribe sheet: what the member allowed (counted per WeChat and template) */
  permissions: { request: PermissionReport; response: { recorded: number } };
  /** staff: members WeChat could not reach, with what to tell them by phone */
  phoneList: { request: Record<string, never>; response: { rows: PhoneListRow[] } };
  /** staff: they phoned the member about this message */
  phoned: { request: { messageId: string }; response: { done: true } };
};
