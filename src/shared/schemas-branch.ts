/** Payload validators of the `branch` function (registered in schemas.ts). */
import * as v from 'valibot';
import {
  BRANCH_NAME_MAX,
  MEETING_AGENDA_MAX,
  MEETING_KINDS,
  MEETING_MINUTES_MAX,
  meetingTimesProblem,
} from './branch-rules';
import { docId, emptyPayload, eventTime, int, longText, optionalText, payload, requestKey, text } from './fields';

const page = v.optional(int('页码', 1, 10000));
const branchId = docId('党支部');
const meetingId = docId('会议编号');
/** an id, or '' for none */
const idOrNone = (label: string) => v.optional(v.union([v.literal(''), docId(label)], `${label}不对`), '');

const source = v.variant('kind', [
  payload({ kind: v.literal('meeting'), id: meetingId }),
  payload({ kind: v.literal('material'), id: docId('学习资料') }),
], '送学上门的对象不对');

const saveMeeting = v.pipe(
  payload({
    meetingId: v.optional(meetingId),
    requestKey: requestKey(),
    branchId,
    kind: v.picklist(MEETING_KINDS, '请选择会议类别'),
    title: text('会议主题', 40),
    agenda: longText('会议议程', MEETING_AGENDA_MAX),
    place: text('地点', 60),
    startAt: eventTime('开始时间'),
    endAt: eventTime('结束时间'),
    materialId: idOrNone('学习资料'),
    cancelled: v.optional(v.boolean('取消设置不对')),
  }),
  v.check((p) => meetingTimesProblem(p.startAt, p.endAt) === null, (issue) =>
    meetingTimesProblem((issue.input as { startAt: string }).startAt, (issue.input as { endAt: string }).endAt) ?? '时间不对'),
);

export const branchSchemas = {
  branches: payload({ page }),
  branch: payload({ branchId, page }),
  saveBranch: payload({
    branchId: v.optional(branchId),
    requestKey: requestKey(),
    name: text('支部名称', BRANCH_NAME_MAX),
    secretaryMemberId: idOrNone('支部书记'),
  }),
  setMemberBranch: payload({ memberId: docId('老同志'), branchId: idOrNone('党支部') }),
  saveMeeting,
  meeting: payload({ meetingId }),
  saveMinutes: payload({ meetingId, minutes: optionalText('会议记录', MEETING_MINUTES_MAX, true) }),
  deliveries: payload({ source, filter: v.optional(v.picklist(['todo', 'done'] as const, '筛选条件不对')), page }),
  markDelivered: payload({
    source,
    memberId: docId('老同志'),
    how: v.picklist(['visit', 'call'] as const, '请选择上门还是电话'),
    note: optionalText('说明', 200),
  }),
  myBranch: emptyPayload,
};
