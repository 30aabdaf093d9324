/**
 * 入册申请: staff list requests, approve one (creating the roster entry and binding the requester's WeChat to it)
 * or reject it with a reason. Deciding is one conditional update on status 'pending', so of two staff (or two
 * taps) deciding at once exactly one decides; the entry's _id derives from the request, so it is created once.
 */
import {
  ROSTER_PAGE_SIZE,
  type ApproveRequestResult,
  type RejectRequestResult,
  type ReviewRequestsPage,
  type ReviewRequestsRequest,
  type RosterRequestRow,
} from '../../src/shared/contracts-roster';
import type { AccountDoc, MemberDoc, RosterRequestDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { maskPhone } from '../../src/shared/mask';
import { personOf } from '../../src/shared/person';
import { recordAudit } from '../_lib/audit';
import { toIso, type Db } from '../_lib/db';
import { insertOnce } from '../_lib/writes';
import { insertCounted, updateCounted } from '../_domain/tallies/tally';

function rowOf(doc: RosterRequestDoc): RosterRequestRow {
  return {
    id: doc._id,
    ...personOf(doc),
    phoneMasked: maskPhone(doc.phone),
    skills: doc.skills,
    note: doc.note,
    status: doc.status,
    memberId: doc.memberId,
    rejectReason: doc.rejectReason,
    decidedBy: doc.decidedBy,
    createdAt: toIso(doc.createdAt),
    decidedAt: doc.decidedAt ? toIso(doc.decidedAt) : null,
  };
}

export async function listRequests(db: Db, input: ReviewRequestsRequest): Promise<ReviewRequestsPage> {
  const status = input.status ?? 'pending';
  const page = input.page ?? 1;
  const [{ docs, total }, pendingCount] = await Promise.all([
    // pending: oldest first (first come, first served); decided: newest first
    db.findPage<RosterRequestDoc>('rosterRequests', {
      where: { status },
      orderBy: [[status === 'pending' ? 'createdAt' : 'decidedAt', status === 'pending' ? 'asc' : 'desc']],
      page,
      pageSize: ROSTER_PAGE_SIZE,
    }),
    db.count('rosterRequests', { status: 'pending' }),
  ]);
  return { items: docs.map(rowOf), total, pendingCount, page, pageSize: ROSTER_PAGE_SIZE };
}

/** The roster entry made from a request. */
export const memberIdForRequest = (requestId: string): string => `request-${requestId}`;
export const rosterNoForRequest = (requestId: string): string => `SQ-${requestId}`;

async function loadRequest(db: Db, requestId: string): Promise<RosterRequestDoc> {
  const request = await db.byId<RosterRequestDoc>('rosterRequests', requestId);
  if (!request) throw new CodedError('DATA.NOT_FOUND');
  return request;
}


async function createEntry(db: Db, request: RosterRequestDoc, memberId: string): Promise<void> {
  const member: Omit<MemberDoc, 'createdAt'> = {
    _id: memberId,
    rosterNo: rosterNoForRequest(request._id),
    ...personOf(request),
    phone: request.phone,
    skills: request.skills,
    emergencyContact: null,
  };
  await insertCounted(db, 'members', { ...member, createdAt: db.serverDate() });
}

/** Binds the requester's WeChat to the new entry; answers whether it is bound to it now. */
async function bindRequester(db: Db, request: RosterRequestDoc, memberId: string): Promise<boolean> {
  const account: Omit<AccountDoc, '_id' | 'createdAt'> = {
    openid: request.openid,
    role: 'member',
    name: request.name,
    memberId,
    actsFor: null,
    leads: [],
    bindingKey: memberId,
    consent: request.consent,
    largeText: false,
  };
  if (await insertOnce(db, 'accounts', { ...account, createdAt: db.serverDate() })) return true;
  const existing = await db.findOne<AccountDoc>('accounts', { openid: request.openid });
  return existing?.memberId === memberId;
}

export async function approveRequest(db: Db, staff: AccountDoc, requestId: string): Promise<ApproveRequestResult> {
  const request = await loadRequest(db, requestId);
  const memberId = memberIdForRequest(request._id);
  const won =
    request.status === 'pending' &&
    (await updateCounted(db, 'rosterRequests', { _id: request._id, status: 'pending' }, {
      status: 'approved',
      memberId,
      activeKey: request._id,
      decidedBy: staff.name,
      decidedAt: db.serverDate(),
    }));
  if (!won) {
    // decided meanwhile: a repeated approve answers as the first did; anything else was decided otherwise
    const now = await loadRequest(db, requestId);
    if (now.status !== 'approved') throw new CodedError('ROSTER.REQUEST_DONE');
  }
  // idempotent: a retry after a crash between these steps completes them
  await createEntry(db, request, memberId);
  const bound = await bindRequester(db, request, memberId);
  if (won) await recordAudit(db, { memberId, actor: staff, action: 'roster.approveRequest', detail: '工作人员通过了入册申请' });
  return { requestId: request._id, memberId, rosterNo: rosterNoForRequest(request._id), bound };
}

export async function rejectRequest(db: Db, staff: AccountDoc, requestId: string, reason: string): Promise<RejectRequestResult> {
  const request = await loadRequest(db, requestId);
  const updated = await updateCounted(db, 'rosterRequests', { _id: request._id, status: 'pending' }, {
    status: 'rejected',
    rejectReason: reason,
    activeKey: request._id,
    decidedBy: staff.name,
    decidedAt: db.serverDate(),
  });
  // decided meanwhile: a repeated reject answers as the first did; anything else was decided otherwise
  if (!updated && (await loadRequest(db, requestId)).status !== 'rejected') throw new CodedError('ROSTER.REQUEST_DONE');
  return { requestId: request._id, status: 'rejected' };
}
