/** Plain-Chinese wording of sign-up facts: class times, fees, places, badges and the next step. */
import type { AssociationView, CourseCard, MineItem, MyStatus } from '../shared/contracts-enrollment';
import { holdsPlace, nextStep } from '../shared/enroll-intent';
import { friendlyClock } from '../shared/time-words';
import { formatWeekday } from './format';

export { friendlyClock };

/** e.g. "每周三 上午9:00-10:30" */
export function classTime(weekday: number, time: string): string {
  return `${formatWeekday(weekday)} ${friendlyClock(time)}`;
}

export function feeText(fee: number): string {
  return fee > 0 ? `每学期${fee}元` : '免费';
}

export function seatsText(seats: number, seatsLeft: number, waitlist: number): string {
  if (seatsLeft > 0) return `共${seats}个，还剩${seatsLeft}个`;
  return waitlist > 0 ? `共${seats}个，已满，${waitlist}人在候补` : `共${seats}个，已满，可以排队候补`;
}

/** Holding something (a place, a waitlist spot, a request): what the member's status badge shows. */
export function holds(me: Pick<MyStatus, 'state'>): boolean {
  return holdsPlace(me.state);
}

/** The one badge of a course in the list: the member's own status first, else what they could do now. */
export function courseBadge(course: CourseCard): string {
  if (holds(course.me)) return course.me.label;
  if (course.window !== 'open') return course.me.blockedReason ?? '报名已截止';
  if (course.mode === 'lottery') return '摇号课程，报名截止后摇号';
  return course.seatsLeft > 0 ? `还剩${course.seatsLeft}个名额` : '名额已满，可以候补';
}

/** The next thing to do, with when and where for a place already held (周三上午9:00到…上课). */
export function nextStepOf(item: Pick<MineItem, 'kind' | 'when' | 'place' | 'me'>): string {
  const { kind, when, place, me } = item;
  if (me.state === 'enrolled' && when && place && (kind === 'course' || kind === 'activity')) {
    return nextStep(kind, me.state, me.waitlistPosition, { when: friendlyClock(when), place });
  }
  return me.next;
}

export function joinModeText(association: Pick<AssociationView, 'joinMode'>): string {
  return association.joinMode === 'approval' ? '申请后由负责人审核' : '直接加入，不用审核';
}
