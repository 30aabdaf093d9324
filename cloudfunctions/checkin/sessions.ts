/**
 * 志愿服务时段 for staff and team leaders: a team's sessions (upcoming and recent), creating and editing one, and
 * one session's volunteers with their check-ins and credits (for 确认时长 and 更正). Staff manage every team, a
 * leader the teams they lead. A session's check-in key, status and counters are never touched by an edit.
 */
import type {
  SaveSessionRequest,
  SessionDetailData,
  SessionRow,
  SessionsData,
  SessionVolunteer,
} from '../../src/shared/contracts-checkin';
import type { AccountDoc, CheckinDoc, ServiceSessionDoc, TimeBankEntryDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { scheduledMinutes } from '../../src/shared/timebank-rules';
import { toIso, type Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { assertMayManageTeam, assertMayRun, isStaff } from '../_domain/seats/access';
import { expectedOf, findAll, namesOf, rowOf } from './board';
import { entryView } from './ledger';
import { timeBankSettings } from '../_domain/points/timebank';
import { loadTarget } from './targets';

/** What a stored session may carry beyond the shared document (sessions made here). */
type SessionDoc = ServiceSessionDoc & { notes?: string; createdAt?: Date; updatedAt?: Date };

const MAX_LIST = 100;
const RECENT_DAYS = 60;

export function sessionRow(doc: SessionDoc, team: VolunteerTeamDoc | null): SessionRow {
  const post = doc.postId ? team?.posts.find((p) => p.id === doc.postId) : undefined;
  return {
    id: doc._id,
    teamId: doc.teamId,
    teamName: doc.teamName,
    postId: doc.postId,
    postName: post?.name ?? null,
    title: doc.title,
    place: doc.place,
    startAt: toIso(doc.startAt),
    endAt: toIso(doc.endAt),
    notes: doc.notes ?? '',
    mode: doc.mode,
    status: doc.status,
    scheduledMinutes: scheduledMinutes(new Date(doc.startAt), new Date(doc.endAt)),
  };
}

async function teamsOf(db: Db, account: AccountDoc): Promise<VolunteerTeamDoc[]> {
  const led = account.leads.filter((l) => l.kind === 'team').map((l) => l.id);
  if (!isStaff(account) && led.length === 0) return [];
  return db.find<VolunteerTeamDoc>('volunteerTeams', {
    where: isStaff(account) ? {} : { _id: db.command.in(led) },
    orderBy: [['name', 'asc']],
    limit: 200,
  });
}

export async function listSessions(db: Db, account: AccountDoc, teamId: string | undefined, now: Date): Promise<SessionsData> {
  if (teamId) assertMayManageTeam(account, teamId);
  const teams = await teamsOf(db, account);
  const team = teamId ? (teams.find((t) => t._id === teamId) ?? null) : (teams[0] ?? null);
  if (teamId && !team) throw new CodedError('DATA.NOT_FOUND', '没有找到这个服务队');
  const view = teams.map((t) => ({ id: t._id, name: t.name, posts: t.posts.map((p) => ({ id: p.id, name: p.name })) }));
  if (!team) return { teams: view, teamId: null, upcoming: [], recent: [] };
  const _ = db.command;
  const [upcoming, recent] = await Promise.all([
    db.find<SessionDoc>('serviceSessions', { where: { teamId: team._id, endAt: _.gte(now) }, orderBy: [['startAt', 'asc']], limit: MAX_LIST }),
    db.find<SessionDoc>('serviceSessions', {
      where: { teamId: team._id, endAt: _.and(_.lt(now), _.gte(new Date(now.getTime() - RECENT_DAYS * 86_400_000))) },
      orderBy: [['startAt', 'desc']],
      limit: MAX_LIST,
    }),
  ]);
  const row = (doc: SessionDoc) => sessionRow(doc, team);
  return { teams: view, teamId: team._id, upcoming: upcoming.map(row), recent: recent.map(row) };
}

export async function saveSession(db: Db, account: AccountDoc, input: SaveSessionRequest, now: Date): Promise<SessionRow> {
  assertMayManageTeam(account, input.teamId);
  const team = await db.byId<VolunteerTeamDoc>('volunteerTeams', input.teamId);
  if (!team) throw new CodedError('DATA.NOT_FOUND', '没有找到这个服务队');
  if (input.postId && !team.posts.some((p) => p.id === input.postId)) throw new CodedError('DATA.NOT_FOUND', '这个服务队没有这个岗位');
  const fields: Record<string, unknown> = {
    teamId: team._id,
    teamName: team.name,
    postId: input.postId ?? null,
    title: input.title,
    place: input.place,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    notes: input.notes ?? '',
    updatedAt: now,
  };
  if (input.mode) fields.mode = input.mode;
  let id = input.sessionId;
  if (!id) {
    id = newDocId('session', input.requestKey);
    await insertOnce(db, 'serviceSessions', { _id: id, ...fields, mode: input.mode ?? 'scan', status: 'scheduled', createdAt: now });
  } else {
    const old = await db.byId<SessionDoc>('serviceSessions', id);
    if (!old) throw new CodedError('DATA.NOT_FOUND');
    // a leader may not move another team's session, nor move theirs away to a team they do not lead (checked above)
    assertMayManageTeam(account, old.teamId);
    await updateWhere(db, 'serviceSessions', { _id: id }, fields);
  }
  const saved = await db.byId<SessionDoc>('serviceSessions', id);
  if (!saved) throw new CodedError('DATA.NOT_FOUND');
  return sessionRow(saved, team);
}

export async function sessionDetail(db: Db, account: AccountDoc, sessionId: string): Promise<SessionDetailData> {
  const target = await loadTarget(db, 'session', sessionId);
  assertMayRun(account, target);
  if (target.kind !== 'session') throw new CodedError('DATA.NOT_FOUND');
  const [team, expected, checkins, entries, settings] = await Promise.all([
    db.byId<VolunteerTeamDoc>('volunteerTeams', target.doc.teamId),
    expectedOf(db, target),
    findAll<CheckinDoc>(db, 'checkins', { kind: 'session', targetId: sessionId }),
    db.find<TimeBankEntryDoc>('timeBankEntries', { where: { sessionId }, orderBy: [['at', 'asc']], limit: 1000 }),
    timeBankSettings(db),
  ]);
  const byMember = new Map(checkins.map((c) => [c.memberId, c]));
  const ids = [...new Set([...expected, ...byMember.keys(), ...entries.map((e) => e.memberId)])];
  const names = await namesOf(db, ids);
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  const volunteers: SessionVolunteer[] = ids.map((id) => {
    const own = entries.filter((e) => e.memberId === id);
    const hours = Math.round(own.reduce((sum, e) => sum + e.hours, 0) * 100) / 100;
    return { ...rowOf(id, names.get(id), byMember.get(id)), entries: own.map((e) => entryView(e, reversed)), hours };
  });
  volunteers.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    session: sessionRow(target.doc as SessionDoc, team),
    rules: { rounding: settings.rounding, presencePercent: settings.presencePercent },
    mayCorrect: isStaff(account),
    volunteers,
  };
}
