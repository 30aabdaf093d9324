/** The staff audit log, newest first, for admins (entries are written by _lib/staff-audit.ts). */
import { STAFF_PAGE_SIZE, type AuditLogPage, type AuditLogRequest } from '../../src/shared/contracts-staff';
import type { StaffAuditDoc } from '../../src/shared/documents';
import { toIso, type Db } from '../_lib/db';

export async function auditLog(db: Db, input: AuditLogRequest): Promise<AuditLogPage> {
  const page = input.page ?? 1;
  const where: Record<string, unknown> = input.action ? { action: input.action } : {};
  const [docs, total] = await Promise.all([
    db.find<StaffAuditDoc>('staffAudit', { where, orderBy: [['at', 'desc']], skip: (page - 1) * STAFF_PAGE_SIZE, limit: STAFF_PAGE_SIZE }),
    db.count('staffAudit', where),
  ]);
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
