/**
 * Who is in a party branch (党支部): the roster entries (not erased) whose branchId names it. The one place that
 * reads branch membership for notices (audience), check-in (a meeting's expected list) and the branch function.
 */
import { BRANCH_MAX_MEMBERS } from '../../src/shared/contracts-branch';
import { findEvery, type Db } from './db';

/** The where-clause of a branch's members (not erased). */
export const branchMembersWhere = (branchId: string) => ({ branchId, erasedAt: null });

/** The ids of a branch's members, by name (at most BRANCH_MAX_MEMBERS). */
export async function branchMemberIds(db: Db, branchId: string): Promise<string[]> {
  const rows = await findEvery<{ _id: string }>(db, 'members', { where: branchMembersWhere(branchId), orderBy: [['name', 'asc']], fields: { _id: true } }, BRANCH_MAX_MEMBERS);
  return rows.map((row) => row._id);
}
