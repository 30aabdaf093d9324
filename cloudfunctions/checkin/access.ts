/**
 * Who runs a target's check-in (the board, tapping names, confirming hours): staff and admin for everything; a
 * leader for what they lead — an activity listed in their account's leads, or a session of a team they lead.
 */
import type { AccountDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { CheckinTarget } from './targets';

export function isStaff(account: AccountDoc): boolean {
  return account.role === 'staff' || account.role === 'admin';
}

export function mayRun(account: AccountDoc, target: CheckinTarget): boolean {
  if (isStaff(account)) return true;
  if (account.role !== 'leader') return false;
  const lead = target.kind === 'activity' ? { kind: 'activity', id: target.id } : { kind: 'team', id: target.doc.teamId };
  return account.leads.some((l) => l.kind === lead.kind && l.id === lead.id);
}

export function assertMayRun(account: AccountDoc, target: CheckinTarget): void {
  if (!mayRun(account, target)) throw new CodedError('AUTH.FORBIDDEN');
}

/** Staff manage every team's sessions; a leader those of the teams they lead. */
export function mayManageTeam(account: AccountDoc, teamId: string): boolean {
  return isStaff(account) || (account.role === 'leader' && account.leads.some((l) => l.kind === 'team' && l.id === teamId));
}

export function assertMayManageTeam(account: AccountDoc, teamId: string): void {
  if (!mayManageTeam(account, teamId)) throw new CodedError('AUTH.FORBIDDEN');
}
