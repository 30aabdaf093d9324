/**
 * Asks WeChat's subscribe sheet for the templates of a server-given intent (at most three), inside the tap,
 * and reports what the member allowed and whether the phone lets WeChat notify (messages.permissions), so the
 * server counts permissions per template and staff phone those it cannot reach. Weapp only; in H5 nothing is
 * asked. A refusal or failure never blocks what the tap does.
 */
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_ASK, type NotifyIntent } from '../shared/messages';
import { call } from './cloud';

function notificationsAllowed(): boolean {
  try {
    const setting = Taro.getAppAuthorizeSetting() as { notificationAuthorized?: 'authorized' | 'denied' | 'not determined' | boolean };
    const value = setting.notificationAuthorized;
    return value !== 'denied' && value !== false;
  } catch {
    return true;
  }
}

export async function askForIntent(intent: NotifyIntent | null | undefined): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !intent || intent.templateIds.length === 0) return;
  const tmplIds = intent.templateIds.slice(0, MAX_TEMPLATES_PER_ASK);
  let answer: Record<string, string> = {};
  try {
    // Taro 4.2's Option type wrongly requires alipay's entityIds too; weapp takes tmplIds alone
    // the answer carries one 'accept' | 'reject' | 'ban' per template id, which Taro's type does not list
    const result: unknown = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    answer = result as Record<string, string>;
  } catch {
    answer = {};
  }
  const accepted = tmplIds.filter((id) => answer[id] === 'accept');
  const rejected = tmplIds.filter((id) => answer[id] === 'reject' || answer[id] === 'ban');
  await call('messages', 'permissions', { accepted, rejected, notificationAuthorized: notificationsAllowed() });
}
