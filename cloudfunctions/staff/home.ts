/**
 * 工作台 in one call: what waits for the bureau (入册审核, 注销, 报名审核: kept tallies, _domain/tallies), suggestions by
 * status with the overdue ones, the newest notices with read counts, care visits due, and today's activities with
 * check-ins so far. Counting only, by the database: six requests whatever the county's size (one more when a
 * tally was never kept).
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
 * the members not erased (one count), a group as sized at publishing (notice-figures.ts; one from before sizes
 * were kept is counted on its group).
 */
async function latestNotices(db: Db): Promise<StaffHomeData['notices']> {
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
  const everyone = rows.some((row) => row.audience.kind === 'everyone') ? await db.count('members', { erasedAt: null }) : 0;
  return Promise.all(
    rows.map(async (row) => {
      const unsized = row.audience.kind !== 'everyone' && typeof row.audienceSize !== 'number';
      const figures = unsized
        ? await figuresOf(db, row)
        : { audienceCount: row.audience.kind === 'everyone' ? everyone : (row.audienceSize ?? 0), readCount: row.readCount };
      return { id: row._id, title: row.title, publishedAt: toIso(row.publishedAt), ...figures };
    }),
  );
}

/** Open suggestions by status, and the submitted ones past the acceptance deadline: one aggregate. */
async function suggestionCounts(db: Db, now: Date): Promise<StaffHomeData['suggestions']> {
  const cutoff = overdueSubmittedBefore(now);
  const rows = await aggregateRows<{ _id: string; n: number; overdue: number }>(db, 'suggestions', (agg) =>
    agg
      .match({ status: db.command.in(['submitted', 'accepted', 'inProgress']) })
      .group({ _id: '$status', n: { $sum: 1 }, overdue: { $sum: { $cond: [{ $lt: ['$submittedAt', cutoff] }, 1, 0] } } }),
  );
  const of = (status: string) => rows.find((row) => row._id === status);
  return { submitted: of('submitted')?.n ?? 0, accepted: of('accepted')?.n ?? 0, inProgress: of('inProgress')?.n ?? 0, overdue: of('submitted')?.overdue ?? 0 };
}

export async function staffHome(db: Db, now: Date): Promise<StaffHomeData> {
  const [{ reviews, deletions, approvals }, suggestions, notices, due, today] = await Promise.all([
    readTallies(db),
    suggestionCounts(db, now),
    latestNotices(db),
    visitsDue(db, now),
    todaysActivities(db, now),
  ]);
  return {
    reviews,
    deletions,
    approvals,
    suggestions,
    notices,
    visitsDue: { birthdays: due.birthdays.filter((b) => !b.visited).length, hospital: due.hospital.length },
    today,
  };
}
