/** Payload validators of the `messages` function (registered in schemas.ts). */
import * as v from 'valibot';
import { emptyPayload, payload } from './fields';

const templateIds = v.pipe(v.array(v.pipe(v.string('模板不对'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, '模板不对')), '模板不对'), v.maxLength(3, '一次最多3个模板'));
/** message ids are deterministic keys such as remind:day:activity:<id>:<ISO time>:<memberId> */
const messageId = v.pipe(v.string('消息编号不对'), v.regex(/^[A-Za-z0-9_:.-]{1,200}$/, '消息编号不对'));

export const messagesSchemas = {
  inbox: payload({ before: v.optional(v.pipe(v.string('时间不对'), v.isoTimestamp('时间不对'))) }),
  permissions: payload({
    accepted: templateIds,
    rejected: templateIds,
    longTerm: v.optional(templateIds),
    notificationAuthorized: v.boolean('通知设置不对'),
  }),
  phoneList: emptyPayload,
  phoned: payload({ messageId }),
};
