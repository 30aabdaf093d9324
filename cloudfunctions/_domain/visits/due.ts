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

type DueMember = Pick<MemberDoc, '_id' | 'name' | 'town' | 'memberType' | 'birthYear' | 'birthday' | 'hospitalizedAt'> & {
  /** the latest birthday visit this week, the latest illness visit (YYYY-MM-DD), null when none */
  birthdayVisit: string | null;
  illnessVisit: string | null;
};
const DUE_FIELDS = { name: 1, town: 1, memberType: 1, birthYear: 1, birthday: 1, hospitalizedAt: 1 };

export async function visitsDue(db: Db, now: Date): Promise<VisitsDueData> {
  const _ = db.command;
  const week = weekOf(now);
  const from = week[0] as string;
  const to = week[6] as string;
  // One aggregate for both lists: members with a birthday this week or in hospital, each with their latest
  // birthday visit this week and latest illness visit (joined on visits.memberId, reduced to two dates).
  const $ = _.aggregate;
  const latest = (reason: VisitDoc['reason'], since?: string) =>
    $.max(
      $.map({
        input: $.filter({ input: '$visits', as: 'v', cond: $.and([$.eq(['$$v.reason', reason]), ...(since ? [$.gte(['$$v.visitedOn', since])] : [])]) }),
        as: 'v',
        in: '$$v.visitedOn',
      }),
    );
  const due = await aggregateRows<DueMember>(
    db,
    'members',
    (agg) =>
      agg
        .match(_.and([{ erasedAt: null }, _.or([{ birthday: _.in(birthdaysOfWeek(now)) }, { hospitalizedAt: _.neq(null) }])]))
        .sort({ hospitalizedAt: 1 })
        .limit(DUE_MAX)
        .lookup({ from: 'visits', localField: '_id', foreignField: 'memberId', as: 'visits' })
        .project({ ...DUE_FIELDS, birthdayVisit: latest('birthday', from), illnessVisit: latest('illness') }),
    DUE_MAX,
  );
  const thisWeek = new Set(birthdaysOfWeek(now));
  const born = due.filter((m) => m.birthday && thisWeek.has(m.birthday));
  const inHospital = due.filter((m) => m.hospitalizedAt);
  const birthdays = born
    .map((m): BirthdayDue => {
      const day = birthdayThisWeek(m.birthday ?? '', now) ?? from;
      const age = ageTurning(m.birthYear, day);
      return { memberId: m._id, name: m.name, town: m.town, memberType: m.memberType, day, age, milestone: isMilestone(age), visited: Boolean(m.birthdayVisit) };
    })
    .sort((a, b) => Number(b.milestone) - Number(a.milestone) || a.day.localeCompare(b.day) || b.age - a.age);
  const hospital = inHospital
    .filter((m) => hospitalVisitDue(m.hospitalizedAt as Date, m.illnessVisit ?? null, now))
    .map((m): HospitalDue => ({
      memberId: m._id,
      name: m.name,
      town: m.town,
      memberType: m.memberType,
      hospitalizedAt: toIso(m.hospitalizedAt as Date),
      daysInHospital: daysInHospital(m.hospitalizedAt as Date, now),
      lastVisitOn: m.illnessVisit ?? null,
    }));
  return { week: { from, to }, birthdays, hospital };
}
