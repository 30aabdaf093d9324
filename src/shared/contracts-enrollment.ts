/**
 * Contracts of the `enrollment` function (报名): associations, volunteer teams and posts, senior-university
 * courses and activities, 我的报名, approvals and the lottery draw. Every screen is one call that includes the
 * member's own status (`me`); a sign-up or cancel tap is one call (`signUp`, `cancel`) answering the new `me` and the
 * target's places after it (`places`), so the screen updates without asking again.
 * Dates are ISO 8601 strings.
 */
import type { CancelIntent, SignUpIntent } from './enroll-intent';
import type { EnrollKind, MyState, WindowState } from './enrollment-rules';
import type { Screen } from './screen';
import type { NearAnswer } from './distance';
import type { ContractsOf, RequestsOf } from './fields';
import type { enrollmentSchemas } from './schemas-enrollment';

/** Each action's request is its validator's output (schemas-enrollment.ts): written once, there. */
type Req = RequestsOf<typeof enrollmentSchemas>;

export type { EnrollKind, MyState, WindowState } from './enrollment-rules';
export type { CancelIntent, SignUpIntent } from './enroll-intent';

/** The member's own standing on one thing, and what the one button under it does. */
export interface MyStatus {
  enrollmentId: string | null;
  state: MyState;
  /** 已报名 / 待审核 / 候补第3位 / 已取消 / 已报名，待摇号 / 未报名 */
  label: string;
  waitlistPosition: number | null;
  /** team: the post held or waited for */
  postId: string | null;
  /** the next thing to do, plain words ('' when nothing) */
  next: string;
  canSignUp: boolean;
  /** what the sign-up button does (decide by this, never by the words) */
  signUpIntent: SignUpIntent;
  /** 报名 / 加入协会 / 申请加入 / 排队候补 / 参加摇号: SIGN_UP_WORDS[signUpIntent] */
  signUpText: string;
  canCancel: boolean;
  /** what the cancel does */
  cancelIntent: CancelIntent;
  /** 取消报名 / 退出协会 / 撤回申请 / 不再候补 / 退出岗位: CANCEL_WORDS[cancelIntent] */
  cancelText: string;
  /** why the button is not there now, e.g. '5月3日 09:00 开始报名', '活动开始前2小时内不能取消' */
  blockedReason: string | null;
}

export interface AssociationView {
  id: string;
  name: string;
  purpose: string;
  leaderName: string;
  meetingSchedule: string;
  joinMode: 'open' | 'approval';
  memberCount: number;
  me: MyStatus;
}

export interface PostView {
  id: string;
  name: string;
  duties: string;
  capacity: number;
  seatsLeft: number;
  waitlist: number;
}

export interface TeamView {
  id: string;
  name: string;
  category: string;
  description: string;
  skills: string[];
  /** the member's talent-pool skills fit this team */
  suggested: boolean;
  posts: PostView[];
  me: MyStatus;
}

export interface CampusView {
  id: string;
  name: string;
  town: string;
  address: string;
  isMain: boolean;
  /** in the member's own town (就近入学): listed first; sorted by distance: the nearest campus */
  nearest: boolean;
  /** metres away (lists sorted by distance); null when the campus has no point */
  distanceM?: number | null;
}

export interface TermUsage {
  termId: string;
  limit: number;
  /** courses this term signed up for (waitlist and lottery entries included) */
  used: number;
}

export interface CourseCard {
  id: string;
  title: string;
  campusId: string;
  campusName: string;
  teacher: string;
  weekday: number;
  time: string;
  seats: number;
  seatsLeft: number;
  fee: number;
  mode: 'firstCome' | 'lottery';
  window: WindowState;
  me: MyStatus;
  /** metres to its campus (lists sorted by distance); null when the campus has no point */
  distanceM?: number | null;
}

export interface LotteryView {
  courseId: string;
  seed: string;
  drawnAt: string;
  places: number;
  entrants: number;
  winners: number;
  /** the member's own outcome, when they took part */
  mine: 'won' | 'waitlisted' | null;
}

export interface CourseDetail extends CourseCard {
  termId: string;
  place: string;
  campusAddress: string;
  enrollOpensAt: string;
  enrollClosesAt: string;
  /** e.g. '5月3日 09:00 开始报名' or '报名截止：5月13日 17:00' */
  windowText: string;
  waitlist: number;
  /** lottery courses: how many entered so far */
  entrants: number;
  lottery: LotteryView | null;
}

export interface CourseListData {
  termId: string | null;
  campuses: CampusView[];
  courses: CourseCard[];
  usage: TermUsage | null;
  /** sorted by distance: from where (absent when sorted by campus) */
  near?: NearAnswer;
}

export interface CourseDetailData {
  course: CourseDetail;
  usage: TermUsage;
}

export interface ActivityView {
  id: string;
  title: string;
  kind: string;
  description: string;
  place: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  seats: number;
  seatsLeft: number;
  waitlist: number;
  walkUpAllowed: boolean;
  cancelCutoffHours: number;
  /** e.g. '活动开始前2小时内不能取消' */
  cancelRule: string;
  me: MyStatus;
}

export interface MineItem {
  enrollmentId: string;
  kind: EnrollKind;
  kindLabel: string;
  targetId: string;
  postId: string | null;
  title: string;
  /** when and where, in plain words ('' when not known) */
  when: string;
  place: string;
  me: MyStatus;
}

export interface MineData {
  /** who is looking: the member or a helper for them */
  viewer: { name: string; onBehalf: boolean; memberName: string };
  /** waiting items and places first, then cancelled ones */
  items: MineItem[];
}

export type SignUpRequest = Req['signUp'];

export interface ApprovalItem {
  enrollmentId: string;
  associationId: string;
  associationName: string;
  memberId: string;
  memberName: string;
  town: string;
  requestedAt: string;
  status: 'pending' | 'active' | 'rejected' | 'cancelled';
}

/** A target's places as a sign-up or cancel left them: what its detail screen shows, read from the same write. */
export interface PlacesAfter {
  targetId: string;
  /** course, activity: places left, waitlist length, lottery entrants (null for other kinds) */
  seatsLeft: number | null;
  waitlist: number | null;
  entrants: number | null;
  /** association */
  memberCount: number | null;
  /** team: every post */
  posts: { id: string; seatsLeft: number; waitlist: number }[] | null;
}

/** The answer of a sign-up or cancel tap. */
export interface TapAnswer {
  me: MyStatus;
  places: PlacesAfter;
}

/** One page of join requests waiting for a decision. */
export interface ApprovalsPage {
  requests: ApprovalItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** Join requests per page of 报名审核. */
export const APPROVALS_PAGE_SIZE = 20;

export type EnrollmentContracts = ContractsOf<
  typeof enrollmentSchemas,
  {
    associations: Screen<{ associations: AssociationView[] }>;
    association: Screen<{ association: AssociationView }>;
    teams: Screen<{ teams: TeamView[] }>;
    team: Screen<{ team: TeamView }>;
    courses: Screen<CourseListData>;
    course: Screen<CourseDetailData>;
    activities: Screen<{ activities: ActivityView[] }>;
    /** runsCheckin: the viewer runs this activity's check-in (its leader), so the screen offers the 签到码 */
    activity: Screen<{ activity: ActivityView; runsCheckin: boolean }>;
    mine: Screen<MineData>;
    signUp: TapAnswer;
    cancel: TapAnswer;
    /** page by page, oldest first, with the total waiting (a county has hundreds at a time) */
    approvals: ApprovalsPage;
    approve: ApprovalItem;
    reject: ApprovalItem;
    drawLottery: LotteryView;
  }
>;

