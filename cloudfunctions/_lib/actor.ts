/**
 * Who acts for which member. A member or leader acts for their own roster entry; a helper for the member who
 * invited them (actsFor), unless that member revoked them: a revoked helper is refused (AUTH.HELPER_REVOKED).
 * Actions that act on a member's data resolve the actor here and record what a helper did with `recordIfOnBehalf`.
 */
import type { AccountDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { recordAudit } from './audit';
import type { Db } from './db';

export interface Actor {
  account: AccountDoc;
  /** the member acted for */
  memberId: string;
  /** true when a helper acts for the member */
  onBehalf: boolean;
}

export function isRevokedHelper(account: AccountDoc | null): boolean {
  return account?.role === 'helper' && account.revokedAt != null;
}

/** Refuses a revoked helper; any other account (or none) passes. */
export function assertNotRevoked(account: AccountDoc | null): void {
  if (isRevokedHelper(account)) throw new CodedError('AUTH.HELPER_REVOKED');
}

/** The member this account acts for; AUTH.NOT_MEMBER for an account bound to no member (e.g. staff). */
export function resolveActor(account: AccountDoc): Actor {
  assertNotRevoked(account);
  if (account.role === 'helper') {
    if (!account.actsFor) throw new CodedError('AUTH.NOT_MEMBER');
    return { account, memberId: account.actsFor, onBehalf: true };
  }
  if (!account.memberId) throw new CodedError('AUTH.NOT_MEMBER');
  return { account, memberId: account.memberId, onBehalf: false };
}

/** Records an action in the member's audit log when a helper did it for them. */
export async function recordIfOnBehalf(db: Db, actor: Actor, action: string, detail: string): Promise<void> {
  if (!actor.onBehalf) return;
  await recordAudit(db, { memberId: actor.memberId, actor: actor.account, action, detail });
}
