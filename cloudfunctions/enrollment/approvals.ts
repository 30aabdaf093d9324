/**
 * Join requests of associations that need approval (待审核): a leader decides only for the associations they
 * lead (account.leads), staff and admin for all. Approving moves the request into the association's line in
 * one conditional update, exactly once (the pending -> active transition is itself conditional).
 */
import { APPROVALS_PAGE_SIZE, type ApprovalItem, type ApprovalsPage } from '../../src/shared/contracts-enrollment';
import type { AccountDoc, EnrollmentDoc, MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { toIso, type Db } from '../_lib/db';
import { updateCounted } from '../_domain/tallies/tally';
import { ledAssociations, mayDecide } from '../_domain/seats/access';
import { MINE_PAGE, notifyMember } from '../_domain/seats/notify';
import { follow, pushOnto } from '../_domain/seats/place';
import type { SeatDeps } from '../_domain/seats/signup';
import { loadTarget, seatRevOf, SIGN_UP } from '../_domain/seats/targets';

async function toItems(db: Db, enrollments: EnrollmentDoc[]): Promise<ApprovalItem[]> {
  if (enrollments.length === 0) return [];
  const _ = db.command;
  const memberIds = [...new Set(enrollments.map((e) => e.memberId))];
  const members = await db.find<Pick<MemberDoc, '_id' | 'name' | 'town'>>('members', {
    where: { _id: _.in(memberIds) },
    fields: { name: true, town: true },
    limit: 1000,
  });
  const byId = new Map(members.map((m) => [m._id, m]));
  return enrollments.map((e) => ({
    enrollmentId: e._id,
    associationId: e.targetId,
    associationName: e.title,
    memberId: e.memberId,
    memberName: byId.get(e.memberId)?.name ?? '',
    town: byId.get(e.memberId)?.town ?? '',
    requestedAt: toIso(e.updatedAt),
    status: e.status,
  }));
}

export async function listApprovals(db: Db, account: AccountDoc, page = 1): Promise<ApprovalsPage> {
  const _ = db.command;
  const where: Record<string, unknown> = { kind: 'association', status: 'pending' };
  const led = ledAssociations(account);
  if (led) where.targetId = _.in(led);
  const { docs: pending, total } = await db.findPage<EnrollmentDoc>('enrollments', {
    where,
    orderBy: [['updatedAt', 'asc'], ['_id', 'asc']],
    page,
    pageSize: APPROVALS_PAGE_SIZE,
  });
  return { requests: await toItems(db, pending), total, page, pageSize: APPROVALS_PAGE_SIZE };
}

async function loadDecidable(db: Db, account: AccountDoc, enrollmentId: string): Promise<EnrollmentDoc> {
  const enrollment = await db.byId<EnrollmentDoc>('enrollments', enrollmentId);
  if (!enrollment || enrollment.kind !== 'association') throw new CodedError('DATA.NOT_FOUND');
  if (!mayDecide(account, enrollment.targetId)) throw new CodedError('AUTH.FORBIDDEN');
  return enrollment;
}

export async function approve(deps: SeatDeps, account: AccountDoc, enrollmentId: string): Promise<ApprovalItem> {
  const { db } = deps;
  const enrollment = await loadDecidable(db, account, enrollmentId);
  const decided = await updateCounted(db, 'enrollments', { _id: enrollment._id, status: 'pending' }, {
    status: 'active', decidedBy: account.name, updatedAt: deps.now,
  });
  if (!decided && enrollment.status !== 'active') throw new CodedError('ENROLL.NOT_PENDING');
  const active: EnrollmentDoc = { ...enrollment, status: 'active' };
  const association = await loadTarget(db, 'association', enrollment.targetId);
  if (!association) throw new CodedError('DATA.NOT_FOUND');
  // the place, then the enrollment follows the line at that version (a withdrawal meanwhile loses to it)
  const after = await pushOnto(db, association, null, enrollment.memberId, SIGN_UP, deps.now);
  await follow(db, enrollment._id, seatRevOf(after), { status: 'active' }, { status: db.command.nin(['pending', 'rejected']) });
  if (decided) {
    await notifyMember(db, deps.cloud, enrollment.memberId, {
      template: 'approval', page: MINE_PAGE, what: enrollment.title, outcome: '已通过', next: '欢迎入会，请按时参加活动',
    });
  }
  const [item] = await toItems(db, [{ ...active, updatedAt: deps.now }]);
  return item as ApprovalItem;
}

export async function reject(deps: SeatDeps, account: AccountDoc, enrollmentId: string, reason: string | undefined): Promise<ApprovalItem> {
  const { db } = deps;
  const enrollment = await loadDecidable(db, account, enrollmentId);
  const decided = await updateCounted(db, 'enrollments', { _id: enrollment._id, status: 'pending' }, {
    status: 'rejected', termSlot: enrollment._id, decidedBy: account.name, rejectReason: reason ?? null, updatedAt: deps.now,
  });
  if (!decided) throw new CodedError('ENROLL.NOT_PENDING');
  await notifyMember(db, deps.cloud, enrollment.memberId, {
    template: 'approval', page: MINE_PAGE, what: enrollment.title, outcome: '未通过', next: reason ?? '如有疑问请联系老干部局',
  });
  const [item] = await toItems(db, [{ ...enrollment, status: 'rejected', updatedAt: deps.now }]);
  return item as ApprovalItem;
}
