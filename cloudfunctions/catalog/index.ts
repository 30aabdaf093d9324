/** catalog: what anyone with a WeChat identity may browse (home page, activity list). */
import * as cloud from 'wx-server-sdk';
import type { ActivityList, ActivitySummary, Contracts, CourseSummary } from '../../src/shared/contracts';
import type { AccountDoc, ActivityDoc, CourseDoc, NoticeDoc } from '../../src/shared/documents';
import { schemas } from '../../src/shared/schemas';
import { readerMemberId, visibleNoticesWhere } from '../_lib/audience';
import { unreadMessageCount } from '../_lib/messages';
import { unreadNoticeCount } from '../_lib/notice-reads';
import { noticeSummary } from '../_lib/notice-summary';
import { createHandler } from '../_lib/createHandler';
import { toIso, type Db } from '../_lib/db';
import { currentTermId } from '../_lib/term';
import { clock } from '../_lib/clock';
import { readSettings } from '../_lib/settings';
import { hotlineInfoOf } from '../_lib/hotline';
import { byDistance, distancesFrom, originOf } from '../_lib/nearby';
import type { NearFrom } from '../../src/shared/distance';

const HOME_NOTICES = 3;
const HOME_ACTIVITIES = 5;
const HOME_COURSES = 4;
const MAX_LIST = 100;

const activitySummary = (doc: ActivityDoc): ActivitySummary => ({
  id: doc._id,
  title: doc.title,
  kind: doc.kind,
  startAt: toIso(doc.startAt),
  endAt: toIso(doc.endAt),
  signupDeadline: toIso(doc.signupDeadline),
  place: doc.place,
  seats: doc.seats,
  seatsLeft: Math.max(0, doc.seats - doc.taken),
  signup: {
    opensAt: null,
    closesAt: toIso(doc.signupDeadline),
  },
});

const courseSummary = (doc: CourseDoc): CourseSummary => ({
  id: doc._id,
  title: doc.title,
  campusName: doc.campusName,
  weekday: doc.weekday,
  time: doc.time,
  seats: doc.seats,
  seatsLeft: Math.max(0, doc.seats - doc.taken),
  signup: {
    opensAt: toIso(doc.enrollOpensAt),
    closesAt: toIso(doc.enrollClosesAt),
  },
});

const upcoming = (db: Db) => ({ status: 'published', startAt: db.command.gt(clock.now()) });

function upcomingActivities(db: Db, limit: number, where = upcoming(db)): Promise<ActivityDoc[]> {
  return db.find<ActivityDoc>('activities', {
    where,
    orderBy: [['startAt', 'asc']],
    limit,
  });
}

async function termCourses(db: Db, limit: number): Promise<CourseDoc[]> {
  const termId = await currentTermId(db);
  if (!termId) return [];
  return db.find<CourseDoc>('courses', {
    where: { termId },
    orderBy: [['weekday', 'asc'], ['time', 'asc']],
    limit,
  });
}

/** Upcoming activities nearest first from the position given or the member's home town; unknown venues last. */
async function activitiesNear(db: Db, account: AccountDoc | null, near: NearFrom): Promise<ActivityList> {
  const where = upcoming(db);
  const [docs, origin] = await Promise.all([upcomingActivities(db, MAX_LIST, where), originOf(db, near, readerMemberId(account))]);
  const metres = origin.point ? await distancesFrom(db, 'activities', origin.point, where, MAX_LIST) : null;
  const summaries = docs.map((doc) => ({ ...activitySummary(doc), ...(metres ? { distanceM: metres.get(doc._id) ?? null } : {}) }));
  return { activities: metres ? byDistance(summaries, (a) => a.distanceM) : summaries, near: origin.answer };
}

export const main = createHandler<Contracts['catalog']>(cloud, {
  home: {
    input: schemas.catalog.home,
    roles: 'anyone',
    async run(_input, { db, account }) {
      const reader = readerMemberId(account);
      // the notices wait for the reader's audiences; nothing else does (one round trip less before the answer)
      const noticesPart = visibleNoticesWhere(db, account).then((visible) =>
        Promise.all([
          db.find<NoticeDoc>('notices', {
            where: visible,
            orderBy: [['pinned', 'desc'], ['publishedAt', 'desc']],
            limit: HOME_NOTICES,
            fields: { body: false },
          }),
          reader ? unreadNoticeCount(db, reader, visible) : null,
        ]),
      );
      const [[notices, unreadNotices], activities, courses, unreadMessages, settings] = await Promise.all([
        noticesPart,
        upcomingActivities(db, HOME_ACTIVITIES),
        termCourses(db, HOME_COURSES),
        reader ? unreadMessageCount(db, reader) : null,
        readSettings(db),
      ]);
      return {
        viewerName: account?.name ?? null,
        staffEntry: account?.role === 'staff' || account?.role === 'admin',
        largeText: account?.largeText ?? null,
        unreadNotices,
        unreadMessages,
        notices: notices.map(noticeSummary),
        activities: activities.map(activitySummary),
        courses: courses.map(courseSummary),
        hotline: hotlineInfoOf(settings),
      };
    },
  },
  activities: {
    input: schemas.catalog.activities,
    roles: 'anyone',
    async run(input, { db, account }) {
      if (input.near) return activitiesNear(db, account, input.near);
      const activities = await upcomingActivities(db, MAX_LIST);
      return { activities: activities.map(activitySummary) };
    },
  },
}, { name: 'catalog' });
