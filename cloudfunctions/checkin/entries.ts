/**
 * The 签到码 list: what the caller may open the board of — today's activities and service sessions (including ones
 * under way or already over today) and upcoming ones, soonest first, with party-branch meetings. Staff see everything
 * not cancelled; a leader only the activities they lead, the sessions of the teams they lead and the meetings of the
 * branches they are secretary of.
 */
import type { CheckinTargetView } from '../../src/shared/contracts-checkin';
import type { AccountDoc, ActivityDoc, BranchMeetingDoc, ServiceSessionDoc } from '../../src/shared/documents';
import { beijingDay, beijingDayStart } from '../../src/shared/date-rules';
import type { Db } from '../_lib/db';
import { isStaff } from '../_domain/seats/access';
import { targetView } from './targets';

/** Per kind; a county runs far fewer at once. */
const MAX_PER_KIND = 200;

/** null: everything (staff); otherwise the ids the leader leads (possibly none). */
function ledIds(account: AccountDoc, kind: 'activity' | 'team' | 'branch'): string[] | null {
  if (isStaff(account)) return null;
  return account.leads.filter((lead) => lead.kind === kind).map((lead) => lead.id);
}

async function listOf<T>(db: Db, collection: 'activities' | 'serviceSessions' | 'branchMeetings', where: Record<string, unknown>, ids: string[] | null, idField: string): Promise<T[]> {
  if (ids && ids.length === 0) return [];
  return db.find<T>(collection, {
    where: ids ? { ...where, [idField]: db.command.in(ids) } : where,
    orderBy: [['startAt', 'asc']],
    limit: MAX_PER_KIND,
  });
}

export async function checkinEntries(db: Db, account: AccountDoc, now: Date): Promise<{ targets: CheckinTargetView[] }> {
  // not over before today began (Beijing): under way, later today, or still to come
  const endsToday = db.command.gte(beijingDayStart(beijingDay(now)));
  const [activities, sessions, meetings] = await Promise.all([
    listOf<ActivityDoc>(db, 'activities', { status: 'published', endAt: endsToday }, ledIds(account, 'activity'), '_id'),
    listOf<ServiceSessionDoc>(db, 'serviceSessions', { status: 'scheduled', endAt: endsToday }, ledIds(account, 'team'), 'teamId'),
    listOf<BranchMeetingDoc>(db, 'branchMeetings', { status: 'scheduled', endAt: endsToday }, ledIds(account, 'branch'), 'branchId'),
  ]);
  const targets = [
    ...activities.map((doc) => targetView({ kind: 'activity', id: doc._id, doc }, now)),
    ...sessions.map((doc) => targetView({ kind: 'session', id: doc._id, doc }, now)),
    ...meetings.map((doc) => targetView({ kind: 'meeting', id: doc._id, doc }, now)),
  ];
  targets.sort((a, b) => a.startAt.localeCompare(b.startAt));
  return { targets };
}
