/**
 * Rosters (名单) of any association, volunteer team (post), course or activity, with check-in status, and their
 * .xlsx export. Staff see every group; a leader only the groups in their account's leads. Who holds a place and who
 * waits is read from the target's line (enrollment-rules.ts); association join requests waiting for approval and
 * lottery entrants before the draw are 'pending'.
 */
import { ROSTER_PAGE_SIZE, type ExportedFile, type GroupRosterData, type GroupRosterRequest, type GroupRosterRow } from '../../src/shared/contracts-staff';
import type { RosterKind } from '../../src/shared/primitives';
import type { AccountDoc, CheckinDoc, EnrollmentDoc, MemberDoc } from '../../src/shared/documents';
import { placementOf } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import { maskPhone } from '../../src/shared/mask';
import { beijingDateTime } from '../../src/shared/suggestion-rules';
import { aggregateAll } from '../_lib/aggregate';
import { findEvery, toIso, type Cloud, type Db } from '../_lib/db';
import { saveExport } from '../_lib/export-file';
import { workbookOf } from '../_lib/xlsx-write';
import { loadTarget } from '../_domain/seats/targets';

const PAGE = 1000;

type Entry = Pick<GroupRosterRow, 'memberId' | 'state' | 'position' | 'postName'>;

export function mayView(account: AccountDoc, kind: RosterKind, id: string): boolean {
  if (account.role === 'staff' || account.role === 'admin') return true;
  return account.role === 'leader' && account.leads.some((lead) => lead.kind === kind && lead.id === id);
}

async function findAll<T>(db: Db, collection: 'checkins' | 'members' | 'enrollments' | 'serviceSessions', where: Record<string, unknown>, fields: Record<string, boolean>): Promise<T[]> {
  return findEvery<T>(db, collection, { where, fields, orderBy: [['_id', 'asc']] });
}

function lineEntries(line: readonly string[], seats: number | null, taken: number, postName: string | null, undrawn = false): Entry[] {
  return line.map((memberId) => {
    if (undrawn) return { memberId, state: 'pending', position: null, postName };
    const placement = placementOf(line, memberId, seats, taken);
    return placement?.state === 'waitlisted'
      ? { memberId, state: 'waitlisted', position: placement.position, postName }
      : { memberId, state: 'enrolled', position: null, postName };
  });
}

/** The group's title and everyone in it, in line order. */
async function entriesOf(db: Db, input: GroupRosterRequest): Promise<{ title: string; entries: Entry[] }> {
  const target = await loadTarget(db, input.kind, input.id);
  if (!target) throw new CodedError('DATA.NOT_FOUND');
  switch (target.kind) {
    case 'association': {
      const a = target.doc;
      const pending = await findAll<Pick<EnrollmentDoc, 'memberId'>>(db, 'enrollments', { kind: 'association', targetId: a._id, status: 'pending' }, { memberId: true });
      const entries = lineEntries(a.line ?? [], null, a.memberCount, null);
      return { title: a.name, entries: [...entries, ...pending.map((e): Entry => ({ memberId: e.memberId, state: 'pending', position: null, postName: null }))] };
    }
    case 'team': {
      const t = target.doc;
      const posts = t.posts.filter((post) => !input.postId || post.id === input.postId);
      if (input.postId && posts.length === 0) throw new CodedError('DATA.NOT_FOUND', '没有找到这个岗位');
      return { title: t.name, entries: posts.flatMap((post) => lineEntries(post.line ?? [], post.capacity, post.taken, post.name)) };
    }
    case 'course': {
      const c = target.doc;
      return { title: c.title, entries: lineEntries(c.line ?? [], c.seats, c.taken, null, c.mode === 'lottery' && !c.lottery) };
    }
    case 'activity': {
      const a = target.doc;
      return { title: a.title, entries: lineEntries(a.line ?? [], a.seats, a.taken, null) };
    }
  }
}

async function membersOf(db: Db, ids: string[]): Promise<Map<string, MemberDoc>> {
  const found = new Map<string, MemberDoc>();
  for (let from = 0; from < ids.length; from += PAGE) {
    const docs = await findAll<MemberDoc>(db, 'members', { _id: db.command.in(ids.slice(from, from + PAGE)) }, {
      name: true, town: true, memberType: true, phone: true,
    });
    for (const doc of docs) found.set(doc._id, doc);
  }
  return found;
}

/** activity: each member's check-in; team: how many of the team's sessions each member checked in at. */
async function checkinsOf(db: Db, kind: RosterKind, id: string): Promise<{ at: Map<string, Date>; sessions: Map<string, number> }> {
  const at = new Map<string, Date>();
  const sessions = new Map<string, number>();
  if (kind === 'activity') {
    const docs = await findAll<Pick<CheckinDoc, 'memberId' | 'at'>>(db, 'checkins', { kind: 'activity', targetId: id }, { memberId: true, at: true });
    for (const doc of docs) at.set(doc.memberId, doc.at);
  }
  if (kind === 'team') {
    const ids = (await findAll<{ _id: string }>(db, 'serviceSessions', { teamId: id }, { _id: true })).map((s) => s._id);
    if (ids.length) {
      const rows = await aggregateAll<{ _id: string; n: number }>(db, 'checkins', (agg) =>
        agg.match({ kind: 'session', targetId: db.command.in(ids) }).group({ _id: '$memberId', n: { $sum: 1 } }),
      );
      for (const row of rows) sessions.set(row._id, row.n);
    }
  }
  return { at, sessions };
}

/**
 * A group's roster: counts over everyone, rows one page at a time (or all of them for the export), members looked
 * up only for the rows answered.
 */
async function rosterOf(db: Db, account: AccountDoc, input: GroupRosterRequest, all: boolean): Promise<GroupRosterData> {
  if (!mayView(account, input.kind, input.id)) throw new CodedError('AUTH.FORBIDDEN');
  const { title, entries } = await entriesOf(db, input);
  const checkins = await checkinsOf(db, input.kind, input.id);
  const isIn = (entry: Entry) => checkins.at.has(entry.memberId);
  const count = (state: GroupRosterRow['state']) => entries.filter((entry) => entry.state === state).length;
  const counts = {
    enrolled: count('enrolled'),
    waitlisted: count('waitlisted'),
    pending: count('pending'),
    checkedIn: input.kind === 'activity' ? entries.filter(isIn).length : null,
  };
  const filtered = input.kind === 'activity' && input.checked ? entries.filter((entry) => isIn(entry) === (input.checked === 'in')) : entries;
  const page = all ? 1 : (input.page ?? 1);
  const pageSize = all ? Math.max(1, filtered.length) : ROSTER_PAGE_SIZE;
  const shown = filtered.slice((page - 1) * pageSize, page * pageSize);
  const members = await membersOf(db, [...new Set(shown.map((e) => e.memberId))]);
  const rows = shown.map((entry): GroupRosterRow => {
    const member = members.get(entry.memberId);
    const checkedAt = checkins.at.get(entry.memberId);
    return {
      ...entry,
      name: member?.name ?? '',
      town: member?.town ?? '',
      memberType: member?.memberType ?? null,
      phoneMasked: maskPhone(member?.phone) ?? '',
      checkedIn: input.kind === 'activity' ? Boolean(checkedAt) : null,
      checkedInAt: checkedAt ? toIso(checkedAt) : null,
      sessions: input.kind === 'team' ? (checkins.sessions.get(entry.memberId) ?? 0) : null,
    };
  });
  return { kind: input.kind, id: input.id, title, counts, rows, total: filtered.length, page, pageSize };
}

export const groupRoster = (db: Db, account: AccountDoc, input: GroupRosterRequest) => rosterOf(db, account, input, false);

const STATE_LABELS: Record<GroupRosterRow['state'], string> = { enrolled: '已报名', waitlisted: '候补', pending: '待审核' };
const TYPE_LABELS = { lixiu: '离休', tuixiu: '退休' } as const;
const KIND_LABELS: Record<RosterKind, string> = { association: '协会', team: '服务队', course: '课程', activity: '活动' };

/** The roster's sheet: header and rows exactly as staff read them (the test compares them with groupRoster). */
export function rosterSheet(data: GroupRosterData): { header: string[]; rows: (string | number | null)[][] } {
  const header = ['序号', '姓名', '类别', '乡镇街道', '电话', '状态', '候补位次'];
  if (data.kind === 'team') header.push('岗位', '服务签到次数');
  if (data.kind === 'activity') header.push('签到', '签到时间');
  const rows = data.rows.map((row, i) => {
    const cells: (string | number | null)[] = [
      i + 1, row.name, row.memberType ? TYPE_LABELS[row.memberType] : '', row.town, row.phoneMasked, STATE_LABELS[row.state], row.position,
    ];
    if (data.kind === 'team') cells.push(row.postName, row.sessions);
    if (data.kind === 'activity') cells.push(row.checkedIn ? '已签到' : '未签到', row.checkedInAt ? beijingDateTime(new Date(row.checkedInAt)) : '');
    return cells;
  });
  return { header, rows };
}

export async function exportRoster(db: Db, cloud: Cloud, account: AccountDoc, input: GroupRosterRequest, now: Date): Promise<ExportedFile> {
  const data = await rosterOf(db, account, input, true);
  const sheet = rosterSheet(data);
  const content = await workbookOf([{ name: '名单', ...sheet }]);
  return saveExport(cloud, `${KIND_LABELS[data.kind]}名单-${data.title}.xlsx`, content, sheet.rows.length, now);
}
