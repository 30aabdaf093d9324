/** What the branch screens show of branches, meetings and study material, counted from the records. */
import { audienceKeyOf } from '../../src/shared/contracts-notice';
import { BRANCH_PAGE_SIZE, MEETING_KIND_LABELS, type BranchRow, type MaterialRow, type MeetingRow } from '../../src/shared/contracts-branch';
import type { BranchMeetingDoc, NoticeDoc, PartyBranchDoc } from '../../src/shared/documents';
import { aggregateRows } from '../_lib/aggregate';
import { toIso, type Db } from '../_lib/db';

/** How many documents of `collection` matching `match` carry each of `ids` in `field`: one aggregate. */
async function countsBy(db: Db, collection: 'members' | 'checkins' | 'noticeReads', field: string, ids: string[], match: Record<string, unknown>): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await aggregateRows<{ _id: string; n: number }>(
    db,
    collection,
    (agg) => agg.match({ [field]: db.command.in(ids), ...match }).group({ _id: `$${field}`, n: { $sum: 1 } }),
    ids.length,
  );
  return new Map(rows.map((row) => [row._id, row.n]));
}

/** Members (not erased) of each branch. */
export const memberCounts = (db: Db, branchIds: string[]) => countsBy(db, 'members', 'branchId', branchIds, { erasedAt: null });

export function branchRow(doc: PartyBranchDoc, members: number): BranchRow {
  return { id: doc._id, name: doc.name, secretaryMemberId: doc.secretaryMemberId, secretaryName: doc.secretaryName, members };
}

/** Check-ins per meeting. */
export const attendedCounts = (db: Db, meetingIds: string[]) => countsBy(db, 'checkins', 'targetId', meetingIds, { kind: 'meeting' });

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

/** Receipts per notice. */
export const readCounts = (db: Db, noticeIds: string[]) => countsBy(db, 'noticeReads', 'noticeId', noticeIds, {});

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
