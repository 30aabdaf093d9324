/**
 * WeChat open APIs used by the functions (each must be listed in the function's config.json permissions.openapi):
 * security.msgSecCheck (version 2) before any user text is stored, and subscribeMessage.send to tell a member
 * something changed. Reached through cloud.openapi; the local emulator answers both (the outbox keeps sent messages).
 */
import { CodedError } from '../../src/shared/errors';
import { fitFields } from '../../src/shared/message-fields';
import type { Cloud } from './db';

/** WeChat msgSecCheck v2 labels, in words a retiree understands. */
const RISK_REASONS: Record<number, string> = {
  10001: '广告推销',
  20001: '时政敏感',
  20002: '色情低俗',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权问题',
  21000: '其他不适合发布的内容',
};

interface SecCheckAnswer {
  errcode?: number;
  errCode?: number;
  result?: { suggest?: string; label?: number };
}

/**
 * Checks text with security.msgSecCheck (version 2, scene 2 = comment/forum) for the given user. Anything other
 * than a clear 'pass' is refused with `code` and a plain reason; nothing should be stored before this returns.
 */
export async function assertTextSafe(cloud: Cloud, openid: string, content: string, code: 'SUGGESTION.RISKY_TEXT'): Promise<void> {
  const answer = (await cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid })) as SecCheckAnswer;
  const errcode = answer.errcode ?? answer.errCode ?? 0;
  if (errcode !== 0) throw new Error(`msgSecCheck failed with errcode ${errcode}`);
  if (answer.result?.suggest === 'pass') return;
  const reason = RISK_REASONS[answer.result?.label ?? 21000] ?? RISK_REASONS[21000];
  throw new CodedError(code, `您写的内容里可能有${reason}方面的文字，建议没有提交。请修改后再提交`);
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

/**
 * Sends a subscribe message (values fitted to WeChat's limits, src/shared/message-fields.ts); answers WeChat's
 * errcode (0 = taken; 43101 = the user gave no permission; -1 = the call itself failed). Never throws.
 */
export async function subscribeErrcode(cloud: Cloud, message: SubscribeMessage): Promise<number> {
  const data = Object.fromEntries(Object.entries(fitFields(message.data)).map(([key, value]) => [key, { value }]));
  try {
    const answer = (await cloud.openapi.subscribeMessage.send({
      touser: message.touser,
      templateId: message.templateId,
      page: message.page,
      data,
      miniprogramState: 'formal',
    })) as { errcode?: number; errCode?: number };
    return answer.errcode ?? answer.errCode ?? 0;
  } catch (error) {
    const code = (error as { errCode?: unknown }).errCode;
    console.warn('[subscribeMessage.send] not sent:', (error as Error).message);
    return typeof code === 'number' && code !== 0 ? code : -1;
  }
}

/**
 * Sends a subscribe message; answers whether WeChat took it. A refusal (the user did not allow it: 43101, ...)
 * never fails the action that triggered it.
 */
export async function sendSubscribe(cloud: Cloud, message: SubscribeMessage): Promise<boolean> {
  return (await subscribeErrcode(cloud, message)) === 0;
}
