/**
 * Lets a screen's own call say "not allowed" to the frame around it: StaffPage shows 没有权限 from the answer of
 * the screen's one call instead of asking member.me first (one call per screen).
 */
import { createContext } from 'react';
import type { AppError } from '../shared/errors';

export const RefusalContext = createContext<((error: AppError) => void) | null>(null);

/** The codes that mean this person may not see the screen at all. */
export function isRefusal(error: AppError): boolean {
  return error.code === 'AUTH.FORBIDDEN' || error.code === 'AUTH.NOT_MEMBER';
}
