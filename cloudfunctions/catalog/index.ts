/** catalog: what anyone with a WeChat identity may browse (home page, activity list). */
import * as cloud from 'wx-server-sdk';
import type { ActivitySummary, Contracts, CourseSummary } from '../../src/shared/contracts';
import type { ActivityDoc, CourseDoc, NoticeDoc } from '../../src/shared/documents';
import { schemas } from '../../src/shared/schemas';
import { readerMemberId, visibleNoticesWhere } from '../_lib/audience';
import { unreadMessageCount } from '../_lib/messages';
import { unreadNoticeCount } from '../_lib/notice-reads';
import { noticeSummary } from '../_lib/notice-summary';
import { createHandler } from '../_lib/createHandler';
import { toIso, type Db } from '../_lib/db';
import { currentTermId } from '../_lib/term';
import { clock } from '../_lib/clock';

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

function upcomingActivities(db: Db, limit: number): Promise<ActivityDoc[]> {
  return db.find<ActivityDoc>('activities', {
    where: { status: 'published', startAt: db.command.gt(clock.now()) },
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

export const main = createHandler<Contracts['catalog']>(cloud, {
  home: {
    input: schemas.catalog.home,
    roles: 'anyone',
    async run(_input, { db, account }) {
      const visible = await visibleNoticesWhere(db, account);
      const reader = readerMemberId(account);
      const [notices, activities, courses, unreadNotices, unreadMessages] = await Promise.all([
        db.find<NoticeDoc>('notices', {
          where: visible,
          orderBy: [['pinned', 'desc'], ['publishedAt', 'desc']],
          limit: HOME_NOTICES,
          fields: { body: false },
        }),
        upcomingActivities(db, HOME_ACTIVITIES),
        termCourses(db, HOME_COURSES),
        reader ? unreadNoticeCount(db, reader, visible) : null,
        reader ? unreadMessageCount(db, reader) : null,
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
      };
    },
  },
  activities: {
    input: schemas.catalog.activities,
    roles: 'anyone',
    async run(_input, { db }) {
      const activities = await upcomingActivities(db, MAX_LIST);
      return { activities: activities.map(activitySummary) };
    },
  },
}, { name: 'catalog' });
