/**
 * Asks WeChat's own permission sheet (订阅消息) for the messages a sign-up may bring later: a place freed from the
 * waitlist, or an association's decision. Must run inside the tap. Weapp only; a refusal or failure changes nothing.
 */
import Taro from '@tarojs/taro';
import { SUBSCRIBE_TEMPLATES } from '../shared/contracts-enrollment';
import { messagesAfter, type SignUpIntent } from '../shared/enroll-intent';

/** The templates worth asking for before this sign-up, given what the button will do (never its words). */
export function templatesFor(intent: SignUpIntent): string[] {
  return messagesAfter(intent).map((message) => SUBSCRIBE_TEMPLATES[message]);
}

export async function askToNotify(tmplIds: string[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  try {
    // Taro 4.2's Option type wrongly requires alipay's entityIds too; weapp takes tmplIds alone
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // declined or not configured: the sign-up goes ahead, the member reads the outcome in 我的报名
  }
}
