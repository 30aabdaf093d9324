/** The member's 家人代办 screen: their helpers, what the helpers did, and revoking a helper. */
import type { HelpersData, RevokeHelperData } from '../../src/shared/contracts-member';
import type { AccountDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { auditLogOf, recordAudit } from '../_lib/audit';
import type { Actor } from '../_lib/actor';
import { toIso, type Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';
import { clock } from '../_lib/clock';

export async function listHelpers(db: Db, actor: Actor): Promise<HelpersData> {
  const [helpers, log, activeInvitations] = await Promise.all([
    db.find<AccountDoc>('accounts', { where: { role: 'helper', actsFor: actor.memberId }, orderBy: [['createdAt', 'asc']], limit: 50 }),
    auditLogOf(db, actor.memberId),
    db.count('invitations', { memberId: actor.memberId, usedBy: null, expiresAt: db.command.gt(clock.now()) }),
  ]);
  return {
    helpers: helpers.map((helper) => ({
      accountId: helper._id,
      name: helper.name,
      relation: helper.relation ?? '',
      since: toIso(helper.createdAt),
      revokedAt: helper.revokedAt ? toIso(helper.revokedAt) : null,
    })),
    log: log.map((entry) => ({
      at: toIso(entry.at),
      actorName: entry.actorName,
      actorRole: entry.actorRole,
      action: entry.action,
      detail: entry.detail,
    })),
    activeInvitations,
  };
}

/** Revokes one of the member's own helpers; someone else's helper is "not found" (nothing is revealed). */
export async function revokeHelper(db: Db, actor: Actor, helperAccountId: string): Promise<RevokeHelperData> {
  const own = { _id: helperAccountId, role: 'helper', actsFor: actor.memberId };
  const revoked = await updateWhere(db, 'accounts', { ...own, revokedAt: db.command.eq(null) }, { revokedAt: db.serverDate() });
  const helper = await db.findOne<AccountDoc>('accounts', own);
  if (!helper?.revokedAt) throw new CodedError('DATA.NOT_FOUND');
  if (revoked) {
    await recordAudit(db, {
      memberId: actor.memberId,
      actor: actor.account,
      action: 'member.revokeHelper',
      detail: `取消了${helper.name}的代办权限`,
    });
  }
  return { helperAccountId, revokedAt: toIso(helper.revokedAt) };
}
