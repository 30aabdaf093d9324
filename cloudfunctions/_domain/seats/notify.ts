/**
 * Messages about a member's place, through the one sending module (_lib/messages.ts): the member's 消息 always
 * holds it; WeChat delivers it where allowed. Best effort: a refusal never undoes the change it reports.
 */
import type { TemplateKey } from '../../../src/shared/messages';
import { enrollmentId } from '../../../src/shared/enrollment-rules';
import { now } from '../../_lib/clock';
import type { Cloud, Db } from '../../_lib/db';
import { deliver } from '../../_lib/messages';
import { updateWhere } from '../../_lib/writes';
import { titleOf, type Target } from './targets';

export const MINE_PAGE = 'pages/enroll/mine/index';

export interface Message {
  template: Extract<TemplateKey, 'promoted' | 'approval' | 'lottery'>;
  page: string;
  what: string;
  outcome: string;
  next: string;
  /** what makes this message unique besides member and template (default: the moment it is sent) */
  event?: string;
}

/** Writes the message to the member's 消息 and sends it to every WeChat that hears about them; answers how many WeChat took it. */
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

/** Marks the promoted member's enrollment and tells them they moved from the waitlist into a place. */
export async function announcePromotion(db: Db, cloud: Cloud, target: Target, postId: string | null, memberId: string): Promise<void> {
  await updateWhere(db, 'enrollments', { _id: enrollmentId(target.kind, target.id, memberId), status: 'active' }, { promotedAt: db.serverDate() });
  await notifyMember(db, cloud, memberId, {
    template: 'promoted',
    page: MINE_PAGE,
    what: titleOf(target, postId),
    outcome: '候补成功',
    next: '已为您补上名额，请按时参加',
  });
}
