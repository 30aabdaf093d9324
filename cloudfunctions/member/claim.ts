/**
 * 管理员认领: the first administrator, once. The code's hash comes from the deploy (function variable
 * ADMIN_CLAIM_HASH); the claim is taken by inserting settings {_id: 'adminClaim'} (one winner, by _id), and only
 * while no administrator exists. The caller's account becomes (or is created as) an admin account, and the staff
 * audit log records it. After that, roles are granted by administrators only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { normalizeClaimCode, type ClaimAdminData } from '../../src/shared/admin-claim';
import type { ClaimAdminRequest } from '../../src/shared/contracts-member';
import type { AccountDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { GuestContext } from '../_lib/createHandler';
import { insertOne, isDuplicateKey, updateWhere } from '../_lib/writes';

export const ADMIN_CLAIM_ID = 'adminClaim';

function codeMatches(input: string): boolean {
  const expected = process.env.ADMIN_CLAIM_HASH ?? '';
  if (!/^[0-9a-f]{64}$/.test(expected)) return false;
  const actual = createHash('sha256').update(normalizeClaimCode(input)).digest('hex');
  return timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
}

export async function claimAdmin(input: ClaimAdminRequest, ctx: GuestContext): Promise<ClaimAdminData> {
  const { db, openid, account } = ctx;
  if (!codeMatches(input.code)) throw new CodedError('ADMIN.CLAIM_WRONG');
  if ((await db.count('accounts', { role: 'admin' })) > 0) throw new CodedError('ADMIN.CLAIM_USED');
  try {
    await insertOne(db, 'settings', { _id: ADMIN_CLAIM_ID, openid, name: input.name, claimedAt: db.serverDate() });
  } catch (error) {
    if (isDuplicateKey(error)) throw new CodedError('ADMIN.CLAIM_USED');
    throw error;
  }
  const before: AccountDoc | null = account;
  let accountId: string;
  if (account) {
    accountId = account._id;
    await updateWhere(db, 'accounts', { _id: account._id }, { role: 'admin', name: input.name });
  } else {
    accountId = await insertOne(db, 'accounts', {
      openid,
      role: 'admin',
      name: input.name,
      memberId: null,
      actsFor: null,
      leads: [],
      bindingKey: `openid:${openid}`,
      createdAt: db.serverDate(),
    });
  }
  await insertOne(db, 'staffAudit', {
    action: 'member.claimAdmin',
    actorOpenid: openid,
    actorName: input.name,
    actorRole: 'admin',
    at: db.serverDate(),
    changes: [{ collection: 'accounts', id: accountId, before: before ? { role: before.role } : null, after: { role: 'admin', name: input.name } }],
    summary: { firstAdministrator: true },
  });
  return { role: 'admin', name: input.name };
}
