/** Payload validators of the `hotline` function (registered in schemas.ts). */
import * as v from 'valibot';
import { docId, int, longText, optionalText, payload, requestKey } from './fields';
import { CALL_OUTCOMES, CALL_TOPICS, CALLER_PHONE_PATTERN } from './hotline-calls';

const page = v.optional(int('页码', 1, 10000));

export const hotlineSchemas = {
  logCall: payload({
    requestKey: requestKey(),
    memberId: v.optional(docId('老同志')),
    callerPhone: v.optional(v.pipe(v.string('来电号码不对'), v.trim(), v.regex(CALLER_PHONE_PATTERN, '来电号码不对，请只写数字，例如 13812345678'))),
    callerName: optionalText('来电人称呼', 20),
    topic: v.picklist(CALL_TOPICS, '请选择来电事由'),
    text: longText('来电内容', 1000),
    outcome: v.picklist(CALL_OUTCOMES, '请选择答复情况'),
    followUp: v.boolean('请选择要不要回访'),
  }),
  calls: payload({ view: v.picklist(['open', 'all'] as const, '列表不对'), page }),
  followUpDone: payload({ callId: docId('来电记录'), note: longText('回访情况', 500) }),
  memberRecord: payload({ memberId: docId('老同志'), page }),
};
