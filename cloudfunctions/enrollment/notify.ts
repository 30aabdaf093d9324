/**
 * Messages to a member about their sign-up (their own WeChat and their helpers'), through the one sending
 * module (_lib/messages.ts): the member's 消息 always holds it; WeChat delivers it where allowed. Best effort:
 * a refusal never undoes the change it reports.
 */
import type { TemplateKey } from '../../src/shared/messages';
import { now } from '../_lib/clock';
import type { Cloud, Db } from '../_lib/db';
import { deliver } from '../_lib/messages';

export interface Message {
  template: Extract<TemplateKey, 'promoted' | 'approval' | 'lottery'>;
  page: string;
  what: string;
  outcome: string;
  next: string;
  /** what makes this message unique besides member and template (default: the moment it is sent) */
  event?: string;
}

export async function notifyMember(db: Db, cloud: Cloud, memberId: string, message: Message): Promise<number> {
  const at = now();
  const report = await deliver(
    db,
    cloud,
    [
      {
        key: `enroll:${message.template}:${memberId}:${message.event ?? at.getTime()}`,
        memberId,
        kind: 'enrollment',
        template: message.template,
        page: message.page,
        title: `${message.what}：${message.outcome}`,
        body: message.next,
        data: { thing1: message.what, phrase2: message.outcome, thing3: message.next },
      },
    ],
    at,
  );
  return report.sends;
}
