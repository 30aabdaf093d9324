/**
 * What can be signed up for, by kind: its collection, its line (memberIds in arrival order) and counter, its
 * places, and when sign-up is open. The line is the single source of truth for who holds a place and who waits
 * (src/shared/enrollment-rules.ts).
 */
import type { CollectionName } from '../../src/shared/collections';
import type { AssociationDoc, ActivityDoc, CourseDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { beijingText, windowState, type EnrollKind } from '../../src/shared/enrollment-rules';
import { CodedError } from '../../src/shared/errors';
import type { Db } from '../_lib/db';

export type TargetDoc = AssociationDoc | VolunteerTeamDoc | CourseDoc | ActivityDoc;

export const COLLECTION_OF: Record<EnrollKind, CollectionName> = {
  association: 'associations',
  team: 'volunteerTeams',
  course: 'courses',
  activity: 'activities',
};

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

export function lineOf(kind: EnrollKind, doc: TargetDoc, postId: string | null): LineRef | null {
  switch (kind) {
    case 'association': {
      const a = doc as AssociationDoc;
      return { linePath: 'line', counterPath: 'memberCount', line: a.line ?? [], counter: a.memberCount, seats: null, guard: {} };
    }
    case 'team': {
      const posts = (doc as VolunteerTeamDoc).posts;
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
      const c = doc as CourseDoc | ActivityDoc;
      return { linePath: 'line', counterPath: 'taken', line: c.line ?? [], counter: c.taken, seats: c.seats, guard: {} };
    }
  }
}

export function titleOf(kind: EnrollKind, doc: TargetDoc, postId: string | null): string {
  if (kind === 'association') return (doc as AssociationDoc).name;
  if (kind === 'team') {
    const team = doc as VolunteerTeamDoc;
    const post = team.posts.find((p) => p.id === postId);
    return post ? `${team.name}·${post.name}` : team.name;
  }
  return (doc as CourseDoc | ActivityDoc).title;
}

/** A lottery course before its draw: everyone in the line is an entrant, nobody holds a place yet. */
export function isUndrawnLottery(kind: EnrollKind, doc: TargetDoc): boolean {
  return kind === 'course' && (doc as CourseDoc).mode === 'lottery' && !(doc as CourseDoc).lottery;
}

/** Why sign-up is not open now (plain words), or null when it is. */
export function signUpBlock(kind: EnrollKind, doc: TargetDoc, now: Date): { code: 'ENROLL.NOT_OPEN' | 'ENROLL.CLOSED'; reason: string } | null {
  if (kind === 'course') {
    const c = doc as CourseDoc;
    const state = windowState(now, new Date(c.enrollOpensAt), new Date(c.enrollClosesAt));
    if (state === 'notYet') return { code: 'ENROLL.NOT_OPEN', reason: `${beijingText(new Date(c.enrollOpensAt))} 开始报名` };
    if (state === 'closed') return { code: 'ENROLL.CLOSED', reason: '报名已截止' };
  }
  if (kind === 'activity') {
    const a = doc as ActivityDoc;
    if (a.status !== 'published') return { code: 'ENROLL.CLOSED', reason: '活动已取消' };
    if (windowState(now, null, new Date(a.signupDeadline)) === 'closed') return { code: 'ENROLL.CLOSED', reason: '报名已截止' };
  }
  return null;
}

export function assertSignUpOpen(kind: EnrollKind, doc: TargetDoc, now: Date): void {
  const block = signUpBlock(kind, doc, now);
  if (block) throw new CodedError(block.code, `${block.reason}`);
}

/** The same rule as signUpBlock, as conditions the atomic write re-checks in the database. */
export function openWhere(kind: EnrollKind, db: Db, now: Date): Record<string, unknown> {
  const _ = db.command;
  if (kind === 'course') return { enrollOpensAt: _.lte(now), enrollClosesAt: _.gt(now) };
  if (kind === 'activity') return { status: 'published', signupDeadline: _.gt(now) };
  return {};
}

/**
 * When a sign-up may take its place in the line: a pre-check on the (cached) target, and the same rule as
 * conditions of the atomic push. SIGN_UP is the regular rule; WALK_UP is 现场报名 at the venue (checkin function).
 */
export interface SeatRule {
  assertOpen(kind: EnrollKind, doc: TargetDoc, now: Date): void;
  where(kind: EnrollKind, db: Db, now: Date, doc: TargetDoc): Record<string, unknown>;
}

export const SIGN_UP: SeatRule = { assertOpen: assertSignUpOpen, where: (kind, db, now) => openWhere(kind, db, now) };

/**
 * A walk-up at an activity that allows them: after the sign-up deadline too, but only into a free seat (taken <
 * seats, so the pushed entry is inside the places: never the waitlist), in the same one conditional push.
 */
export const WALK_UP: SeatRule = {
  assertOpen(kind, doc) {
    const a = doc as ActivityDoc;
    if (kind !== 'activity' || a.status !== 'published') throw new CodedError('ENROLL.CLOSED', '活动已取消');
    if (!a.walkUpAllowed) throw new CodedError('CHECKIN.NOT_SIGNED_UP');
    if (a.taken >= a.seats) throw new CodedError('CHECKIN.FULL');
  },
  where(_kind, db, _now, doc) {
    const seats = (doc as ActivityDoc).seats;
    return { status: 'published', walkUpAllowed: true, seats, taken: db.command.lt(seats) };
  },
};

/** A target read fresh from the database (line included). */
export function loadTarget(db: Db, kind: EnrollKind, id: string): Promise<TargetDoc | null> {
  return db.byId<TargetDoc>(COLLECTION_OF[kind], id);
}
