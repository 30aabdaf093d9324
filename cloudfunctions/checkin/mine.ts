/** 我的志愿时长: the member's balance, every ledger entry, certificate data and recent check-ins, in one call. */
import type { AttendanceItem, MyHoursData } from '../../src/shared/contracts-checkin';
import { beijingClock } from '../../src/shared/date-rules';
import type { CheckinDoc, MemberDoc, TimeBankEntryDoc } from '../../src/shared/documents';
import { hoursText } from '../../src/shared/timebank-rules';
import type { Actor } from '../_lib/actor';
import { toIso, type Db } from '../_lib/db';
import { entryView } from './ledger';
import { timeBankSettings, totalsOf } from '../_domain/points/timebank';

const MAX_ENTRIES = 500;
const MAX_ATTENDANCE = 30;

/** '2025年3月至2026年3月' (Beijing calendar months) */
function periodText(from: Date, to: Date): string {
  const month = (d: Date) => {
    const t = beijingClock(d);
    return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月`;
  };
  const a = month(from);
  const b = month(to);
  return a === b ? a : `${a}至${b}`;
}

export async function mine(db: Db, actor: Actor, now: Date): Promise<MyHoursData> {
  const { memberId } = actor;
  const [entries, totals, member, checkins, settings] = await Promise.all([
    db.find<TimeBankEntryDoc>('timeBankEntries', { where: { memberId }, orderBy: [['at', 'desc']], limit: MAX_ENTRIES }),
    totalsOf(db, memberId),
    db.byId<Pick<MemberDoc, 'name'>>('members', memberId),
    db.find<CheckinDoc>('checkins', { where: { memberId }, orderBy: [['at', 'desc']], limit: MAX_ATTENDANCE }),
    timeBankSettings(db),
  ]);
  const reversed = new Set(entries.map((e) => e.reverses).filter((id): id is string => Boolean(id)));
  const name = member?.name ?? actor.account.name;
  const attendance: AttendanceItem[] = checkins.map((c) => ({ kind: c.kind, targetId: c.targetId, title: c.title, at: toIso(c.at), method: c.method }));
  return {
    viewer: { name: actor.account.name, onBehalf: actor.onBehalf, memberName: name },
    totalHours: totals.hours,
    totalText: hoursText(totals.hours),
    entries: entries.map((e) => entryView(e, reversed)),
    certificate: {
      name,
      hours: totals.hours,
      hoursText: hoursText(totals.hours),
      period: totals.from && totals.to ? { from: toIso(totals.from), to: toIso(totals.to) } : null,
      periodText: totals.from && totals.to ? periodText(new Date(totals.from), new Date(totals.to)) : '',
      issuer: settings.issuer,
      issuedAt: now.toISOString(),
    },
    attendance,
  };
}
