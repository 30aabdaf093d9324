/** Payload validators of the `checkin` function (registered in schemas.ts). */
import * as v from 'valibot';
import { docId, emptyPayload, eventTime, int, keyword, longText, optionalText, payload, requestKey, text } from './fields';
import { parseCreditId, parseToken } from './timebank-rules';

const kind = v.picklist(['activity', 'session', 'meeting'] as const, '签到的类别不对');

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

/** A session lasts at least this long and at most this long (one day's service). */
export const SESSION_MIN_MINUTES = 15;
export const SESSION_MAX_MINUTES = 12 * 60;

/** What is wrong with a session's times in plain words, or null. */
export function sessionTimesProblem(startAt: string, endAt: string): string | null {
  const length = (Date.parse(endAt) - Date.parse(startAt)) / 60_000;
  if (!(length > 0)) return '结束时间要晚于开始时间';
  if (length < SESSION_MIN_MINUTES) return `一次服务至少${SESSION_MIN_MINUTES}分钟`;
  if (length > SESSION_MAX_MINUTES) return `一次服务最长${SESSION_MAX_MINUTES / 60}小时，跨天的请分成几次`;
  return null;
}

const saveSession = v.pipe(
  payload({
    /** absent: a new session */
    sessionId: v.optional(docId('服务时段编号')),
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    teamId: docId('服务队'),
    postId: v.optional(docId('岗位')),
    title: text('服务内容', 30),
    place: text('服务地点', 60),
    startAt: eventTime('开始时间'),
    endAt: eventTime('结束时间'),
    notes: optionalText('说明', 300),
    mode: v.optional(v.picklist(['scan', 'confirm'] as const, '记时长的方式不对')),
  }),
  v.check((p) => sessionTimesProblem(p.startAt, p.endAt) === null, (issue) => sessionTimesProblem(
    (issue.input as { startAt: string }).startAt, (issue.input as { endAt: string }).endAt) ?? '时间不对'),
);

export const checkinSchemas = {
  /** name: filter the roster by name (part of it) */
  board: payload({ kind, id: docId('编号'), name: v.optional(keyword('姓名', 20)) }),
  scan: payload({ token }),
  assist: payload({ kind, id: docId('编号'), memberId: docId('成员编号') }),
  /** minutes: minutes the member served inside the scheduled time; note: staff's note kept on the credit (e.g. 上门探访，电话核实) */
  confirmHours: payload({ sessionId: docId('服务场次'), memberId: docId('成员编号'), minutes, note: optionalText('备注', 100) }),
  /** minutes: the corrected minutes; absent: the credit is only reversed */
  correct: payload({ entryId: creditEntryId, reason: longText('更正原因', 200), minutes: v.optional(minutes) }),
  mine: emptyPayload,
  targets: emptyPayload,
  /** teamId: absent: the first team the caller manages */
  sessions: payload({ teamId: v.optional(docId('服务队')) }),
  saveSession,
  session: payload({ sessionId: docId('服务时段编号') }),
};
