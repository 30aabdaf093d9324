/**
 * Who may see and run a party branch: staff and admins every branch; a branch secretary (支部书记: a leader whose
 * account leads { kind: 'branch', id }) their own branch only. Anything of another branch is AUTH.FORBIDDEN.
 */
import type { AccountDoc, BranchMeetingDoc, NoticeDoc, PartyBranchDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { Db } from '../_lib/db';
import { isStaff, leadsBranch } from '../_domain/seats/access';

export function mayRunBranch(account: AccountDoc, branchId: string): boolean {
  return isStaff(account) || leadsBranch(account, branchId);
}

/** The branches a secretary leads (null for staff: all). */
export function ledBranches(account: AccountDoc): string[] | null {
  if (isStaff(account)) return null;
  return account.role === 'leader' ? account.leads.filter((lead) => lead.kind === 'branch').map((lead) => lead.id) : [];
}

export async function branchFor(db: Db, account: AccountDoc, branchId: string): Promise<PartyBranchDoc> {
  if (!mayRunBranch(account, branchId)) throw new CodedError('AUTH.FORBIDDEN', '您只能查看和管理自己所在的党支部');
  const branch = await db.byId<PartyBranchDoc>('partyBranches', branchId);
  if (!branch) throw new CodedError('DATA.NOT_FOUND', '没有找到这个党支部');
  return branch;
}

export async function meetingFor(db: Db, account: AccountDoc, meetingId: string): Promise<BranchMeetingDoc> {
  const meeting = await db.byId<BranchMeetingDoc>('branchMeetings', meetingId);
  if (!meeting) throw new CodedError('DATA.NOT_FOUND', '没有找到这次会议');
  if (!mayRunBranch(account, meeting.branchId)) throw new CodedError('AUTH.FORBIDDEN', '这是别的党支部的会议，您不能查看');
  return meeting;
}

/** A piece of study material: a notice whose audience is one branch. */
export async function materialFor(db: Db, account: AccountDoc, noticeId: string): Promise<{ notice: NoticeDoc; branchId: string; branchName: string }> {
  const notice = await db.byId<NoticeDoc>('notices', noticeId);
  if (!notice) throw new CodedError('DATA.NOT_FOUND', '没有找到这份学习资料');
  const { audience } = notice;
  if (audience.kind !== 'branch') throw new CodedError('BRANCH.BAD_MATERIAL', '这条通知不是发给党支部的学习资料');
  if (!mayRunBranch(account, audience.id)) throw new CodedError('AUTH.FORBIDDEN', '这是别的党支部的学习资料，您不能查看');
  return { notice, branchId: audience.id, branchName: audience.name };
}
