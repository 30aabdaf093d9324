/**
 * The bureau's figures for a period, each counted by aggregate queries on the database (grouped sums, $lookup joins
 * done by the database): no member, sign-up, check-in or receipt is loaded into the function. Places held and
 * waiting are worked out from each target's line by the same arithmetic as enrollment-rules.ts (placesForLine).
 */
import { audienceKeyOf } from '../../src/shared/contracts-notice';
import { BRANCH_FIGURES_MAX, percentOf, type BranchFigures, type FiguresData } from '../../src/shared/contracts-figures';
import type { PartyBranchDoc } from '../../src/shared/documents';
import { periodRange, type Period } from '../../src/shared/suggestion-rules';
import { VISIT_REASONS, VISIT_REASON_LABELS, type VisitReason } from '../../src/shared/visit-rules';
import { aggregateAll, aggregateRows, type Row } from '../_lib/aggregate';
import type { Db } from '../_lib/db';
import { rates } from '../_lib/suggestion-rates';

/** Every row of one aggregate pipeline (paged: the cloud answers 20 rows to a pipeline without $limit). */
const aggregate = aggregateAll;

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * The waitlist of a line-kept document as an aggregate expression: line beyond the places the line can hold,
 * where places = seats - places taken outside the app (taken - line length), as placesForLine does.
 */
function waitlistExpr(seats: string, taken: string, line: string): unknown {
  const length = { $size: { $ifNull: [line, []] } };
  const offline = { $max: [0, { $subtract: [taken, length] }] };
  const places = { $max: [0, { $subtract: [seats, offline] }] };
  return { $max: [0, { $subtract: [length, places] }] };
}

async function membersByType(db: Db, end: Date): Promise<FiguresData['members']> {
  const _ = db.command;
  const rows = await aggregate<Row & { n: number }>(db, 'members', (agg) =>
    agg
      .match(_.and([{ createdAt: _.lt(end) }, _.or([{ erasedAt: null }, { erasedAt: _.gte(end) }])]))
      .group({ _id: '$memberType', n: { $sum: 1 } }),
  );
  const of = (type: string) => num(rows.find((row) => row._id === type)?.n);
  return { total: of('lixiu') + of('tuixiu'), lixiu: of('lixiu'), tuixiu: of('tuixiu') };
}

/** Members holding an active place of this kind, joined before `end` (one per member however many groups). */
async function distinctMembersIn(db: Db, kind: 'association' | 'team', end: Date): Promise<number> {
  const rows = await aggregate<Row & { n: number }>(db, 'enrollments', (agg) =>
    agg
      .match({ kind, status: 'active', createdAt: db.command.lt(end) })
      .group({ _id: '$memberId' })
      .group({ _id: null, n: { $sum: 1 } }),
  );
  return num(rows[0]?.n);
}

async function volunteering(db: Db, start: Date, end: Date): Promise<FiguresData['volunteers']> {
  const _ = db.command;
  const [volunteers, teams, hours] = await Promise.all([
    distinctMembersIn(db, 'team', end),
    db.count('volunteerTeams'),
    // credits and their reversals share the service date: the sum over the period is net of reversals
    aggregate<Row & { hours: number }>(db, 'timeBankEntries', (agg) =>
      agg.match({ serviceDate: _.gte(start).and(_.lt(end)) }).group({ _id: null, hours: { $sum: '$hours' } }),
    ),
  ]);
  return { volunteers, teams, hours: Math.round(num(hours[0]?.hours) * 100) / 100 };
}

async function courses(db: Db, start: Date, end: Date): Promise<FiguresData['courses']> {
  const _ = db.command;
  const [row] = await aggregate<Row & { courses: number; seats: number; taken: number; waitlisted: number }>(db, 'courses', (agg) =>
    agg
      .match({ enrollOpensAt: _.lt(end), enrollClosesAt: _.gte(start) })
      .group({
        _id: null,
        courses: { $sum: 1 },
        seats: { $sum: '$seats' },
        taken: { $sum: '$taken' },
        waitlisted: { $sum: waitlistExpr('$seats', '$taken', '$line') },
      }),
  );
  return { courses: num(row?.courses), seats: num(row?.seats), enrolled: num(row?.taken) - num(row?.waitlisted), waitlisted: num(row?.waitlisted) };
}

async function activities(db: Db, start: Date, end: Date): Promise<FiguresData['activities']> {
  const _ = db.command;
  const [row] = await aggregate<Row & { held: number; taken: number; waitlisted: number; checkIns: number }>(db, 'activities', (agg) =>
    agg
      .match({ status: 'published', startAt: _.gte(start).and(_.lt(end)) })
      .lookup({ from: 'checkins', localField: '_id', foreignField: 'targetId', as: 'checkins' })
      .group({
        _id: null,
        held: { $sum: 1 },
        taken: { $sum: '$taken' },
        waitlisted: { $sum: waitlistExpr('$seats', '$taken', '$line') },
        checkIns: { $sum: { $size: { $filter: { input: '$checkins', as: 'c', cond: { $eq: ['$$c.kind', 'activity'] } } } } },
      }),
  );
  const signedUp = num(row?.taken) - num(row?.waitlisted);
  const checkIns = num(row?.checkIns);
  return { held: num(row?.held), signedUp, checkIns, attendancePercent: percentOf(checkIns, signedUp) };
}

type AudienceRow = Row & { _id: string; n: number; reads: number };

/** Notices published in the period and their receipts, per audience key. */
function noticesByAudience(db: Db, start: Date, end: Date): Promise<AudienceRow[]> {
  const _ = db.command;
  return aggregate<AudienceRow>(db, 'notices', (agg) =>
    agg
      .match({ publishedAt: _.gte(start).and(_.lt(end)) })
      .lookup({ from: 'noticeReads', localField: '_id', foreignField: 'noticeId', as: 'reads' })
      .group({ _id: '$audienceKey', n: { $sum: 1 }, reads: { $sum: { $size: '$reads' } } }),
  );
}

/**
 * Notices published in the period and their receipts, grouped by audience; each audience's size is the roster
 * (not erased) for 'everyone', the branch's members for a branch, else the members holding an active place in the
 * group (as _lib/audience.ts).
 */
async function notices(db: Db, byAudience: AudienceRow[], branchSizes: Map<string, number>): Promise<FiguresData['notices']> {
  const _ = db.command;
  const [groups, everyone] = await Promise.all([
    aggregate<Row & { _id: { kind: 'association' | 'team' | 'course'; id: string }; n: number }>(db, 'enrollments', (agg) =>
      agg
        .match({ status: 'active', kind: _.in(['association', 'team', 'course']) })
        .group({ _id: { kind: '$kind', id: '$targetId' }, n: { $sum: 1 } }),
    ),
    db.count('members', { erasedAt: null }),
  ]);
  const sizes = new Map(groups.map((row) => [audienceKeyOf(row._id), num(row.n)]));
  for (const [id, n] of branchSizes) sizes.set(audienceKeyOf({ kind: 'branch', id }), n);
  let published = 0;
  let audience = 0;
  let reads = 0;
  for (const row of byAudience) {
    published += num(row.n);
    reads += num(row.reads);
    audience += num(row.n) * (row._id === 'everyone' ? everyone : (sizes.get(row._id) ?? 0));
  }
  return { published, audience, reads, readPercent: percentOf(reads, audience) };
}

async function visits(db: Db, period: Period): Promise<FiguresData['visits']> {
  const _ = db.command;
  const rows = await aggregate<Row & { _id: VisitReason; n: number }>(db, 'visits', (agg) =>
    agg.match({ visitedOn: _.gte(period.from).and(_.lte(period.to)) }).group({ _id: '$reason', n: { $sum: 1 } }),
  );
  const byReason = VISIT_REASONS.map((reason) => ({ reason, label: VISIT_REASON_LABELS[reason], count: num(rows.find((row) => row._id === reason)?.n) }));
  return { total: byReason.reduce((sum, row) => sum + row.count, 0), byReason };
}

/** The branches (by name) and their members now (not erased), one aggregate. */
async function branchSizes(db: Db): Promise<{ branches: Pick<PartyBranchDoc, '_id' | 'name'>[]; total: number; sizes: Map<string, number> }> {
  const [branches, total] = await Promise.all([
    aggregateRows<Pick<PartyBranchDoc, '_id' | 'name'>>(db, 'partyBranches', (agg) => agg.sort({ name: 1 }).project({ name: 1 }), BRANCH_FIGURES_MAX),
    db.count('partyBranches'),
  ]);
  const ids = branches.map((b) => b._id);
  const rows = ids.length
    ? await aggregate<Row & { _id: string; n: number }>(db, 'members', (agg) =>
        agg.match({ branchId: db.command.in(ids), erasedAt: null }).group({ _id: '$branchId', n: { $sum: 1 } }),
      )
    : [];
  return { branches, total, sizes: new Map(rows.map((row) => [row._id, num(row.n)])) };
}

/** Per branch: meetings held in the period (started by now) with their check-ins, and study material sent in it with its reads. */
async function branchFigures(
  db: Db,
  start: Date,
  end: Date,
  now: Date,
  branches: Awaited<ReturnType<typeof branchSizes>>,
  byAudience: AudienceRow[],
): Promise<FiguresData['branches']> {
  const _ = db.command;
  const meetings = branches.branches.length
    ? await aggregate<Row & { _id: string; n: number; checkIns: number }>(db, 'branchMeetings', (agg) =>
        agg
          .match({ status: 'scheduled', startAt: _.gte(start).and(_.lt(new Date(Math.min(end.getTime(), now.getTime())))) })
          .lookup({ from: 'checkins', localField: '_id', foreignField: 'targetId', as: 'checkins' })
          .group({
            _id: '$branchId',
            n: { $sum: 1 },
            checkIns: { $sum: { $size: { $filter: { input: '$checkins', as: 'c', cond: { $eq: ['$$c.kind', 'meeting'] } } } } },
          }),
      )
    : [];
  const held = new Map(meetings.map((row) => [row._id, row]));
  const sent = new Map(byAudience.map((row) => [row._id, row]));
  const rows = branches.branches.map((branch): BranchFigures => {
    const members = branches.sizes.get(branch._id) ?? 0;
    const meeting = held.get(branch._id);
    const material = sent.get(audienceKeyOf({ kind: 'branch', id: branch._id }));
    const [n, attendances, materials, reads] = [num(meeting?.n), num(meeting?.checkIns), num(material?.n), num(material?.reads)];
    return {
      branchId: branch._id,
      name: branch.name,
      members,
      meetings: n,
      attendances,
      attendancePercent: percentOf(attendances, n * members),
      materials,
      reads,
      readPercent: percentOf(reads, materials * members),
    };
  });
  return { total: branches.total, rows };
}

/** 云课堂: the progress records finished in the period (each member and lesson finishes once). */
async function lessons(db: Db, start: Date, end: Date): Promise<FiguresData['lessons']> {
  const rows = await aggregate<Row & { finished: number; atScreenings: number; points: number }>(db, 'lessonProgress', (agg) =>
    agg
      .match({ finishedAt: db.command.gte(start).and(db.command.lt(end)) })
      .group({
        _id: '$memberId',
        finished: { $sum: 1 },
        atScreenings: { $sum: { $cond: [{ $eq: ['$finishedBy', 'screening'] }, 1, 0] } },
        points: { $sum: '$points' },
      }),
  );
  const total = (key: 'finished' | 'atScreenings' | 'points') => rows.reduce((sum, row) => sum + num(row[key]), 0);
  return { finished: total('finished'), learners: rows.length, atScreenings: total('atScreenings'), points: total('points') };
}

export async function computeFigures(db: Db, period: Period, now: Date): Promise<FiguresData> {
  const { start, end } = periodRange(period);
  const [byAudience, branches] = await Promise.all([noticesByAudience(db, start, end), branchSizes(db)]);
  const [members, inAssociations, volunteers, courseFigures, activityFigures, noticeFigures, suggestionRates, visitFigures, branchRows, lessonFigures] = await Promise.all([
    membersByType(db, end),
    distinctMembersIn(db, 'association', end),
    volunteering(db, start, end),
    courses(db, start, end),
    activities(db, start, end),
    notices(db, byAudience, branches.sizes),
    rates(db, period, now),
    visits(db, period),
    branchFigures(db, start, end, now, branches, byAudience),
    lessons(db, start, end),
  ]);
  const { period: _period, byCategory: _byCategory, ...suggestions } = suggestionRates;
  return {
    period,
    members,
    associations: { members: inAssociations, sharePercent: percentOf(inAssociations, members.total) },
    volunteers,
    courses: courseFigures,
    activities: activityFigures,
    notices: noticeFigures,
    suggestions,
    visits: visitFigures,
    branches: branchRows,
    lessons: lessonFigures,
  };
}
