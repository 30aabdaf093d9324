/**
 * 走访慰问 (五必访): record a visit, list visits, mark a member in hospital (or back home). The due list is
 * cloudfunctions/_domain/visits/due.ts (shared with the scheduler's morning digest).
 */
import {
  STAFF_PAGE_SIZE,
  type RecordVisitRequest,
  type SetHospitalData,
  type SetHospitalRequest,
  type VisitRow,
  type VisitsPage,
  type VisitsRequest,
} from '../../src/shared/contracts-staff';
import type { AccountDoc, VisitDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { beijingDay } from '../../src/shared/date-rules';
import { VISIT_REASON_LABELS } from '../../src/shared/visit-rules';
import { toIso, type Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { liveMember } from '../_lib/live-member';

const visitRow = (doc: VisitDoc): VisitRow => ({
  id: doc._id,
  memberId: doc.memberId,
  memberName: doc.memberName,
  reason: doc.reason,
  reasonLabel: VISIT_REASON_LABELS[doc.reason],
  visitedOn: doc.visitedOn,
  visitors: doc.visitors,
  notes: doc.notes,
  byName: doc.byName,
});

export async function recordVisit(db: Db, account: AccountDoc, input: RecordVisitRequest, now: Date): Promise<VisitRow> {
  if (input.visitedOn > beijingDay(now)) throw new CodedError('INPUT.INVALID', '走访日期不能晚于今天');
  const member = await liveMember(db, input.memberId);
  const doc: Omit<VisitDoc, '_id'> = {
    memberId: member._id,
    memberName: member.name,
    reason: input.reason,
    visitedOn: input.visitedOn,
    visitors: input.visitors,
    notes: input.notes ?? '',
    byOpenid: account.openid,
    byName: account.name,
    createdAt: now,
  };
  const id = newDocId('visit', input.requestKey);
  if (await insertOnce(db, 'visits', { _id: id, ...doc })) return visitRow({ _id: id, ...doc });
  const stored = await db.byId<VisitDoc>('visits', id);
  if (!stored) throw new CodedError('DATA.NOT_FOUND');
  return visitRow(stored);
}

export async function listVisits(db: Db, input: VisitsRequest): Promise<VisitsPage> {
  const page = input.page ?? 1;
  const where: Record<string, unknown> = {};
  if (input.memberId) where.memberId = input.memberId;
  if (input.reason) where.reason = input.reason;
  const { docs, total } = await db.findPage<VisitDoc>('visits', { where, orderBy: [['visitedOn', 'desc'], ['createdAt', 'desc']], page, pageSize: STAFF_PAGE_SIZE });
  return { items: docs.map(visitRow), total, page, pageSize: STAFF_PAGE_SIZE };
}

/** In hospital: keeps the first report's date while they stay in; back home: cleared. */
export async function setHospital(db: Db, input: SetHospitalRequest, now: Date): Promise<SetHospitalData> {
  const member = await liveMember(db, input.memberId);
  if (input.inHospital) await updateWhere(db, 'members', { _id: member._id, hospitalizedAt: null }, { hospitalizedAt: now });
  else await updateWhere(db, 'members', { _id: member._id }, { hospitalizedAt: null });
  const fresh = await liveMember(db, member._id);
  return { memberId: fresh._id, hospitalizedAt: fresh.hospitalizedAt ? toIso(fresh.hospitalizedAt) : null };
}
