/**
 * Branches and their members: the list (staff: all; a secretary: their own), one branch with its members, meetings
 * and study material, and the staff's edits — a branch's name and secretary, a member's branch. Membership is the
 * roster entry's branchId (also set by the roster import's 党支部 column).
 */
import {
  BRANCH_PAGE_SIZE,
  type BranchDetail,
  type BranchesPage,
  type BranchMemberRow,
  type BranchRow,
  type SaveBranchRequest,
  type SetMemberBranchData,
  type SetMemberBranchRequest,
} from '../../src/shared/contracts-branch';
import type { AccountDoc, LeadRef, MemberDoc, PartyBranchDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { branchMembersWhere } from '../_lib/branch-members';
import type { Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { isStaff } from '../_domain/seats/access';
import { branchFor, ledBranches } from './access';
import { branchRow, materialsOf, meetingsOf, memberCounts } from './views';

export async function listBranches(db: Db, account: AccountDoc, page: number): Promise<BranchesPage> {
  const led = ledBranches(account);
  const where = led === null ? {} : { _id: db.command.in(led) };
  const { docs, total } = await db.findPage<PartyBranchDoc>('partyBranches', { where, orderBy: [['name', 'asc']], page, pageSize: BRANCH_PAGE_SIZE });
  const counts = await memberCounts(db, docs.map((doc) => doc._id));
  return { items: docs.map((doc) => branchRow(doc, counts.get(doc._id) ?? 0)), total, page, pageSize: BRANCH_PAGE_SIZE, canManage: isStaff(account) };
}

type MemberFields = Pick<MemberDoc, '_id' | 'name' | 'phone' | 'town' | 'community'>;

export async function branchDetail(db: Db, account: AccountDoc, branchId: string, page: number): Promise<BranchDetail> {
  const branch = await branchFor(db, account, branchId);
  const where = branchMembersWhere(branchId);
  const [{ docs: members, total }, meetings, materials] = await Promise.all([
    db.findPage<MemberFields>('members', { where, orderBy: [['name', 'asc']], page, pageSize: BRANCH_PAGE_SIZE, fields: { name: true, phone: true, town: true, community: true } }),
    meetingsOf(db, branchId),
    materialsOf(db, branchId),
  ]);
  const items: BranchMemberRow[] = members.map((m) => ({
    memberId: m._id, name: m.name, phone: m.phone, town: m.town, community: m.community, secretary: m._id === branch.secretaryMemberId,
  }));
  return {
    branch: branchRow(branch, total),
    members: { items, total, page, pageSize: BRANCH_PAGE_SIZE },
    meetings,
    materials,
    canManage: isStaff(account),
  };
}

/** The member's bound account (member or leader), if they confirmed who they are. */
async function boundAccount(db: Db, memberId: string): Promise<AccountDoc | null> {
  return db.findOne<AccountDoc>('accounts', { memberId, role: db.command.in(['member', 'leader']) });
}

/** Gives or takes the branch lead; a leader left leading nothing is a member again. */
async function setLead(db: Db, account: AccountDoc, branchId: string, give: boolean): Promise<void> {
  const others = account.leads.filter((lead) => !(lead.kind === 'branch' && lead.id === branchId));
  const leads: LeadRef[] = give ? [...others, { kind: 'branch', id: branchId }] : others;
  const role = leads.length ? 'leader' : 'member';
  await updateWhere(db, 'accounts', { _id: account._id }, { leads: db.command.set(leads), role });
}

/** Changes the branch's secretary (memberId null: none), moving the account's lead with it. */
async function setSecretary(db: Db, branch: PartyBranchDoc, memberId: string | null, now: Date): Promise<void> {
  if (branch.secretaryMemberId === memberId) return;
  let name: string | null = null;
  let next: AccountDoc | null = null;
  if (memberId) {
    const member = await db.byId<MemberDoc>('members', memberId);
    if (!member || member.erasedAt) throw new CodedError('DATA.NOT_FOUND', '没有找到这位老同志');
    if (member.branchId !== branch._id) throw new CodedError('BRANCH.NOT_IN_BRANCH', '支部书记要先是这个党支部的党员');
    next = await boundAccount(db, memberId);
    if (!next) throw new CodedError('BRANCH.NOT_BOUND');
    name = member.name;
  }
  const previous = branch.secretaryMemberId ? await boundAccount(db, branch.secretaryMemberId) : null;
  await updateWhere(db, 'partyBranches', { _id: branch._id }, { secretaryMemberId: memberId, secretaryName: name, updatedAt: now });
  if (previous) await setLead(db, previous, branch._id, false);
  if (next) await setLead(db, next, branch._id, true);
}

export async function saveBranch(db: Db, input: SaveBranchRequest, now: Date): Promise<BranchRow> {
  let id = input.branchId;
  if (!id) {
    id = newDocId('branch', input.requestKey);
    await insertOnce(db, 'partyBranches', { _id: id, name: input.name, secretaryMemberId: null, secretaryName: null, createdAt: now, updatedAt: now });
  } else if (!(await db.byId<PartyBranchDoc>('partyBranches', id))) {
    throw new CodedError('DATA.NOT_FOUND', '没有找到这个党支部');
  }
  await updateWhere(db, 'partyBranches', { _id: id, name: db.command.neq(input.name) }, { name: input.name, updatedAt: now });
  const branch = await db.byId<PartyBranchDoc>('partyBranches', id);
  if (!branch) throw new CodedError('DATA.NOT_FOUND');
  if (input.secretaryMemberId !== undefined) await setSecretary(db, branch, input.secretaryMemberId || null, now);
  const fresh = await db.byId<PartyBranchDoc>('partyBranches', id);
  if (!fresh) throw new CodedError('DATA.NOT_FOUND');
  return branchRow(fresh, await db.count('members', branchMembersWhere(id)));
}

export async function setMemberBranch(db: Db, input: SetMemberBranchRequest, now: Date): Promise<SetMemberBranchData> {
  const member = await db.byId<MemberDoc>('members', input.memberId);
  if (!member || member.erasedAt) throw new CodedError('DATA.NOT_FOUND', '没有找到这位老同志');
  const branchId = input.branchId || null;
  if (branchId) {
    if (!member.partyMember) throw new CodedError('BRANCH.NOT_PARTY_MEMBER');
    if (!(await db.byId<PartyBranchDoc>('partyBranches', branchId))) throw new CodedError('DATA.NOT_FOUND', '没有找到这个党支部');
  }
  const previous = member.branchId ?? null;
  if (previous === branchId) return { memberId: member._id, branchId };
  // the secretary of the branch they leave is no longer its secretary
  const left = previous ? await db.byId<PartyBranchDoc>('partyBranches', previous) : null;
  if (left?.secretaryMemberId === member._id) await setSecretary(db, left, null, now);
  await updateWhere(db, 'members', { _id: member._id }, { branchId });
  return { memberId: member._id, branchId };
}
