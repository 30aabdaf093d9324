/**
 * 工作台 in one call: what waits for the bureau (入册审核, 注销, 报名审核, suggestions by status with the overdue ones),
 * the newest notices with read counts, care visits due, and today's activities with check-ins so far. Counting only.
 */
import type { StaffHomeData } from '../../src/shared/contracts-staff';
import type { ActivityDoc, NoticeDoc } from '../../src/shared/documents';
import { overdueSubmittedBefore } from '../../src/shared/suggestion-rules';
import { beijingDay, beijingDayStart } from '../../src/shared/date-rules';
import { aggregateRows } from '../_lib/aggregate';
import { toIso, type Db } from '../_lib/db';
import { figuresOfPage } from '../_lib/notice-figures';
import { places } from './rows';
import { visitsDue } from '../_domain/visits/due';

const HOME_NOTICES = 3;
const TODAY_MAX = 20;
const DAY_MS = 86_400_000;

async function todaysActivities(db: Db, now: Date): Promise<StaffHomeData['today']> {
  const _ = db.command;
  const start = beijingDayStart(beijingDay(now));
  const docs = await db.find<ActivityDoc>('activities', {
    where: { status: 'published', startAt: _.and(_.gte(start), _.lt(new Date(start.getTime() + DAY_MS))) },
    orderBy: [['startAt', 'asc']],
    limit: TODAY_MAX,
    fields: { checkinKey: false },
  });
  if (docs.length === 0) return [];
  const rows = await aggregateRows<{ _id: string; n: number }>(
    db,
    'checkins',
    (agg) => agg.match({ kind: 'activity', targetId: _.in(docs.map((doc) => doc._id)) }).group({ _id: '$targetId', n: { $sum: 1 } }),
    docs.length,
  );
  const checkIns = new Map(rows.map((row) => [row._id, row.n]));
  return docs.map((doc) => ({
    id: doc._id,
    title: doc.title,
    place: doc.place,
    startAt: toIso(doc.startAt),
    placed: places(doc.seats, doc.taken, doc.line).placed,
    checkIns: checkIns.get(doc._id) ?? 0,
  }));
}

async function latestNotices(db: Db): Promise<StaffHomeData['notices']> {
  const docs = await db.find<NoticeDoc>('notices', {
    where: { status: 'published' },
    orderBy: [['publishedAt', 'desc']],
    limit: HOME_NOTICES,
    fields: { body: false },
  });
  const figures = await figuresOfPage(db, docs);
  return docs.map((doc) => ({
    id: doc._id,
    title: doc.title,
    publishedAt: toIso(doc.publishedAt),
    audienceCount: figures.get(doc._id)?.audienceCount ?? 0,
    readCount: figures.get(doc._id)?.readCount ?? 0,
  }));
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
  const [reviews, deletions, approvals, suggestions, notices, due, today] = await Promise.all([
    db.count('rosterRequests', { status: 'pending' }),
    db.count('deletionRequests', { status: 'pending' }),
    db.count('enrollments', { kind: 'association', status: 'pending' }),
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
