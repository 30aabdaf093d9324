/**
 * Branch meetings and study (三会一课, 主题党日): the agenda, attendance by the check-in function (kind 'meeting':
 * every branch member is expected), minutes, and the study material a meeting studies; the member's own view.
 */
import type { MeetingDetail, MeetingRow, MyBranchData, MyMeetingRow, SaveMeetingRequest } from '../../src/shared/contracts-branch';
import { audienceKeyOf } from '../../src/shared/contracts-notice';
import type { AccountDoc, BranchMeetingDoc, CheckinDoc, MemberDoc, NoticeDoc, NoticeReadDoc, PartyBranchDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { checkinId } from '../../src/shared/timebank-rules';
import { branchMembersWhere } from '../_lib/branch-members';
import type { Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { branchFor, meetingFor } from './access';
import { deliveryCounts } from './deliveries';
import { attendedCounts, materialRow, materialsOf, meetingRow, readCounts } from './views';

/** The material must be a published notice to this branch. */
async function assertMaterial(db: Db, branchId: string, materialId: string): Promise<void> {
  const notice = await db.byId<NoticeDoc>('notices', materialId);
  if (!notice || notice.audienceKey !== audienceKeyOf({ kind: 'branch', id: branchId })) throw new CodedError('BRANCH.BAD_MATERIAL');
}

export async function saveMeeting(db: Db, account: AccountDoc, input: SaveMeetingRequest, now: Date): Promise<MeetingRow> {
  const branch = await branchFor(db, account, input.branchId);
  if (input.meetingId) {
    const stored = await meetingFor(db, account, input.meetingId);
    if (stored.branchId !== branch._id) throw new CodedError('INPUT.INVALID', '会议不能换到别的党支部');
  }
  const materialId = input.materialId || null;
  if (materialId) await assertMaterial(db, branch._id, materialId);
  const fields = {
    kind: input.kind,
    title: input.title,
    agenda: input.agenda,
    place: input.place,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    materialId,
    status: input.cancelled ? 'cancelled' : 'scheduled',
    updatedAt: now,
  } as const;
  let id = input.meetingId;
  if (id) {
    await updateWhere(db, 'branchMeetings', { _id: id }, fields);
  } else {
    id = newDocId('meeting', input.requestKey);
    const doc: Omit<BranchMeetingDoc, '_id'> = {
      ...fields,
      branchId: branch._id,
      branchName: branch.name,
      minutes: '',
      minutesBy: null,
      minutesAt: null,
      createdBy: account.name,
      createdAt: now,
    };
    await insertOnce(db, 'branchMeetings', { _id: id, ...doc });
  }
  const saved = await db.byId<BranchMeetingDoc>('branchMeetings', id);
  if (!saved) throw new CodedError('DATA.NOT_FOUND');
  const attended = await attendedCounts(db, [id]);
  return meetingRow(saved, attended.get(id) ?? 0);
}

export async function meetingDetail(db: Db, account: AccountDoc, meetingId: string): Promise<MeetingDetail> {
  const meeting = await meetingFor(db, account, meetingId);
  const [expected, attended, material, materials, deliveries] = await Promise.all([
    db.count('members', branchMembersWhere(meeting.branchId)),
    db.count('checkins', { targetId: meeting._id, kind: 'meeting' }),
    meeting.materialId ? db.byId<NoticeDoc>('notices', meeting.materialId) : Promise.resolve(null),
    materialsOf(db, meeting.branchId),
    deliveryCounts(db, { kind: 'meeting', id: meeting._id }, meeting.branchId, meeting._id, meeting.materialId),
  ]);
  const reads = material ? (await readCounts(db, [material._id])).get(material._id) ?? 0 : 0;
  return {
    meeting: meetingRow(meeting, attended),
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    minutesBy: meeting.minutesBy,
    minutesAt: meeting.minutesAt ? new Date(meeting.minutesAt).toISOString() : null,
    expected,
    material: material ? materialRow(material, reads) : null,
    deliveries,
    materials,
  };
}

export async function saveMinutes(db: Db, account: AccountDoc, input: { meetingId: string; minutes: string }, now: Date): Promise<MeetingDetail> {
  const meeting = await meetingFor(db, account, input.meetingId);
  if (meeting.minutes !== input.minutes) {
    await updateWhere(db, 'branchMeetings', { _id: meeting._id }, { minutes: input.minutes, minutesBy: account.name, minutesAt: now, updatedAt: now });
  }
  return meetingDetail(db, account, meeting._id);
}

/** The member's branch: its meetings (upcoming first, then recent, with their own check-in) and study material. */
export async function myBranch(db: Db, memberId: string, now: Date): Promise<MyBranchData> {
  const member = await db.byId<Pick<MemberDoc, 'branchId' | 'erasedAt'>>('members', memberId);
  const branchId = member && !member.erasedAt ? member.branchId : null;
  const branch = branchId ? await db.byId<PartyBranchDoc>('partyBranches', branchId) : null;
  if (!branch) return { branch: null, upcoming: [], recent: [], materials: [] };
  const [docs, materials] = await Promise.all([
    db.find<BranchMeetingDoc>('branchMeetings', { where: { branchId: branch._id }, orderBy: [['startAt', 'desc']], limit: 20 }),
    materialsOf(db, branch._id),
  ]);
  const [attended, mine, read] = await Promise.all([
    attendedCounts(db, docs.map((doc) => doc._id)),
    docs.length
      ? db.find<Pick<CheckinDoc, 'targetId'>>('checkins', { where: { _id: db.command.in(docs.map((doc) => checkinId('meeting', doc._id, memberId))) }, fields: { targetId: true }, limit: docs.length })
      : Promise.resolve([]),
    materials.length
      ? db.find<Pick<NoticeReadDoc, 'noticeId'>>('noticeReads', { where: { noticeId: db.command.in(materials.map((m) => m.id)), memberId }, fields: { noticeId: true }, limit: materials.length })
      : Promise.resolve([]),
  ]);
  const present = new Set(mine.map((c) => c.targetId));
  const readIds = new Set(read.map((r) => r.noticeId));
  const rows: MyMeetingRow[] = docs
    .filter((doc) => doc.status === 'scheduled')
    .map((doc) => ({ ...meetingRow(doc, attended.get(doc._id) ?? 0), present: present.has(doc._id), agenda: doc.agenda }));
  return {
    branch: { id: branch._id, name: branch.name, secretaryName: branch.secretaryName },
    upcoming: rows.filter((row) => Date.parse(row.endAt) >= now.getTime()).reverse(),
    recent: rows.filter((row) => Date.parse(row.endAt) < now.getTime()),
    materials: materials.map((m) => ({ ...m, read: readIds.has(m.id) })),
  };
}
