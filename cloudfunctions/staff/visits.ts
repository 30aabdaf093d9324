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
import { insertOne, updateWhere } from '../_lib/writes';

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
  const id = await insertOne(db, 'visits', doc as unknown as Record<string, unknown>);
  return visitRow({ _id: id, ...doc });
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

/** The latest visit day per member for a reason, from `from` on (one aggregate). */
async function lastVisits(db: Db, memberIds: string[], reason: VisitDoc['reason'], from?: string): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const _ = db.command;
  const match: Record<string, unknown> = { reason, memberId: _.in(memberIds) };
  if (from) match.visitedOn = _.gte(from);
  const list = await aggregateRows<{ _id: string; last: string }>(
    db,
    'visits',
    (agg) => agg.match(match).group({ _id: '$memberId', last: { $max: '$visitedOn' } }),
    memberIds.length, // one row per member at most
  );
  return new Map(list.map((row) => [row._id, row.last]));
}

export async function visitsDue(db: Db, now: Date): Promise<VisitsDueData> {
  const _ = db.command;
  const week = weekOf(now);
  const from = week[0] as string;
  const to = week[6] as string;
  const [born, inHospital] = await Promise.all([
    db.find<DueMember>('members', { where: { birthday: _.in(birthdaysOfWeek(now)), erasedAt: null }, fields: DUE_FIELDS, limit: DUE_MAX }),
    db.find<DueMember>('members', { where: { hospitalizedAt: _.neq(null), erasedAt: null }, orderBy: [['hospitalizedAt', 'asc']], fields: DUE_FIELDS, limit: DUE_MAX }),
  ]);
  const [birthdayVisits, illnessVisits] = await Promise.all([
    lastVisits(db, born.map((m) => m._id), 'birthday', from),
    lastVisits(db, inHospital.map((m) => m._id), 'illness'),
  ]);
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
