/**
 * 走访慰问 demo data: every member's birthday (drawn from its own seed, so the roster's draws never shift), the 离休
 * demo member's birthday in this week, two members reported in hospital (one due a visit, one visited two days
 * ago), and a few past visits. All dated relative to now.
 */
import type { MemberDoc, VisitDoc } from '../../src/shared/documents';
import { beijingDay } from '../../src/shared/date-rules';
import { weekOf } from '../../src/shared/visit-rules';
import { memberId } from './members';
import { createRng } from './prng';

const BIRTHDAY_SEED = 19491001;
const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Members in hospital: index -> days ago reported. */
export const IN_HOSPITAL: Record<number, number> = { 5: 9, 6: 3 };
const pad = (n: number) => String(n).padStart(2, '0');

/** Adds birthdays and hospital reports to the roster (members by index order, 1-based). */
export function withCare(members: MemberDoc[], now: Date): MemberDoc[] {
  const rng = createRng(BIRTHDAY_SEED);
  const thisWeek = weekOf(now);
  return members.map((member, i) => {
    const month = rng.int(1, 12);
    const drawn = `${pad(month)}-${pad(rng.int(1, DAYS_IN_MONTH[month - 1] as number))}`;
    const index = i + 1;
    const birthday = index === 2 ? (thisWeek[3] as string).slice(5) : drawn;
    const days = IN_HOSPITAL[index];
    return { ...member, birthday, hospitalizedAt: days === undefined ? null : new Date(now.getTime() - days * DAY_MS) };
  });
}

export function buildVisits(now: Date, members: readonly MemberDoc[]): VisitDoc[] {
  const nameOf = (index: number) => members[index - 1]?.name ?? '';
  const day = (daysAgo: number) => beijingDay(new Date(now.getTime() - daysAgo * DAY_MS));
  const visit = (id: string, index: number, reason: VisitDoc['reason'], daysAgo: number, visitors: string, notes: string): VisitDoc => ({
    _id: `visit-${id}`,
    memberId: memberId(index),
    memberName: nameOf(index),
    reason,
    visitedOn: day(daysAgo),
    visitors,
    notes,
    byOpenid: 'demo-staff',
    byName: '刘干事',
    createdAt: new Date(now.getTime() - daysAgo * DAY_MS),
  });
  return [
    visit('hospital-6', 6, 'illness', 2, '局领导李明、干事刘芳', '在县人民医院住院，精神尚好，送去慰问品。'),
    visit('festival-2', 2, 'festival', 40, '局长王强', '春节走访，老人身体硬朗，询问了生活需要。'),
    visit('hardship-9', 9, 'hardship', 20, '干事刘芳', '老伴行动不便，已联系社区上门服务。'),
  ];
}
