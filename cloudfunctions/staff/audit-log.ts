/** The staff audit log, newest first, for admins (entries are written by _lib/staff-audit.ts). */
import { STAFF_PAGE_SIZE, type AuditLogPage, type AuditLogRequest } from '../../src/shared/contracts-staff';
import type { StaffAuditDoc } from '../../src/shared/documents';
import { toIso, type Db } from '../_lib/db';

export async function auditLog(db: Db, input: AuditLogRequest): Promise<AuditLogPage> {
  const page = input.page ?? 1;
  const where: Record<string, unknown> = input.action ? { action: input.action } : {};
  const { docs, total } = await db.findPage<StaffAuditDoc>('staffAudit', { where, orderBy: [['at', 'desc']], page, pageSize: STAFF_PAGE_SIZE });
  return {
    items: docs.map((doc) => ({
      id: doc._id,
      action: doc.action,
      actorName: doc.actorName,
      actorRole: doc.actorRole,
      at: toIso(doc.at),
      changes: doc.changes,
      summary: doc.summary,
    })),
    total,
    page,
    pageSize: STAFF_PAGE_SIZE,
  };
}
