/**
 * 工作台 in one call: what waits for the bureau (入册审核, 注销, 报名审核, suggestions by status with the overdue ones),
 * the newest notices with read counts, care visits due, and today's activities with check-ins so far. Counting only.
 */
import type { StaffHomeData } from '../../src/shared/contracts-staff';
import type { ActivityDoc, NoticeDoc } from '../../src/shared/documents';
import { beijingDay, beijingDayStart, overdueSubmittedBefore } from '../../src/shared/suggestion-rules';
import { toIso, type Db } from '../_lib/db';
import { figuresOfPage } from '../_lib/notice-figures';
import { places } from './rows';
import { visitsDue } from './visits';

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
  const result = (await db.raw
    .collection('checkins')
    .aggregate()
    .match({ kind: 'activity', targetId: _.in(docs.map((doc) => doc._id)) })
    .group({ _id: '$targetId', n: { $sum: 1 } })
    .end()) as unknown as { list: { _id: string; n: number }[] };
  const checkIns = new Map(result.list.map((row) => [row._id, row.n]));
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

export async function staffHome(db: Db, now: Date): Promise<StaffHomeData> {
  const _ = db.command;
  const [reviews, deletions, approvals, submitted, accepted, inProgress, overdue, notices, due, today] = await Promise.all([
    db.count('rosterRequests', { status: 'pending' }),
    db.count('deletionRequests', { status: 'pending' }),
    db.count('enrollments', { kind: 'association', status: 'pending' }),
    db.count('suggestions', { status: 'submitted' }),
    db.count('suggestions', { status: 'accepted' }),
    db.count('suggestions', { status: 'inProgress' }),
    db.count('suggestions', { status: 'submitted', submittedAt: _.lt(overdueSubmittedBefore(now)) }),
    latestNotices(db),
    visitsDue(db, now),
    todaysActivities(db, now),
  ]);
  return {
    reviews,
    deletions,
    approvals,
    suggestions: { submitted, accepted, inProgress, overdue },
    notices,
    visitsDue: { birthdays: due.birthdays.filter((b) => !b.visited).length, hospital: due.hospital.length },
    today,
  };
}
