/**
 * Subscribe messages to a member (their own WeChat and their helpers'). Best effort: a message that WeChat
 * refuses (e.g. the member never subscribed) never undoes the change it reports; 我的报名 shows the truth anyway.
 */
import { SUBSCRIBE_TEMPLATES } from '../../src/shared/contracts-enrollment';
import type { AccountDoc } from '../../src/shared/documents';
import type { TemplateSettingKey } from '../../src/shared/settings';
import type { Cloud, Db } from '../_lib/db';
import { templateId } from '../_lib/settings';

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

const cut = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

export async function notifyMember(db: Db, cloud: Cloud, memberId: string, message: Message): Promise<number> {
  const template = await templateId(db, TEMPLATE_SETTING[message.template]);
  if (!template) return 0;
  const _ = db.command;
  const accounts = await db.find<AccountDoc>('accounts', {
    where: _.or([{ memberId, role: _.in(['member', 'leader']) }, { actsFor: memberId, role: 'helper' }]) as unknown as Record<string, unknown>,
    limit: 10,
  });
  let sent = 0;
  for (const account of accounts.filter((a) => !a.revokedAt)) {
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: account.openid,
        templateId: template,
        page: message.page,
        data: {
          thing1: { value: cut(message.what, 20) },
          phrase2: { value: cut(message.outcome, 5) },
          thing3: { value: cut(message.next, 20) },
        },
      });
      sent++;
    } catch (error) {
      console.warn('[enrollment] subscribe message not sent:', (error as Error).message);
    }
  }
  return sent;
}
