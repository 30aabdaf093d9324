/** Contracts of the `catalog` function: the home screen and the lists of activities and courses. */
import type { NoticeCategory } from './contracts-notice';
import type { HotlineInfo } from './contracts-member';
import type { NearAnswer } from './distance';
import type { ContractsOf } from './fields';
import type { catalogSchemas } from './schemas-catalog';


export interface NoticeSummary {
  id: string;
  title: string;
  category: NoticeCategory;
  categoryLabel: string; // 政情通报, 活动通知 ...
  pinned: boolean;
  publishedAt: string; // ISO 8601
}

/**
 * A list item's sign-up window. Where it stands now is the app's to say (time-words.ts phaseOf, at the moment the
 * card is drawn), so a card kept on the device never shows a state from when it was loaded.
 */
export interface SignupWindow {
  /** courses: when sign-up opens (ISO 8601); null for activities */
  opensAt: string | null;
  closesAt: string;
}

export interface ActivitySummary {
  id: string;
  title: string;
  kind: string; // 门球赛, 座谈会 ...
  startAt: string; // ISO 8601
  endAt: string;
  signupDeadline: string;
  place: string;
  seats: number;
  seatsLeft: number;
  signup: SignupWindow;
  /** metres from where the list was measured (lists sorted by distance); null when the venue has no point */
  distanceM?: number | null;
}

export interface CourseSummary {
  id: string;
  title: string;
  campusName: string;
  weekday: number; // 1 = Monday
  time: string; // "09:00-10:30"
  seats: number;
  seatsLeft: number;
  signup: SignupWindow;
}

export interface HomeData {
  viewerName: string | null;
  /** staff and admins: home offers the way into the 工作台 */
  staffEntry: boolean;
  /** large text as saved with the account (any device); null when never set or nobody signed in */
  largeText: boolean | null;
  /** notices the member (or the one a helper acts for) has not read; null without a member */
  unreadNotices: number | null;
  /** messages in the member's 消息 not yet read; null without a member */
  unreadMessages?: number | null;
  notices: NoticeSummary[];
  activities: ActivitySummary[];
  courses: CourseSummary[];
  /** the bureau's 服务热线, one tap away; null while no number is set */
  hotline: HotlineInfo | null;
}

export interface ActivityList {
  activities: ActivitySummary[];
  /** sorted by distance: from where (absent when sorted by time) */
  near?: NearAnswer;
}

export type CatalogContracts = ContractsOf<
  typeof catalogSchemas,
  {
    home: HomeData;
    activities: ActivityList;
  }
>;
