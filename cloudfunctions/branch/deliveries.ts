/**
 * 送学上门: the members of a branch who neither attended a meeting (no check-in) nor read its study material (no
 * receipt) — or, for a piece of material alone, who have not read it — for the secretary to visit or call, and the
 * record that it was done (one per source and member: a repeated tap changes nothing). Bounded by the branch's size.
 */
import {
  BRANCH_MAX_MEMBERS,
  BRANCH_PAGE_SIZE,
  deliveryId,
  deliverySourceKey,
  type DeliveriesPage,
  type DeliveriesRequest,
  type DeliveryRow,
  type DeliverySource,
  type MarkDeliveredRequest,
} from '../../src/shared/contracts-branch';
import type { AccountDoc, BranchDeliveryDoc, CheckinDoc, MemberDoc, NoticeReadDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { branchMemberIds } from '../_lib/branch-members';
import { findEvery, toIso, type Db } from '../_lib/db';
import { insertOnce } from '../_lib/writes';
import { materialFor, meetingFor } from './access';

/** Every row of a query on one key (at most the branch's size), read page by page. */
async function rowsWhere<T>(db: Db, collection: 'checkins' | 'noticeReads' | 'branchDeliveries', where: Record<string, unknown>): Promise<T[]> {
  return findEvery<T>(db, collection, { where }, BRANCH_MAX_MEMBERS * 10);
}

interface Resolved {
  title: string;
  branchId: string;
  branchName: string;
  meetingId: string | null;
  materialId: string | null;
}

async function resolve(db: Db, account: AccountDoc, source: DeliverySource): Promise<Resolved> {
  if (source.kind === 'meeting') {
    const meeting = await meetingFor(db, account, source.id);
    return { title: meeting.title, branchId: meeting.branchId, branchName: meeting.branchName, meetingId: meeting._id, materialId: meeting.materialId };
  }
  const material = await materialFor(db, account, source.id);
  return { title: material.notice.title, branchId: material.branchId, branchName: material.branchName, meetingId: null, materialId: material.notice._id };
}

interface Listed {
  /** in name order: members who neither attended nor read */
  due: string[];
  done: Map<string, BranchDeliveryDoc>;
}

async function listOf(db: Db, source: DeliverySource, branchId: string, meetingId: string | null, materialId: string | null): Promise<Listed> {
  const [members, checkins, reads, deliveries] = await Promise.all([
    branchMemberIds(db, branchId),
    meetingId ? rowsWhere<Pick<CheckinDoc, 'memberId'>>(db, 'checkins', { targetId: meetingId, kind: 'meeting' }) : Promise.resolve([]),
    materialId ? rowsWhere<Pick<NoticeReadDoc, 'memberId'>>(db, 'noticeReads', { noticeId: materialId }) : Promise.resolve([]),
    rowsWhere<BranchDeliveryDoc>(db, 'branchDeliveries', { sourceKey: deliverySourceKey(source) }),
  ]);
  const reached = new Set([...checkins.map((c) => c.memberId), ...reads.map((r) => r.memberId)]);
  return { due: members.filter((id) => !reached.has(id)), done: new Map(deliveries.map((d) => [d.memberId, d])) };
}

/** How many are still to visit and how many were done (the meeting screen's figures). */
export async function deliveryCounts(db: Db, source: DeliverySource, branchId: string, meetingId: string | null, materialId: string | null): Promise<{ due: number; done: number }> {
  const { due, done } = await listOf(db, source, branchId, meetingId, materialId);
  const doneCount = due.filter((id) => done.has(id)).length;
  return { due: due.length - doneCount, done: doneCount };
}

type MemberFields = Pick<MemberDoc, '_id' | 'name' | 'phone' | 'town' | 'community'>;

function rowOf(member: MemberFields, delivery: BranchDeliveryDoc | undefined): DeliveryRow {
  return {
    memberId: member._id,
    name: member.name,
    phone: member.phone,
    town: member.town,
    community: member.community,
    done: delivery ? { how: delivery.how, note: delivery.note, byName: delivery.byName, at: toIso(delivery.at) } : null,
  };
}

export async function deliveries(db: Db, account: AccountDoc, input: DeliveriesRequest): Promise<DeliveriesPage> {
  const found = await resolve(db, account, input.source);
  const { due, done } = await listOf(db, input.source, found.branchId, found.meetingId, found.materialId);
  const filter = input.filter ?? 'todo';
  const page = input.page ?? 1;
  const todo = due.filter((id) => !done.has(id));
  const finished = due.filter((id) => done.has(id));
  const list = filter === 'todo' ? todo : finished;
  const ids = list.slice((page - 1) * BRANCH_PAGE_SIZE, page * BRANCH_PAGE_SIZE);
  const members = ids.length
    ? await db.find<MemberFields>('members', { where: { _id: db.command.in(ids) }, fields: { name: true, phone: true, town: true, community: true }, limit: ids.length })
    : [];
  const byId = new Map(members.map((m) => [m._id, m]));
  return {
    title: found.title,
    branchName: found.branchName,
    filter,
    items: ids.flatMap((id) => {
      const member = byId.get(id);
      return member ? [rowOf(member, done.get(id))] : [];
    }),
    total: list.length,
    page,
    pageSize: BRANCH_PAGE_SIZE,
    todo: todo.length,
    done: finished.length,
  };
}

export async function markDelivered(db: Db, account: AccountDoc, input: MarkDeliveredRequest, now: Date): Promise<DeliveryRow> {
  const found = await resolve(db, account, input.source);
  const member = await db.byId<MemberDoc>('members', input.memberId);
  if (!member || member.erasedAt || member.branchId !== found.branchId) throw new CodedError('BRANCH.NOT_IN_BRANCH');
  const id = deliveryId(input.source, member._id);
  const doc: BranchDeliveryDoc = {
    _id: id,
    sourceKey: deliverySourceKey(input.source),
    branchId: found.branchId,
    memberId: member._id,
    how: input.how,
    note: input.note ?? '',
    byOpenid: account.openid,
    byName: account.name,
    at: now,
  };
  await insertOnce(db, 'branchDeliveries', { ...doc });
  const stored = (await db.byId<BranchDeliveryDoc>('branchDeliveries', id)) ?? doc;
  return rowOf(member, stored);
}
