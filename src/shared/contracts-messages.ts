/** Contracts of the `messages` function: the member's 消息, subscribe permissions, and staff's 需电话通知 list. */
import type { InboxData, PhoneListRow } from './messages';
import type { ContractsOf, RequestsOf } from './fields';
import type { messagesSchemas } from './schemas-messages';

/** Each action's request is its validator's output (schemas-messages.ts): written once, there. */
type Req = RequestsOf<typeof messagesSchemas>;

export type PermissionReport = Req['permissions'];

export type MessagesContracts = ContractsOf<
  typeof messagesSchemas,
  {
    /** newest first, 20 a page; the ones shown become read */
    inbox: InboxData;
    /** after WeChat's subscribe sheet: what the member allowed (counted per WeChat and template) */
    permissions: { recorded: number };
    /** staff: members WeChat could not reach, with what to tell them by phone */
    phoneList: { rows: PhoneListRow[] };
    /** staff: they phoned the member about this message */
    phoned: { done: true };
  }
>;
