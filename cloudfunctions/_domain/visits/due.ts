/**
 * The care visits falling due (五必访): birthdays this week and members in hospital not visited for it within 7 days
 * (rules in src/shared/visit-rules.ts). Read by the staff due list and the scheduler's morning digest.
 */
import type { BirthdayDue, HospitalDue, VisitsDueData } from '../../../src/shared/contracts-staff';
import type { MemberDoc, VisitDoc } from '../../../src/shared/documents';
import { ageTurning, birthdaysOfWeek, birthdayThisWeek, daysInHospital, hospitalVisitDue, isMilestone, weekOf } from '../../../src/shared/visit-rules';
import { aggregateRows } from '../../_lib/aggregate';
import { toIso, type Db } from '../../_lib/db';

/** Most members one due list shows per kind (a county of 12,000 has ~230 birthdays a week). */
const DUE_MAX = 1000;

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
    where: _.and([{ erasedAt: null }, _.or([{ birthday: _.in(birthdaysOfWeek(now)) }, { hospitalizedAt: _.neq(null) }])]),
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
