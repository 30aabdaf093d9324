/**
 * 走访慰问 (五必访): record a visit, list visits, mark a member in hospital (or back home), and the due list —
 * birthdays this week and members in hospital not visited for it within 7 days (rules in src/shared/visit-rules.ts).
 */
import {
  STAFF_PAGE_SIZE,
  type BirthdayDue,
  type HospitalDue,
  type RecordVisitRequest,
  type SetHospitalData,
  type SetHospitalRequest,
  type VisitRow,
  type VisitsDueData,
  type VisitsPage,
  type VisitsRequest,
} from '../../src/shared/contracts-staff';
import type { AccountDoc, MemberDoc, VisitDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { beijingDay } from '../../src/shared/suggestion-rules';
import {
  ageTurning,
  birthdaysOfWeek,
  birthdayThisWeek,
  daysInHospital,
  hospitalVisitDue,
  isMilestone,
  VISIT_REASON_LABELS,
  weekOf,
} from '../../src/shared/visit-rules';
import { aggregateRows } from '../_lib/aggregate';
import { toIso, type Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';

/** Most members one due list shows per kind (a county of 12,000 has ~230 birthdays a week). */
const DUE_MAX = 1000;

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

async function liveMember(db: Db, memberId: string): Promise<MemberDoc> {
  const member = await db.byId<MemberDoc>('members', memberId);
  if (!member || member.erasedAt) throw new CodedError('DATA.NOT_FOUND', '没有找到这位老同志');
  return member;
}

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
  const [docs, total] = await Promise.all([
    db.find<VisitDoc>('visits', { where, orderBy: [['visitedOn', 'desc'], ['createdAt', 'desc']], skip: (page - 1) * STAFF_PAGE_SIZE, limit: STAFF_PAGE_SIZE }),
    db.count('visits', where),
  ]);
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

type DueMember = Pick<MemberDoc, '_id' | 'name' | 'town' | 'memberType' | 'birthYear' | 'birthday' | 'hospitalizedAt'>;
const DUE_FIELDS = { name: true, town: true, memberType: true, birthYear: true, birthday: true, hospitalizedAt: true };

/**
 * The latest birthday visit (from `from` on) and the latest illness visit of each member: one aggregate for both,
 * at most one row per member and reason.
 */
async function lastVisits(db: Db, birthdayIds: string[], illnessIds: string[], from: string): Promise<{ birthday: Map<string, string>; illness: Map<string, string> }> {
  const birthday = new Map<string, string>();
  const illness = new Map<string, string>();
  if (birthdayIds.length + illnessIds.length === 0) return { birthday, illness };
  const _ = db.command;
  const match = _.or([
    { reason: 'birthday', memberId: _.in(birthdayIds), visitedOn: _.gte(from) },
    { reason: 'illness', memberId: _.in(illnessIds) },
  ]);
  const rows = await aggregateRows<{ _id: { memberId: string; reason: VisitDoc['reason'] }; last: string }>(
    db,
    'visits',
    (agg) => agg.match(match).group({ _id: { memberId: '$memberId', reason: '$reason' }, last: { $max: '$visitedOn' } }),
    birthdayIds.length + illnessIds.length,
  );
  for (const row of rows) (row._id.reason === 'birthday' ? birthday : illness).set(row._id.memberId, row.last);
  return { birthday, illness };
}

export async function visitsDue(db: Db, now: Date): Promise<VisitsDueData> {
  const _ = db.command;
  const week = weekOf(now);
  const from = week[0] as string;
  const to = week[6] as string;
  // One read for both lists: members with a birthday this week or in hospital.
  const due = await db.find<DueMember>('members', {
    where: _.and([{ erasedAt: null }, _.or([{ birthday: _.in(birthdaysOfWeek(now)) }, { hospitalizedAt: _.neq(null) }])]) as unknown as Record<string, unknown>,
    orderBy: [['hospitalizedAt', 'asc']],
    fields: DUE_FIELDS,
    limit: DUE_MAX,
  });
  const thisWeek = new Set(birthdaysOfWeek(now));
  const born = due.filter((m) => m.birthday && thisWeek.has(m.birthday));
  const inHospital = due.filter((m) => m.hospitalizedAt);
  const { birthday: birthdayVisits, illness: illnessVisits } = await lastVisits(db, born.map((m) => m._id), inHospital.map((m) => m._id), from);
  const birthdays = born
    .map((m): BirthdayDue => {
      const day = birthdayThisWeek(m.birthday ?? '', now) ?? from;
      const age = ageTurning(m.birthYear, day);
      return { memberId: m._id, name: m.name, town: m.town, memberType: m.memberType, day, age, milestone: isMilestone(age), visited: birthdayVisits.has(m._id) };
    })
    .sort((a, b) => Number(b.milestone) - Number(a.milestone) || a.day.localeCompare(b.day) || b.age - a.age);
  const hospital = inHospital
    .filter((m) => hospitalVisitDue(m.hospitalizedAt as Date, illnessVisits.get(m._id) ?? null, now))
    .map((m): HospitalDue => ({
      memberId: m._id,
      name: m.name,
      town: m.town,
      memberType: m.memberType,
      hospitalizedAt: toIso(m.hospitalizedAt as Date),
      daysInHospital: daysInHospital(m.hospitalizedAt as Date, now),
      lastVisitOn: illnessVisits.get(m._id) ?? null,
    }));
  return { week: { from, to }, birthdays, hospital };
}
