/** Plain-Chinese wording of sign-up facts: class times, fees, places, badges and the next step. */
import type { AssociationView, CourseCard, MineItem, MyStatus } from '../shared/contracts-enrollment';
import { holdsPlace, nextStep } from '../shared/enroll-intent';
import { formatWeekday } from './format';

function clock(hour: number, minute: number): string {
  const period = hour < 12 ? '上午' : hour < 18 ? '下午' : '晚上';
  const h = hour > 12 ? hour - 12 : hour;
  return `${period}${h}:${String(minute).padStart(2, '0')}`;
}

/** Replaces 24-hour times ("09:00-10:30", "14:30") in a text with 上午9:00-10:30, 下午2:30. */
export function friendlyClock(text: string): string {
  return text.replace(/(\d{1,2}):(\d{2})(?:-(\d{1,2}):(\d{2}))?/g, (_m, h1: string, m1: string, h2?: string, m2?: string) => {
    const start = clock(Number(h1), Number(m1));
    if (h2 === undefined || m2 === undefined) return start;
    const end = clock(Number(h2), Number(m2));
    // "上午9:00-10:30": the period word once when both ends share it
    return end.slice(0, 2) === start.slice(0, 2) ? `${start}-${end.slice(2)}` : `${start}-${end}`;
  });
}

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
