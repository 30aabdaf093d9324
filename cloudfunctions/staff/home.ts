/**
 * 工作台 in one call, counting only: what waits for the bureau (入册审核, 注销, 报名审核), suggestions by status with
 * the overdue ones and the roster's size, all from the kept tallies (_domain/tallies: one request); the newest
 * notices with their reads, the care visits due, and today's activities with their check-ins so far, each one
 * aggregate counted by the database. Four requests whatever the county's size (one more per tally never kept).
 */
import type { StaffHomeData } from '../../src/shared/contracts-staff';
import type { ActivityDoc, NoticeDoc } from '../../src/shared/documents';
import { overdueSubmittedBefore } from '../../src/shared/suggestion-rules';
import { beijingDay, beijingDayStart } from '../../src/shared/date-rules';
import { aggregateRows } from '../_lib/aggregate';
import { toIso, type Db } from '../_lib/db';
import { figuresOf } from '../_lib/notice-figures';
import { places } from './rows';
import { visitsDue } from '../_domain/visits/due';
import { readTallies } from '../_domain/tallies/tally';
import { repairTally } from '../_domain/integrity/tallies';
import type { TallyDoc } from '../../src/shared/tally-rules';

const HOME_NOTICES = 3;
const TODAY_MAX = 20;
const DAY_MS = 86_400_000;

type TodayRow = Pick<ActivityDoc, '_id' | 'title' | 'place' | 'startAt' | 'seats' | 'taken' | 'line'> & { checkIns: number };

/** Today's activities with their check-ins so far, counted by the database: one aggregate. */
async function todaysActivities(db: Db, now: Date): Promise<StaffHomeData['today']> {
  const _ = db.command;
  const $ = _.aggregate;
  const start = beijingDayStart(beijingDay(now));
  const rows = await aggregateRows<TodayRow>(
    db,
    'activities',
    (agg) =>
      agg
        .match({ status: 'published', startAt: _.and(_.gte(start), _.lt(new Date(start.getTime() + DAY_MS))) })
        .sort({ startAt: 1 })
        .limit(TODAY_MAX)
        .lookup({ from: 'checkins', localField: '_id', foreignField: 'targetId', as: 'checkins' })
        .project({
          title: 1, place: 1, startAt: 1, seats: 1, taken: 1, line: 1,
          checkIns: $.size($.filter({ input: '$checkins', as: 'c', cond: $.eq(['$$c.kind', 'activity']) })),
        }),
    TODAY_MAX,
  );
  return rows.map((doc) => ({
    id: doc._id,
    title: doc.title,
    place: doc.place,
    startAt: toIso(doc.startAt),
    placed: places(doc.seats, doc.taken, doc.line).placed,
    checkIns: doc.checkIns,
  }));
}

type NoticeRow = Pick<NoticeDoc, '_id' | 'title' | 'publishedAt' | 'audience' | 'audienceSize'> & { readCount: number };

/**
 * The newest notices with their reads counted by the database (one aggregate) and their audience: everyone is
 * the roster (its tally), a group as sized at publishing (notice-figures.ts; one from before sizes were kept is
 * counted on its group).
 */
async function latestNotices(db: Db): Promise<(everyone: number) => StaffHomeData['notices']> {
  const rows = await aggregateRows<NoticeRow>(
    db,
    'notices',
    (agg) =>
      agg
        .match({ status: 'published' })
        .sort({ publishedAt: -1 })
        .limit(HOME_NOTICES)
        .lookup({ from: 'noticeReads', localField: '_id', foreignField: 'noticeId', as: 'reads' })
        .project({ title: 1, publishedAt: 1, audience: 1, audienceSize: 1, readCount: db.command.aggregate.size('$reads') }),
    HOME_NOTICES,
  );
  const unsized = new Map(
    await Promise.all(
      rows.filter((row) => row.audience.kind !== 'everyone' && typeof row.audienceSize !== 'number').map(async (row) => [row._id, await figuresOf(db, row)] as const),
    ),
  );
  return (everyone) =>
    rows.map((row) => ({
      id: row._id,
      title: row.title,
      publishedAt: toIso(row.publishedAt),
      ...(unsized.get(row._id) ?? { audienceCount: row.audience.kind === 'everyone' ? everyone : (row.audienceSize ?? 0), readCount: row.readCount }),
    }));
}

/** The submitted suggestions past the acceptance deadline: from their tally's submission times (counted when not kept). */
async function overdueOf(db: Db, submitted: Pick<TallyDoc, 'since'>, now: Date): Promise<number> {
  const cutoff = overdueSubmittedBefore(now);
  if (!submitted.since) return db.count('suggestions', { status: 'submitted', submittedAt: db.command.lt(cutoff) });
  return Object.values(submitted.since).filter((at) => new Date(at as Date).getTime() < cutoff.getTime()).length;
}

export async function staffHome(db: Db, now: Date): Promise<StaffHomeData> {
  const [tallies, notices, due, today] = await Promise.all([
    readTallies(db, (name) => repairTally(db, name)),
    latestNotices(db),
    visitsDue(db, now),
    todaysActivities(db, now),
  ]);
  const { reviews, deletions, approvals, submitted, accepted, inProgress } = tallies;
  return {
    reviews: reviews.n,
    deletions: deletions.n,
    approvals: approvals.n,
    suggestions: { submitted: submitted.n, accepted: accepted.n, inProgress: inProgress.n, overdue: await overdueOf(db, submitted, now) },
    notices: notices(tallies.members.n),
    visitsDue: { birthdays: due.birthdays.filter((b) => !b.visited).length, hospital: due.hospital.length },
    today,
  };
}
