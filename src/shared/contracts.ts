/**
 * The action contracts of every cloud function: request and response types, shared by the functions,
 * the services module and the tests. Payload validators (valibot) live next to the types in
 * src/shared/schemas.ts; a contract's request type is the validator's output.
 */
import type { MemberContracts } from './contracts-member';
import type { EnrollmentContracts } from './contracts-enrollment';
import type { RosterContracts } from './contracts-roster';
import type { NoticeCategory, NoticeContracts } from './contracts-notice';
import type { SuggestionContracts } from './contracts-suggestion';
import type { CheckinContracts } from './contracts-checkin';
import type { StaffContracts } from './contracts-staff';
import type { FiguresContracts } from './contracts-figures';
import type { TemplateSettingKey } from './settings';
import type { MessagesContracts } from './contracts-messages';

export type MemberType = 'lixiu' | 'tuixiu';
export type Role = 'member' | 'helper' | 'leader' | 'staff' | 'admin';

export interface NoticeSummary {
  id: string;
  title: string;
  category: NoticeCategory;
  categoryLabel: string; // 政情通报, 活动通知 ...
  pinned: boolean;
  publishedAt: string; // ISO 8601
}

/** Where a list item's sign-up window stands now (enrollment-rules.ts windowState), so its words fit the facts. */
export interface SignupWindow {
  state: 'notYet' | 'open' | 'closed';
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
  /** notices the member (or the one a helper acts for) has not read; null without a member */
  unreadNotices: number | null;
  /** messages in the member's 消息 not yet read; null without a member */
  unreadMessages?: number | null;
  notices: NoticeSummary[];
  activities: ActivitySummary[];
  courses: CourseSummary[];
}

export interface ActivityList {
  activities: ActivitySummary[];
}

export interface MeData {
  name: string;
  role: Role;
  memberType: MemberType | null;
  formerUnit: string | null;
  town: string | null;
  phoneMasked: string | null;
  /** for a helper: the member they act for */
  actingFor: { memberId: string; name: string } | null;
  /** the bureau's settings the pages show or use, read with this answer (src/shared/settings.ts) */
  bureau: BureauInfo;
  /** large text as saved with the account (any device); null when never set */
  largeText: boolean | null;
}

export interface BureauInfo {
  name: string;
  hotline: string;
  /** subscribe-message template ids to ask for; '' while the bureau has not set one (production) */
  templates: Record<TemplateSettingKey, string>;
}

/** name -> action -> { request, response } */
export interface Contracts {
  roster: RosterContracts;
  catalog: {
    home: { request: Record<string, never>; response: HomeData };
    activities: { request: Record<string, never>; response: ActivityList };
  };
  member: MemberContracts;
  enrollment: EnrollmentContracts;
  notice: NoticeContracts;
  suggestion: SuggestionContracts;
  checkin: CheckinContracts;
  staff: StaffContracts;
  figures: FiguresContracts;
  messages: MessagesContracts;
}

export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { request: infer R } ? R : never;
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { response: infer R } ? R : never;
