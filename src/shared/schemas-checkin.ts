/** Payload validators of the `checkin` function (registered in schemas.ts). */
import * as v from 'valibot';
import { docId, emptyPayload, int, payload, text } from './fields';
import { parseCreditId, parseToken } from './timebank-rules';

const kind = v.picklist(['activity', 'session'] as const, '签到的类别不对');

const token = v.pipe(
  v.string('签到码不对'),
  v.maxLength(64, '签到码不对'),
  v.check((value) => parseToken(value) !== null, '签到码不对'),
);

const idPart = /^[A-Za-z0-9_-]{1,64}$/;
/** a credit's id (only credits are corrected) */
const creditEntryId = v.pipe(
  v.string('记录编号不对'),
  v.maxLength(200, '记录编号不对'),
  v.check((value) => {
    const parts = parseCreditId(value);
    return parts !== null && idPart.test(parts.sessionId) && idPart.test(parts.memberId);
  }, '记录编号不对'),
);

/** up to 24 hours of one session */
const minutes = int('服务分钟数', 0, 24 * 60);

export const checkinSchemas = {
  board: payload({ kind, id: docId('编号'), name: v.optional(v.pipe(v.string('姓名应当是文字'), v.trim(), v.maxLength(20, '姓名最多20个字'))) }),
  scan: payload({ token }),
  assist: payload({ kind, id: docId('编号'), memberId: docId('成员编号') }),
  confirmHours: payload({ sessionId: docId('服务场次'), memberId: docId('成员编号'), minutes }),
  correct: payload({ entryId: creditEntryId, reason: text('更正原因', 200), minutes: v.optional(minutes) }),
  mine: emptyPayload,
  targets: emptyPayload,
};
