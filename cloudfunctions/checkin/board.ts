/**
 * board: the staff (or leader) check-in screen of one activity or session in one call — the current venue code
 * with its QR image, live counts, and the roster (everyone holding a place, plus anyone checked in) with each
 * person's check-in. The screen calls it again every refreshInSeconds; assist answers one row and the counts.
 */
import type { BoardData, RosterRow, VenueCode } from '../../src/shared/contracts-checkin';
import type { ActivityDoc, CheckinDoc, MemberDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { placesForLine } from '../../src/shared/enrollment-rules';
import { SLOT_SECONDS, slotExpiresAt } from '../../src/shared/timebank-rules';
import { findEvery, toIso, type Cloud, type Db } from '../_lib/db';
import { ensureKey, targetView, type CheckinTarget } from './targets';
import { branchMemberIds } from '../_lib/branch-members';
import { issueToken, secretOf } from './token';

/** The mini-program page a venue code opens (it reads ?scene= and calls scan). */
export const SCAN_PAGE = 'pages/checkin/scan/index';
const PAGE_SIZE = 1000;

export const findAll = <T>(db: Db, collection: 'checkins' | 'members', where: Record<string, unknown>): Promise<T[]> => findEvery<T>(db, collection, { where });

/** memberIds holding a place: the first places of the activity's line, or of the session's post(s). */
export async function expectedOf(db: Db, target: CheckinTarget): Promise<string[]> {
  const held = (line: string[] | undefined, seats: number, taken: number) => (line ?? []).slice(0, placesForLine(seats, taken, line?.length ?? 0));
  if (target.kind === 'activity') {
    const a: ActivityDoc = target.doc;
    return held(a.line, a.seats, a.taken);
  }
  if (target.kind === 'meeting') return branchMemberIds(db, target.doc.branchId);
  const team = await db.byId<VolunteerTeamDoc>('volunteerTeams', target.doc.teamId);
  const posts = (team?.posts ?? []).filter((p) => !target.doc.postId || p.id === target.doc.postId);
  return posts.flatMap((p) => held(p.line, p.capacity, p.taken));
}

export async function namesOf(db: Db, ids: string[]): Promise<Map<string, Pick<MemberDoc, '_id' | 'name' | 'town'>>> {
  const out = new Map<string, Pick<MemberDoc, '_id' | 'name' | 'town'>>();
  for (let from = 0; from < ids.length; from += PAGE_SIZE) {
    const chunk = ids.slice(from, from + PAGE_SIZE);
    const docs = await db.find<Pick<MemberDoc, '_id' | 'name' | 'town'>>('members', {
      where: { _id: db.command.in(chunk) },
      fields: { name: true, town: true },
      limit: PAGE_SIZE,
    });
    for (const doc of docs) out.set(doc._id, doc);
  }
  return out;
}

export function rowOf(memberId: string, member: Pick<MemberDoc, 'name' | 'town'> | undefined, checkin: CheckinDoc | undefined): RosterRow {
  return {
    memberId,
    name: member?.name ?? checkin?.memberName ?? '',
    town: member?.town ?? '',
    checkedIn: Boolean(checkin),
    at: checkin ? toIso(checkin.at) : null,
    method: checkin?.method ?? null,
    byName: checkin && (checkin.method === 'staff' || checkin.byRole === 'helper') ? checkin.byName : null,
    checkedOutAt: checkin?.checkOutAt ? toIso(checkin.checkOutAt) : null,
    presentMinutes: checkin?.presentMinutes ?? null,
  };
}

export async function countsOf(db: Db, target: CheckinTarget): Promise<BoardData['counts']> {
  const _ = db.command;
  const base = { kind: target.kind, targetId: target.id };
  const [places, checkedIn, walkUps, checkedOut] = await Promise.all([
    expectedOf(db, target),
    db.count('checkins', base),
    db.count('checkins', { ...base, method: 'walkUp' }),
    db.count('checkins', { ...base, checkOutAt: _.neq(null) }),
  ]);
  return { expected: places.length, checkedIn, walkUps, checkedOut };
}

async function venueCode(cloud: Cloud, db: Db, target: CheckinTarget, now: Date): Promise<VenueCode> {
  const [secret] = await Promise.all([secretOf(db), ensureKey(db, target)]);
  const { token, slot } = issueToken(secret, target.kind, target.id, now.getTime());
  const answer = (await cloud.openapi.wxacode.getUnlimited({ scene: token, page: SCAN_PAGE, checkPath: false, width: 430 })) as {
    buffer?: Buffer;
    contentType?: string;
    errCode?: number;
    errcode?: number;
  };
  if (!answer.buffer) throw new Error(`wxacode.getUnlimited failed: ${answer.errcode ?? answer.errCode ?? 'no image'}`);
  const elapsed = Math.floor(now.getTime() / 1000) % SLOT_SECONDS;
  return {
    token,
    page: SCAN_PAGE,
    qrImage: `data:${answer.contentType ?? 'image/png'};base64,${Buffer.from(answer.buffer).toString('base64')}`,
    validUntil: slotExpiresAt(slot).toISOString(),
    refreshInSeconds: SLOT_SECONDS - elapsed,
  };
}

export async function board(cloud: Cloud, db: Db, target: CheckinTarget, now: Date, name?: string): Promise<BoardData> {
  const [code, expected, checkins] = await Promise.all([
    venueCode(cloud, db, target, now),
    expectedOf(db, target),
    findAll<CheckinDoc>(db, 'checkins', { kind: target.kind, targetId: target.id }),
  ]);
  const byMember = new Map(checkins.map((c) => [c.memberId, c]));
  const ids = [...new Set([...expected, ...byMember.keys()])];
  const members = await namesOf(db, ids);
  let roster = ids.map((id) => rowOf(id, members.get(id), byMember.get(id)));
  if (name) roster = roster.filter((row) => row.name.includes(name));
  // still to come first, then by name
  roster.sort((a, b) => Number(a.checkedIn) - Number(b.checkedIn) || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    target: targetView(target, now),
    code,
    counts: {
      expected: expected.length,
      checkedIn: checkins.length,
      walkUps: checkins.filter((c) => c.method === 'walkUp').length,
      checkedOut: checkins.filter((c) => c.checkOutAt).length,
    },
    roster,
  };
}
