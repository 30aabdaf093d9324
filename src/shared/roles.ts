/**
 * Named groups of roles for action access. createHandler takes `roles: 'anyone'` or one of these by name
 * (a named constant lets TypeScript give the action a context whose account is never null; an inline array
 * literal does not).
 */
import type { Role } from './primitives';

export const ROLES = {
  /** any registered account */
  account: ['member', 'helper', 'leader', 'staff', 'admin'],
  /** those who act as or for a member */
  members: ['member', 'helper', 'leader'],
  memberOnly: ['member', 'leader'],
  staff: ['staff', 'admin'],
  /** staff, and leaders for the groups they lead (checked by the action against account.leads) */
  runners: ['leader', 'staff', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
