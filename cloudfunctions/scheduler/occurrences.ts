/**
 * What starts in a window, with who holds a place: published activities, class sessions of the current term's
 * courses (weekly, after sign-up closed; lottery courses once drawn) and scheduled volunteer sessions.
 * Holders are the first places of the target's line (src/shared/enrollment-rules.ts), so the waitlisted and the
 * cancelled (no longer in the line) are never among them.
 */
import type { ActivityDoc, CourseDoc, ServiceSessionDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { placesForLine } from '../../src/shared/enrollment-rules';
import { bringText, occurrenceKey, weeklyStarts, type Occurrence } from '../../src/shared/reminder-rules';
import { findEvery, type Db } from '../_lib/db';
import { currentTermId } from '../_lib/term';

function holdersOf(line: readonly string[] | undefined, seats: number, taken: number): string[] {
  const all = line ?? [];
  return all.slice(0, placesForLine(seats, taken, all.length));
}

const findAll = <T>(db: Db, collection: 'activities' | 'serviceSessions' | 'courses', where: Record<string, unknown>): Promise<T[]> =>
  findEvery<T>(db, collection, { where, orderBy: [['_id', 'asc']] });

async function activities(db: Db, from: Date, to: Date): Promise<Occurrence[]> {
  const _ = db.command;
  const docs = await findAll<ActivityDoc>(db, 'activities', { status: 'published', startAt: _.gt(from).and(_.lte(to)) });
  return docs.map((doc) => ({
    kind: 'activity',
    id: doc._id,
    title: doc.title,
    place: doc.place,
    startAt: new Date(doc.startAt),
    bring: bringText('activity', doc.bring),
    holders: holdersOf(doc.line, doc.seats, doc.taken),
  }));
}

async function sessions(db: Db, from: Date, to: Date): Promise<Occurrence[]> {
  const _ = db.command;
  const docs = await findAll<ServiceSessionDoc>(db, 'serviceSessions', { status: 'scheduled', startAt: _.gt(from).and(_.lte(to)) });
  if (docs.length === 0) return [];
  const teamIds = [...new Set(docs.map((doc) => doc.teamId))];
  const teams = new Map((await db.find<VolunteerTeamDoc>('volunteerTeams', { where: { _id: _.in(teamIds) }, limit: teamIds.length })).map((t) => [t._id, t]));
  return docs.map((doc) => {
    const posts = (teams.get(doc.teamId)?.posts ?? []).filter((post) => doc.postId === null || post.id === doc.postId);
    return {
      kind: 'session',
      id: doc._id,
      title: doc.title,
      place: doc.place,
      startAt: new Date(doc.startAt),
      bring: bringText('session', doc.bring),
      holders: [...new Set(posts.flatMap((post) => holdersOf(post.line, post.capacity, post.taken)))],
    };
  });
}

async function courses(db: Db, from: Date, to: Date, now: Date): Promise<Occurrence[]> {
  const termId = await currentTermId(db, now);
  if (!termId) return [];
  const docs = await findAll<CourseDoc>(db, 'courses', { termId });
  return docs.flatMap((doc) => {
    if (doc.mode === 'lottery' && !doc.lottery) return [];
    const holders = holdersOf(doc.line, doc.seats, doc.taken);
    if (holders.length === 0) return [];
    return weeklyStarts(doc.weekday, doc.time, from, to)
      .filter((start) => start.getTime() > new Date(doc.enrollClosesAt).getTime())
      .map((startAt): Occurrence => ({ kind: 'course', id: doc._id, title: doc.title, place: doc.place, startAt, bring: bringText('course', null), holders }));
  });
}

/** Everything starting in (from, to], in a stable order (occurrenceKey). */
export async function occurrencesBetween(db: Db, from: Date, to: Date, now: Date): Promise<Occurrence[]> {
  const all = (await Promise.all([activities(db, from, to), courses(db, from, to, now), sessions(db, from, to)])).flat();
  return all.sort((a, b) => occurrenceKey(a).localeCompare(occurrenceKey(b)));
}
