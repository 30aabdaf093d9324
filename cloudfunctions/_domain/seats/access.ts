/**
 * Who may run what around places: staff and admin everything; a leader what their account leads — an activity
 * listed in their leads, a session of a team they lead (check-in board, tapping names, confirming hours), the
 * join requests of an association they lead.
 */
import type { AccountDoc } from '../../../src/shared/documents';
import { CodedError } from '../../../src/shared/errors';

export function isStaff(account: AccountDoc): boolean {
  return account.role === 'staff' || account.role === 'admin';
}

/** What a check-in is run for: an activity, or a service session of a team. */
export type RunTarget = { kind: 'activity'; id: string } | { kind: 'session'; doc: { teamId: string } } | { kind: 'meeting'; doc: { branchId: string } };

function leads(account: AccountDoc, kind: 'activity' | 'team' | 'association' | 'branch', id: string): boolean {
  return account.role === 'leader' && account.leads.some((lead) => lead.kind === kind && lead.id === id);
}

export function mayRun(account: AccountDoc, target: RunTarget): boolean {
  if (isStaff(account)) return true;
  if (target.kind === 'meeting') return leadsBranch(account, target.doc.branchId);
  return target.kind === 'activity' ? leads(account, 'activity', target.id) : leads(account, 'team', target.doc.teamId);
}

/** A branch secretary (支部书记): a leader whose account leads the branch. */
export function leadsBranch(account: AccountDoc, branchId: string): boolean {
  return leads(account, 'branch', branchId);
}

export function assertMayRun(account: AccountDoc, target: RunTarget): void {
  if (!mayRun(account, target)) throw new CodedError('AUTH.FORBIDDEN');
}

/** Staff manage every team's sessions; a leader those of the teams they lead. */
export function mayManageTeam(account: AccountDoc, teamId: string): boolean {
  return isStaff(account) || leads(account, 'team', teamId);
}

export function assertMayManageTeam(account: AccountDoc, teamId: string): void {
  if (!mayManageTeam(account, teamId)) throw new CodedError('AUTH.FORBIDDEN');
}

/** The associations whose join requests the account decides (staff: all, null). */
export function ledAssociations(account: AccountDoc): string[] | null {
  if (isStaff(account)) return null;
  return account.leads.filter((lead) => lead.kind === 'association').map((lead) => lead.id);
}

export function mayDecide(account: AccountDoc, associationId: string): boolean {
  return isStaff(account) || account.leads.some((lead) => lead.kind === 'association' && lead.id === associationId);
}
