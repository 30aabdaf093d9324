/**
 * Asks WeChat's own permission sheet (订阅消息) for the messages a sign-up may bring later: a place freed from the
 * waitlist, or an association's decision. Must run inside the tap. Weapp only; a refusal or failure changes nothing.
 */
import Taro from '@tarojs/taro';
import { SUBSCRIBE_TEMPLATES } from '../shared/contracts-enrollment';
import { messagesAfter, type SignUpIntent } from '../shared/enroll-intent';
import { SETTINGS, type TemplateSettingKey } from '../shared/settings';
import { knownBureau } from './viewer';

/** The templates worth asking for before this sign-up, given what the button will do (never its words). */
export function templatesFor(intent: SignUpIntent): string[] {
  return messagesAfter(intent).map((message) => SUBSCRIBE_TEMPLATES[message]);
}

/** The bureau's real id for a template named by its placeholder (SUBSCRIBE_TEMPLATES), from member.me. */
function realId(id: string): string {
  const bureau = knownBureau();
  const setting = SETTINGS.find((s) => s.kind === 'templateId' && s.placeholder === id);
  return setting && bureau ? bureau.templates[setting.key as TemplateSettingKey] : id;
}

export async function askToNotify(ids: string[]): Promise<void> {
  const tmplIds = ids.map(realId).filter((id) => id !== ''); // '' = the bureau has not set this template yet
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  try {
    // Taro 4.2's Option type wrongly requires alipay's entityIds too; weapp takes tmplIds alone
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // declined or not configured: the sign-up goes ahead, the member reads the outcome in 我的报名
  }
}
