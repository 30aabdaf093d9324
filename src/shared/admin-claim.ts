/**
 * The first administrator's one-time claim code: `npm run deploy` prints it once and keeps only its SHA-256 (as
 * the member function's variable ADMIN_CLAIM_HASH); the first administrator types it on 管理员认领
 * (pages/staff/settings/claim). Typed however people type it: case, spaces and dashes do not matter.
 */
export const CLAIM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CLAIM_CODE_LENGTH = 12;

/** The canonical form that is hashed: upper case, letters and digits only. */
export function normalizeClaimCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** As printed: three groups of four. */
export function formatClaimCode(canonical: string): string {
  return canonical.match(/.{1,4}/g)?.join('-') ?? canonical;
}

export interface ClaimAdminData {
  role: 'admin';
  name: string;
}
