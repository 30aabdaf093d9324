/**
 * Contracts of the `staff` function: publishing activities, terms and courses, associations and volunteer teams
 * (with posts); cancelling an activity (everyone signed up is told); rosters of any group with check-in status and
 * their .xlsx export; care visits (走访慰问, 五必访) and their due list; the staff audit log (admins).
 * Dates and times are ISO 8601 strings; calendar days are 'YYYY-MM-DD' (Beijing).
 */
import type { MemberType, Role, RosterKind } from './primitives';
import type { IntegrityData, RepairCounterData, RepairCounterRequest } from './contracts-integrity';
import type { StaffAuditChange } from './documents';
import type { VisitReason } from './visit-rules';
import type { SettingKey, SettingKind } from './settings';


// --- publishing ---

export interface SaveActivityRequest {
  /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
  requestKey?: string;
  /** absent: a new activity */
  activityId?: string;
  title: string;
  kind: string;
  description: string;
  place: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  seats: number;
  walkUpAllowed: boolean;
  cancelCutoffHours?: number;
}

export interface StaffActivityRow {
  id: string;
  title: string;
  kind: string;
  place: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  seats: number;
  /** holding a place */
  placed: number;
  waitlisted: number;
  walkUpAllowed: boolean;
  status: 'published' | 'cancelled';
  /** for the edit form */
  description: string;
  cancelCutoffHours: number | null;
  cancelReason: string | null;
}

export interface CancelActivityRequest {
  activityId: string;
  /** told to everyone signed up, e.g. 因天气原因取消 */
  reason: string;
}

export interface CancelActivityData {
  activity: StaffActivityRow;
  /** members signed up (places and waitlist) */
  members: number;
  /** subscribe messages WeChat accepted (members and their helpers) */
  notified: number;
  /** it was cancelled before: nobody was told again */
  already: boolean;
}

export interface SetTermRequest {
  termId: string;
  /** 2026年春季学期 */
  name: string;
}

export interface SaveCourseRequest {
  /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
  requestKey?: string;
  courseId?: string;
  termId: string;
  title: string;
  campusId: string;
  teacher: string;
  weekday: number;
  time: string;
  place: string;
  seats: number;
  fee: number;
  enrollOpensAt: string;
  enrollClosesAt: string;
  mode?: 'firstCome' | 'lottery';
}

export interface StaffCourseRow {
  id: string;
  termId: string;
  title: string;
  campusName: string;
  teacher: string;
  weekday: number;
  time: string;
  seats: number;
  /** for the edit form */
  campusId: string;
  place: string;
  fee: number;
  placed: number;
  waitlisted: number;
  mode: 'firstCome' | 'lottery';
  enrollOpensAt: string;
  enrollClosesAt: string;
}

export interface SaveAssociationRequest {
  /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
  requestKey?: string;
  associationId?: string;
  name: string;
  purpose: string;
  leaderName: string;
  meetingSchedule: string;
  joinMode: 'open' | 'approval';
}

export interface StaffAssociationRow {
  id: string;
  name: string;
  leaderName: string;
  joinMode: 'open' | 'approval';
  memberCount: number;
  /** for the edit form */
  purpose: string;
  meetingSchedule: string;
}

export interface PostInput {
  /** absent: a new post */
  id?: string;
  name: string;
  duties: string;
  capacity: number;
}

export interface SaveTeamRequest {
  /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
  requestKey?: string;
  teamId?: string;
  name: string;
  category: string;
  description: string;
  skills: string[];
  leaderMemberId?: string | null;
  /** the posts the team keeps; a post left out is removed (refused while anyone is signed up to it) */
  posts: PostInput[];
}

export interface StaffTeamRow {
  id: string;
  name: string;
  category: string;
  posts: { id: string; name: string; duties: string; capacity: number; placed: number; waitlisted: number }[];
  /** for the edit form */
  description: string;
  skills: string[];
  leaderMemberId: string | null;
}

/** The publishing screen in one call. */
export interface StaffCatalogData {
  term: { id: string; name: string } | null;
  campuses: { id: string; name: string }[];
  activities: StaffActivityRow[];
  courses: StaffCourseRow[];
  associations: StaffAssociationRow[];
  teams: StaffTeamRow[];
}

/** One editor's row: the thing being edited (or null when it is new or gone), and what a course form offers. */
export type CatalogKind = 'activity' | 'course' | 'association' | 'team';
export interface CatalogItemRequest {
  kind: CatalogKind;
  /** absent: a new one (a course form still needs the term and campuses) */
  id?: string;
}
export type CatalogItem =
  | { kind: 'activity'; row: StaffActivityRow }
  | { kind: 'course'; row: StaffCourseRow }
  | { kind: 'association'; row: StaffAssociationRow }
  | { kind: 'team'; row: StaffTeamRow };
export interface CatalogItemData {
  /** courses only (null for other kinds or when no term is set) */
  term: StaffCatalogData['term'];
  /** courses only */
  campuses: StaffCatalogData['campuses'];
  item: CatalogItem | null;
}

// --- rosters ---

export interface GroupRosterRequest {
  kind: RosterKind;
  id: string;
  /** team: one post only */
  postId?: string;
  /** 1-based page of ROSTER_PAGE_SIZE rows (the export always has every row) */
  page?: number;
  /** activity: only those checked in, or only those not yet */
  checked?: 'in' | 'out';
}

/** Rows per page of a group roster (a county association can have thousands of members). */
export const ROSTER_PAGE_SIZE = 50;

export interface GroupRosterRow {
  memberId: string;
  name: string;
  town: string;
  memberType: MemberType | null;
  phoneMasked: string;
  state: 'enrolled' | 'waitlisted' | 'pending';
  /** waitlisted: place in the waitlist (1 = next) */
  position: number | null;
  /** team: the post */
  postName: string | null;
  /** activity: checked in or not; null where there is no check-in (associations, courses) */
  checkedIn: boolean | null;
  checkedInAt: string | null;
  /** team: service sessions checked in at */
  sessions: number | null;
}

export interface GroupRosterData {
  kind: RosterKind;
  id: string;
  title: string;
  counts: { enrolled: number; waitlisted: number; pending: number; checkedIn: number | null };
  /** this page's rows, in line order */
  rows: GroupRosterRow[];
  /** rows matching the request (filter included), over all pages */
  total: number;
  page: number;
  pageSize: number;
}

/** An .xlsx written to cloud storage; the page downloads it by fileId (or the temporary url). */
export interface ExportedFile {
  fileName: string;
  fileId: string;
  url: string;
  rows: number;
}

// --- care visits ---

export interface RecordVisitRequest {
  /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
  requestKey?: string;
  memberId: string;
  reason: VisitReason;
  visitedOn: string;
  visitors: string;
  notes?: string;
}

export interface VisitRow {
  id: string;
  memberId: string;
  memberName: string;
  reason: VisitReason;
  reasonLabel: string;
  visitedOn: string;
  visitors: string;
  notes: string;
  byName: string;
}

export interface VisitsRequest {
  memberId?: string;
  reason?: VisitReason;
  page?: number;
}

export interface VisitsPage {
  items: VisitRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SetHospitalRequest {
  memberId: string;
  inHospital: boolean;
}

export interface SetHospitalData {
  memberId: string;
  hospitalizedAt: string | null;
}

export interface BirthdayDue {
  memberId: string;
  name: string;
  town: string;
  memberType: MemberType;
  /** the day this week, 'YYYY-MM-DD' */
  day: string;
  age: number;
  /** 80, 85, 90 ... */
  milestone: boolean;
  /** a 生日 visit is recorded this week */
  visited: boolean;
}

export interface HospitalDue {
  memberId: string;
  name: string;
  town: string;
  memberType: MemberType;
  hospitalizedAt: string;
  daysInHospital: number;
  /** the latest 生病住院 visit, 'YYYY-MM-DD', or null */
  lastVisitOn: string | null;
}

export interface VisitsDueData {
  week: { from: string; to: string };
  birthdays: BirthdayDue[];
  /** in hospital and not visited for it within 7 days */
  hospital: HospitalDue[];
}

// --- the staff audit log ---

export interface AuditLogRequest {
  /** '<function>.<action>', e.g. 'enrollment.approve' */
  action?: string;
  page?: number;
}

export interface AuditEntryView {
  id: string;
  action: string;
  actorName: string;
  actorRole: Role;
  at: string;
  changes: StaffAuditChange[];
  summary: Record<string, unknown> | null;
}

export interface AuditLogPage {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export const STAFF_PAGE_SIZE = 20;

// --- 工作台 ---

/** Everything the 工作台 shows, in one call. */
export interface StaffHomeData {
  /** 入册申请 waiting for a decision */
  reviews: number;
  /** 注销申请 waiting for confirmation */
  deletions: number;
  /** association join requests waiting for approval (报名审核) */
  approvals: number;
  suggestions: { submitted: number; accepted: number; inProgress: number; overdue: number };
  /** the newest published notices with their read counts */
  notices: { id: string; title: string; publishedAt: string; audienceCount: number; readCount: number }[];
  /** care visits due: birthdays this week not yet visited, members in hospital not visited within 7 days */
  visitsDue: { birthdays: number; hospital: number };
  /** activities (not cancelled) starting today (Beijing), with check-ins so far */
  today: { id: string; title: string; place: string; startAt: string; placed: number; checkIns: number }[];
}

export type StaffContracts = {
  /** isAdmin: who is asking, folded in so the 工作台 is one call */
  home: { request: Record<string, never>; response: StaffHomeData & { isAdmin: boolean } };
  catalog: { request: Record<string, never>; response: StaffCatalogData };
  catalogItem: { request: CatalogItemRequest; response: CatalogItemData };
  saveActivity: { request: SaveActivityRequest; response: StaffActivityRow };
  cancelActivity: { request: CancelActivityRequest; response: CancelActivityData };
  setTerm: { request: SetTermRequest; response: { termId: string; name: string } };
  saveCourse: { request: SaveCourseRequest; response: StaffCourseRow };
  saveAssociation: { request: SaveAssociationRequest; response: StaffAssociationRow };
  saveTeam: { request: SaveTeamRequest; response: StaffTeamRow };
  roster: { request: GroupRosterRequest; response: GroupRosterData };
  exportRoster: { request: GroupRosterRequest; response: ExportedFile };
  recordVisit: { request: RecordVisitRequest; response: VisitRow };
  visits: { request: VisitsRequest; response: VisitsPage };
  setHospital: { request: SetHospitalRequest; response: SetHospitalData };
  visitsDue: { request: Record<string, never>; response: VisitsDueData };
  auditLog: { request: AuditLogRequest; response: AuditLogPage };
  settings: { request: Record<string, never>; response: SettingsView };
  saveSettings: { request: SaveSettingsRequest; response: SettingsView };
  integrity: { request: Record<string, never>; response: IntegrityData };
  repairCounter: { request: RepairCounterRequest; response: RepairCounterData };
};

/** One bureau setting on 系统设置 (src/shared/settings.ts). */
export interface SettingItemView {
  key: SettingKey;
  label: string;
  description: string;
  kind: SettingKind;
  required: boolean;
  value: string;
  /** still the placeholder (nothing saved yet) */
  placeholder: boolean;
}

export interface SettingsView {
  items: SettingItemView[];
  /** the environment npm run deploy set up: placeholders are refused */
  production: boolean;
  /** required settings not yet fit for production */
  missing: SettingKey[];
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Only the keys being changed. */
export type SaveSettingsRequest = { values: Partial<Record<SettingKey, string>> };

