/**
 * What can be signed up for, as one tagged union (`kind`): its collection, its line (memberIds in arrival order)
 * and counter, its places, and when sign-up is open. The line is the single source of truth for who holds a
 * place and who waits (src/shared/enrollment-rules.ts); `seatRev` counts its changes (place.ts).
 */
import type { CollectionName } from '../../../src/shared/collections';
import type { PlacesAfter } from '../../../src/shared/contracts-enrollment';
import type { ActivityDoc, AssociationDoc, CourseDoc, VolunteerTeamDoc } from '../../../src/shared/documents';
import { beijingText, seatsLeft, waitlistLength, windowState, type EnrollKind } from '../../../src/shared/enrollment-rules';
import { CodedError } from '../../../src/shared/errors';
import type { Db } from '../../_lib/db';

export type Target =
  | { kind: 'association'; id: string; doc: AssociationDoc }
  | { kind: 'team'; id: string; doc: VolunteerTeamDoc }
  | { kind: 'course'; id: string; doc: CourseDoc }
  | { kind: 'activity'; id: string; doc: ActivityDoc };

export type TargetOf<K extends EnrollKind> = Extract<Target, { kind: K }>;

export const COLLECTION_OF: Record<EnrollKind, CollectionName> = {
  association: 'associations',
  team: 'volunteerTeams',
  course: 'courses',
  activity: 'activities',
};

export const associationTarget = (doc: AssociationDoc): Target => ({ kind: 'association', id: doc._id, doc });
export const teamTarget = (doc: VolunteerTeamDoc): Target => ({ kind: 'team', id: doc._id, doc });
export const courseTarget = (doc: CourseDoc): Target => ({ kind: 'course', id: doc._id, doc });
export const activityTarget = (doc: ActivityDoc): Target => ({ kind: 'activity', id: doc._id, doc });

/** A target read fresh from the database (line included); null when it does not exist. */
export async function loadTarget(db: Db, kind: EnrollKind, id: string): Promise<Target | null> {
  switch (kind) {
    case 'association': {
      const doc = await db.byId<AssociationDoc>('associations', id);
      return doc && associationTarget(doc);
    }
    case 'team': {
      const doc = await db.byId<VolunteerTeamDoc>('volunteerTeams', id);
      return doc && teamTarget(doc);
    }
    case 'course': {
      const doc = await db.byId<CourseDoc>('courses', id);
      return doc && courseTarget(doc);
    }
    case 'activity': {
      const doc = await db.byId<ActivityDoc>('activities', id);
      return doc && activityTarget(doc);
    }
  }
}

/** The same target with its document replaced by a newer version of it (e.g. the answer of an atomic write). */
export function withDoc(target: Target, doc: unknown): Target {
  return { ...target, doc } as Target;
}

/** Where one member's place lives inside a target document. */
export interface LineRef {
  linePath: string;
  counterPath: string;
  line: string[];
  counter: number;
  /** null: no limit (associations) */
  seats: number | null;
  /** extra equality guards for the atomic write (a post still at this index) */
  guard: Record<string, unknown>;
}

export function lineOf(target: Target, postId: string | null): LineRef | null {
  switch (target.kind) {
    case 'association': {
      const a = target.doc;
      return { linePath: 'line', counterPath: 'memberCount', line: a.line ?? [], counter: a.memberCount, seats: null, guard: {} };
    }
    case 'team': {
      const posts = target.doc.posts;
      const index = posts.findIndex((post) => post.id === postId);
      const post = posts[index];
      if (!post) return null;
      const at = `posts.${index}`;
      return {
        linePath: `${at}.line`,
        counterPath: `${at}.taken`,
        line: post.line ?? [],
        counter: post.taken,
        seats: post.capacity,
        guard: { [`${at}.id`]: post.id },
      };
    }
    default: {
      const c = target.doc;
      return { linePath: 'line', counterPath: 'taken', line: c.line ?? [], counter: c.taken, seats: c.seats, guard: {} };
    }
  }
}

/** The version of the target's lines: every change of any line moves it by one (0 before the first). */
export function seatRevOf(target: Target): number {
  return target.doc.seatRev ?? 0;
}

/** A team: the post whose line holds the member (one post per team), or null. */
export function postHolding(target: Target, memberId: string): string | null {
  if (target.kind !== 'team') return null;
  return target.doc.posts.find((post) => (post.line ?? []).includes(memberId))?.id ?? null;
}

export function titleOf(target: Target, postId: string | null): string {
  switch (target.kind) {
    case 'association':
      return target.doc.name;
    case 'team': {
      const post = target.doc.posts.find((p) => p.id === postId);
      return post ? `${target.doc.name}·${post.name}` : target.doc.name;
    }
    default:
      return target.doc.title;
  }
}

/** A lottery course before its draw: everyone in the line is an entrant, nobody holds a place yet. */
export function isUndrawnLottery(target: Target): boolean {
  return target.kind === 'course' && target.doc.mode === 'lottery' && !target.doc.lottery;
}

/** Why sign-up is not open now (plain words), or null when it is. */
export function signUpBlock(target: Target, now: Date): { code: 'ENROLL.NOT_OPEN' | 'ENROLL.CLOSED'; reason: string } | null {
  if (target.kind === 'course') {
    const c = target.doc;
    const state = windowState(now, new Date(c.enrollOpensAt), new Date(c.enrollClosesAt));
    if (state === 'notYet') return { code: 'ENROLL.NOT_OPEN', reason: `${beijingText(new Date(c.enrollOpensAt))} 开始报名` };
    if (state === 'closed') return { code: 'ENROLL.CLOSED', reason: '报名已截止' };
  }
  if (target.kind === 'activity') {
    const a = target.doc;
    if (a.status !== 'published') return { code: 'ENROLL.CLOSED', reason: '活动已取消' };
    if (windowState(now, null, new Date(a.signupDeadline)) === 'closed') return { code: 'ENROLL.CLOSED', reason: '报名已截止' };
  }
  return null;
}

/**
 * When a sign-up may take its place in the line: a pre-check on the (cached) target, and the same rule as
 * conditions of the atomic push. SIGN_UP is the regular rule; WALK_UP is 现场报名 at the venue (checkin function).
 */
export interface SeatRule {
  assertOpen(target: Target, now: Date): void;
  where(target: Target, db: Db, now: Date): Record<string, unknown>;
}

export const SIGN_UP: SeatRule = {
  assertOpen(target, now) {
    const block = signUpBlock(target, now);
    if (block) throw new CodedError(block.code, block.reason);
  },
  where(target, db, now) {
    const _ = db.command;
    if (target.kind === 'course') return { enrollOpensAt: _.lte(now), enrollClosesAt: _.gt(now) };
    if (target.kind === 'activity') return { status: 'published', signupDeadline: _.gt(now) };
    return {};
  },
};

/**
 * A walk-up at an activity that allows them: after the sign-up deadline too, but only into a free seat (taken <
 * seats, so the pushed entry is inside the places: never the waitlist), in the same one conditional push.
 */
export const WALK_UP: SeatRule = {
  assertOpen(target) {
    if (target.kind !== 'activity' || target.doc.status !== 'published') throw new CodedError('ENROLL.CLOSED', '活动已取消');
    if (!target.doc.walkUpAllowed) throw new CodedError('CHECKIN.NOT_SIGNED_UP');
    if (target.doc.taken >= target.doc.seats) throw new CodedError('CHECKIN.FULL');
  },
  where(target, db) {
    const seats = target.kind === 'activity' ? target.doc.seats : 0;
    return { status: 'published', walkUpAllowed: true, seats, taken: db.command.lt(seats) };
  },
};

/** The target's places as its detail screens show them, from the document alone (no read). */
export function placesAfter(target: Target): PlacesAfter {
  const none = { targetId: target.id, seatsLeft: null, waitlist: null, entrants: null, memberCount: null, posts: null };
  switch (target.kind) {
    case 'association':
      return { ...none, memberCount: target.doc.memberCount };
    case 'team':
      return {
        ...none,
        posts: target.doc.posts.map((post) => ({
          id: post.id,
          seatsLeft: seatsLeft(post.capacity, post.taken),
          waitlist: waitlistLength(post.capacity, post.taken, post.line?.length ?? 0),
        })),
      };
    default: {
      const line = target.doc.line ?? [];
      return {
        ...none,
        seatsLeft: seatsLeft(target.doc.seats, target.doc.taken),
        waitlist: isUndrawnLottery(target) ? 0 : waitlistLength(target.doc.seats, target.doc.taken, line.length),
        entrants: line.length,
      };
    }
  }
}
