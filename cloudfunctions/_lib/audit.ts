/**
 * The audit log of what someone did for a member (auditLog collection): every helper action, and staff actions
 * on a member's data. The member reads it on their 家人代办 screen.
 */
import type { AccountDoc, AuditLogDoc } from '../../src/shared/documents';
import type { Db } from './db';
import { insertOne } from './writes';

export interface AuditEntryInput {
  memberId: string;
  actor: Pick<AccountDoc, 'openid' | 'name' | 'role'>;
  /** stable name, e.g. 'member.updateProfile' */
  action: string;
  /** plain Chinese the member understands, e.g. '修改了电话' */
  detail: string;
}

export async function recordAudit(db: Db, entry: AuditEntryInput): Promise<void> {
  await insertOne(db, 'auditLog', {
    memberId: entry.memberId,
    actorOpenid: entry.actor.openid,
    actorName: entry.actor.name,
    actorRole: entry.actor.role,
    action: entry.action,
    detail: entry.detail,
    at: db.serverDate(),
  });
}

/** The newest entries about one member. */
export function auditLogOf(db: Db, memberId: string, limit = 50): Promise<AuditLogDoc[]> {
  return db.find<AuditLogDoc>('auditLog', { where: { memberId }, orderBy: [['at', 'desc']], limit });
}
