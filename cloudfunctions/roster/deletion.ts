/**
 * 注销申请 (PIPL): staff list deletion requests and confirm one. Confirming rewrites the roster entry keeping only
 * what the bureau's figures count (roster number, 类别, 性别, 乡镇街道, 是否党员, 建档时间) — every other field,
 * including any added later, is gone — removes the member's account and their helpers' accounts and invitations,
 * erases the personal fields of their 入册申请, and marks the request done. Every step is idempotent, so a repeat
 * (or a retry after a crash) finishes the job; the roster number stays so a re-import does not revive the person.
 */
import {
  ERASED_NAME,
  ROSTER_PAGE_SIZE,
  type ConfirmDeletionResult,
  type DeletionRequestRow,
  type DeletionRequestsPage,
  type DeletionRequestsRequest,
} from '../../src/shared/contracts-roster';
import type { AccountDoc, DeletionRequestDoc, MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { recordAudit } from '../_lib/audit';
import { toIso, type Db } from '../_lib/db';
import { removeWhere, updateWhere } from '../_lib/writes';
import { anyOf } from './query';
import { updateCounted } from '../_domain/tallies/tally';

export async function listDeletions(db: Db, input: DeletionRequestsRequest): Promise<DeletionRequestsPage> {
  const status = input.status ?? 'pending';
  const page = input.page ?? 1;
  const [{ docs, total }, pendingCount] = await Promise.all([
    db.findPage<DeletionRequestDoc>('deletionRequests', {
      where: { status },
      orderBy: [[status === 'pending' ? 'createdAt' : 'doneAt', status === 'pending' ? 'asc' : 'desc']],
      page,
      pageSize: ROSTER_PAGE_SIZE,
    }),
    db.count('deletionRequests', { status: 'pending' }),
  ]);
  const ids = [...new Set(docs.map((doc) => doc.memberId))];
  const members = ids.length ? await db.find<MemberDoc>('members', { where: { _id: db.command.in(ids) }, limit: 1000 }) : [];
  const byId = new Map(members.map((member) => [member._id, member]));
  const items = docs.map((doc): DeletionRequestRow => {
    const member = byId.get(doc.memberId);
    return {
      id: doc._id,
      memberId: doc.memberId,
      rosterNo: member?.rosterNo ?? null,
      memberName: member?.name ?? ERASED_NAME,
      town: member?.town ?? null,
      reason: doc.reason,
      status: doc.status,
      requestedAt: toIso(doc.createdAt),
      doneAt: doc.doneAt ? toIso(doc.doneAt) : null,
      doneBy: doc.doneBy,
    };
  });
  return { items, total, pendingCount, page, pageSize: ROSTER_PAGE_SIZE };
}

/** The entry as it stays after erasure: only what the bureau's figures count. */
export function erased(member: MemberDoc): Omit<MemberDoc, '_id' | 'erasedAt'> {
  return {
    rosterNo: member.rosterNo,
    name: ERASED_NAME,
    memberType: member.memberType,
    gender: member.gender,
    birthYear: 0,
    formerUnit: '',
    town: member.town,
    community: '',
    partyMember: member.partyMember,
    phone: '',
    skills: [],
    emergencyContact: null,
    createdAt: member.createdAt,
  };
}

export async function confirmDeletion(db: Db, staff: AccountDoc, requestId: string): Promise<ConfirmDeletionResult> {
  const request = await db.byId<DeletionRequestDoc>('deletionRequests', requestId);
  if (!request) throw new CodedError('DATA.NOT_FOUND');
  const member = await db.byId<MemberDoc>('members', request.memberId);
  if (member && !member.erasedAt) {
    // replaced whole: nothing personal survives, whatever fields it had; the roster's tally moves with it
    await updateCounted(db, 'members', { _id: member._id, erasedAt: null }, { ...erased(member), erasedAt: db.serverDate() }, 'replace');
  }
  const accountsRemoved = await removeWhere(db, 'accounts', anyOf(db, [{ memberId: request.memberId }, { actsFor: request.memberId }]));
  await removeWhere(db, 'invitations', { memberId: request.memberId });
  await updateWhere(db, 'rosterRequests', { memberId: request.memberId }, {
    name: ERASED_NAME,
    phone: '',
    birthYear: 0,
    formerUnit: '',
    community: '',
    skills: [],
    note: '',
  });
  const done = await updateCounted(db, 'deletionRequests', { _id: request._id, status: 'pending' }, {
    status: 'done',
    activeKey: request._id,
    doneBy: staff.name,
    doneAt: db.serverDate(),
  });
  if (done) {
    await recordAudit(db, { memberId: request.memberId, actor: staff, action: 'roster.confirmDeletion', detail: '工作人员确认注销，个人信息已删除' });
  }
  return { requestId: request._id, memberId: request.memberId, accountsRemoved };
}
