/** The state of a card's thing now, in the shared vocabulary (src/shared/time-words.ts). */
import type { ActivitySummary, CourseSummary } from '../shared/contracts';
import { badgeWords, moreWords, phaseOf, type Timeline } from '../shared/time-words';

export const activityTimeline = (a: Pick<ActivitySummary, 'startAt' | 'endAt' | 'signupDeadline'>): Timeline => ({
  startAt: a.startAt,
  endAt: a.endAt,
  signupClosesAt: a.signupDeadline,
});

export const courseTimeline = (c: Pick<CourseSummary, 'signup'>): Timeline => ({
  signupOpensAt: c.signup.opensAt ?? undefined,
  signupClosesAt: c.signup.closesAt,
});

/** A card's badge and the words of its tap, from the real state now. */
export function cardState(timeline: Timeline, seatsLeft: number, now = new Date()): { badge: string; more: string } {
  const phase = phaseOf(now, timeline);
  return { badge: badgeWords(phase, timeline, seatsLeft), more: moreWords(phase) };
}
