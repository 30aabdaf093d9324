/** What the branch screens show of branches, meetings and study material, counted from the records. */
import { audienceKeyOf } from '../../src/shared/contracts-notice';
import { BRANCH_PAGE_SIZE, MEETING_KIND_LABELS, type BranchRow, type MaterialRow, type MeetingRow } from '../../src/shared/contracts-branch';
import type { BranchMeetingDoc, NoticeDoc, PartyBranchDoc } from '../../src/shared/documents';
import { aggregateRows } from '../_lib/aggregate';
import { toIso, type Db } from '../_lib/db';

/** Members (not erased) of each branch, one aggregate. */
export async function memberCounts(db: Db, branchIds: string[]): Promise<Map<string, number>> {
  if (!branchIds.length) return new Map();
  const rows = await aggregateRows<{ _id: string; n: number }>(
    db,
    'members',
    (agg) => agg.match({ branchId: db.command.in(branchIds), erasedAt: null }).group({ _id: '$branchId', n: { $sum: 1 } }),
    branchIds.length,
  );
  return new Map(rows.map((row) => [row._id, row.n]));
}

export function branchRow(doc: PartyBranchDoc, members: number): BranchRow {
  return { id: doc._id, name: doc.name, secretaryMemberId: doc.secretaryMemberId, secretaryName: doc.secretaryName, members };
}

/** Check-ins per meeting, one aggregate. */
export async function attendedCounts(db: Db, meetingIds: string[]): Promise<Map<string, number>> {
  if (!meetingIds.length) return new Map();
  const rows = await aggregateRows<{ _id: string; n: number }>(
    db,
    'checkins',
    (agg) => agg.match({ targetId: db.command.in(meetingIds), kind: 'meeting' }).group({ _id: '$targetId', n: { $sum: 1 } }),
    meetingIds.length,
  );
  return new Map(rows.map((row) => [row._id, row.n]));
}

export function meetingRow(doc: BranchMeetingDoc, attended: number): MeetingRow {
  return {
    id: doc._id,
    branchId: doc.branchId,
    branchName: doc.branchName,
    kind: doc.kind,
    kindLabel: MEETING_KIND_LABELS[doc.kind],
    title: doc.title,
    place: doc.place,
    startAt: toIso(doc.startAt),
    endAt: toIso(doc.endAt),
    status: doc.status,
    attended,
    hasMinutes: doc.minutes.trim() !== '',
  };
}

/** A branch's meetings, newest first (the latest page). */
export async function meetingsOf(db: Db, branchId: string): Promise<MeetingRow[]> {
  const docs = await db.find<BranchMeetingDoc>('branchMeetings', { where: { branchId }, orderBy: [['startAt', 'desc']], limit: BRANCH_PAGE_SIZE });
  const attended = await attendedCounts(db, docs.map((doc) => doc._id));
  return docs.map((doc) => meetingRow(doc, attended.get(doc._id) ?? 0));
}

/** Receipts per notice, one aggregate. */
export async function readCounts(db: Db, noticeIds: string[]): Promise<Map<string, number>> {
  if (!noticeIds.length) return new Map();
  const rows = await aggregateRows<{ _id: string; n: number }>(
    db,
    'noticeReads',
    (agg) => agg.match({ noticeId: db.command.in(noticeIds) }).group({ _id: '$noticeId', n: { $sum: 1 } }),
    noticeIds.length,
  );
  return new Map(rows.map((row) => [row._id, row.n]));
}

export const materialRow = (doc: NoticeDoc, reads: number): MaterialRow => ({ id: doc._id, title: doc.title, publishedAt: toIso(doc.publishedAt), reads });

/** Study material sent to a branch (published), newest first (the latest page). */
export async function materialsOf(db: Db, branchId: string): Promise<MaterialRow[]> {
  const docs = (
    await db.find<NoticeDoc>('notices', {
      where: { audienceKey: audienceKeyOf({ kind: 'branch', id: branchId }) },
      orderBy: [['publishedAt', 'desc']],
      limit: BRANCH_PAGE_SIZE,
    })
  ).filter((doc) => doc.status === 'published');
  const reads = await readCounts(db, docs.map((doc) => doc._id));
  return docs.map((doc) => materialRow(doc, reads.get(doc._id) ?? 0));
}
