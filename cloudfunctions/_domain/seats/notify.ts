/**
 * Subscribe messages about a member's place (their own WeChat and their helpers'), through _lib/wxapi. Best
 * effort: a message WeChat refuses never undoes the change it reports; 我的报名 shows the truth anyway.
 */
import { SUBSCRIBE_TEMPLATES } from '../../../src/shared/contracts-enrollment';
import { enrollmentId } from '../../../src/shared/enrollment-rules';
import type { TemplateSettingKey } from '../../../src/shared/settings';
import type { Cloud, Db } from '../../_lib/db';
import { templateId } from '../../_lib/settings';
import { updateWhere } from '../../_lib/writes';
import { memberOpenids, sendSubscribe } from '../../_lib/wxapi';
import { titleOf, type Target } from './targets';

export const MINE_PAGE = 'pages/enroll/mine/index';

/** Which bureau setting holds each template's id (edited on 系统设置). */
const TEMPLATE_SETTING = { promoted: 'tplEnrollPromoted', approval: 'tplEnrollApproval' } as const satisfies Record<
  keyof typeof SUBSCRIBE_TEMPLATES,
  TemplateSettingKey
>;

export interface Message {
  template: keyof typeof SUBSCRIBE_TEMPLATES;
  page: string;
  what: string;
  outcome: string;
  next: string;
}

/** Sends the message to every WeChat that hears about the member; answers how many took it. */
export async function notifyMember(db: Db, cloud: Cloud, memberId: string, message: Message): Promise<number> {
  const template = await templateId(db, TEMPLATE_SETTING[message.template]);
  if (!template) return 0;
  const openids = await memberOpenids(db, memberId);
  const sent = await Promise.all(
    openids.map((touser) =>
      sendSubscribe(cloud, {
        touser,
        templateId: template,
        page: message.page,
        data: { thing1: message.what, phrase2: message.outcome, thing3: message.next },
      }),
    ),
  );
  return sent.filter(Boolean).length;
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
