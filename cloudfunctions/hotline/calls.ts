/**
 * 服务热线 call log: staff record who called (a member found on the roster, or an unknown caller's number), about
 * what, what came of it, and whether someone must follow up; open follow-ups are listed oldest first until done.
 */
import type { CallRow, CallsPage, CallsRequest, FollowUpDoneRequest, LogCallRequest, MemberRecordData, MemberRecordRequest } from '../../src/shared/contracts-hotline';
import { STAFF_PAGE_SIZE } from '../../src/shared/contracts-staff';
import type { AccountDoc, MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { CALL_OUTCOME_LABELS, CALL_TOPIC_LABELS, type HotlineCallDoc } from '../../src/shared/hotline-calls';
import { maskPhone } from '../../src/shared/mask';
import { toIso, type Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { liveMember } from '../_lib/live-member';

const callRow = (doc: HotlineCallDoc): CallRow => ({
  id: doc._id,
  memberId: doc.memberId,
  callerName: doc.callerName,
  callerPhone: doc.callerPhone,
  topic: doc.topic,
  topicLabel: CALL_TOPIC_LABELS[doc.topic],
  text: doc.text,
  outcome: doc.outcome,
  outcomeLabel: CALL_OUTCOME_LABELS[doc.outcome],
  followUp: doc.followUp,
  followUpNote: doc.followUpNote,
  followUpDoneAt: doc.followUpDoneAt ? toIso(doc.followUpDoneAt) : null,
  followUpDoneBy: doc.followUpDoneBy,
  calledAt: toIso(doc.calledAt),
  byName: doc.byName,
});

export async function logCall(db: Db, account: AccountDoc, input: LogCallRequest, now: Date): Promise<CallRow> {
  if (input.memberId && input.callerPhone) throw new CodedError('INPUT.INVALID', '选了老同志就不用再填来电号码');
  if (!input.memberId && !input.callerPhone) throw new CodedError('HOTLINE.NO_CALLER');
  const member = input.memberId ? await liveMember(db, input.memberId) : null;
  const doc: Omit<HotlineCallDoc, '_id'> = {
    memberId: member?._id ?? null,
    callerName: member?.name ?? input.callerName ?? '',
    callerPhone: member ? null : (input.callerPhone ?? null),
    topic: input.topic,
    text: input.text,
    outcome: input.outcome,
    followUp: input.followUp ? 'open' : 'none',
    followUpNote: '',
    followUpDoneAt: null,
    followUpDoneBy: null,
    calledAt: now,
    byOpenid: account.openid,
    byName: account.name,
  };
  const id = newDocId('call', input.requestKey);
  if (await insertOnce(db, 'hotlineCalls', { _id: id, ...doc })) return callRow({ _id: id, ...doc });
  const stored = await db.byId<HotlineCallDoc>('hotlineCalls', id);
  if (!stored) throw new CodedError('DATA.NOT_FOUND');
  return callRow(stored);
}

async function page(db: Db, where: Record<string, unknown>, order: 'asc' | 'desc', pageNo: number): Promise<CallsPage> {
  const { docs, total } = await db.findPage<HotlineCallDoc>('hotlineCalls', { where, orderBy: [['calledAt', order]], page: pageNo, pageSize: STAFF_PAGE_SIZE });
  return { items: docs.map(callRow), total, page: pageNo, pageSize: STAFF_PAGE_SIZE };
}

/** open: follow-ups still to do, oldest first (the longest waiting on top); all: every call, newest first. */
export function listCalls(db: Db, input: CallsRequest): Promise<CallsPage> {
  return input.view === 'open' ? page(db, { followUp: 'open' }, 'asc', input.page ?? 1) : page(db, {}, 'desc', input.page ?? 1);
}

/** Marks an open follow-up done, with what was done; only an open one (a repeat or a call without one is refused). */
export async function followUpDone(db: Db, account: AccountDoc, input: FollowUpDoneRequest, now: Date): Promise<CallRow> {
  const changed = await updateWhere(db, 'hotlineCalls', { _id: input.callId, followUp: 'open' }, {
    followUp: 'done',
    followUpNote: input.note,
    followUpDoneAt: now,
    followUpDoneBy: account.name,
  });
  const doc = await db.byId<HotlineCallDoc>('hotlineCalls', input.callId);
  if (!doc) throw new CodedError('DATA.NOT_FOUND', '没有找到这条来电记录');
  if (!changed) throw new CodedError('HOTLINE.NO_FOLLOW_UP');
  return callRow(doc);
}

/** A member's record for staff: who they are and their calls, newest first (an erased member's calls stay visible). */
export async function memberRecord(db: Db, input: MemberRecordRequest): Promise<MemberRecordData> {
  const [member, calls] = await Promise.all([
    db.byId<MemberDoc>('members', input.memberId),
    page(db, { memberId: input.memberId }, 'desc', input.page ?? 1),
  ]);
  if (!member) throw new CodedError('DATA.NOT_FOUND', '没有找到这位老同志');
  return {
    member: {
      id: member._id,
      name: member.name,
      rosterNo: member.rosterNo,
      memberType: member.memberType,
      town: member.town,
      community: member.community,
      phoneMasked: maskPhone(member.phone),
      erased: Boolean(member.erasedAt),
    },
    calls,
  };
}
