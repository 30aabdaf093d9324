/**
 * Contracts of the `staff` function: publishing activities, terms and courses, associations and volunteer teams
 * (with posts); cancelling an activity (everyone signed up is told); rosters of any group with check-in status and
 * their .xlsx export; care visits (走访慰问, 五必访) and their due list; the staff audit log (admins).
 * Dates and times are ISO 8601 strings; calendar days are 'YYYY-MM-DD' (Beijing).
 */
import type { MemberType, Role, RosterKind, Paged } from './primitives';
import type { IntegrityData, RepairCounterData } from './contracts-integrity';
import type { StaffAuditChange } from './documents';
import type { VisitReason } from './visit-rules';
import type { SettingKey, SettingKind } from './settings';
import type { ContractsOf, RequestsOf } from './fields';
import type { staffSchemas } from './schemas-staff';

/** Each action's request is its validator's output (schemas-staff.ts): written once, there. */
type Req = RequestsOf<typeof staffSchemas>;

export type RepairCounterRequest = Req['repairCounter'];


// --- publishing ---

export type SaveActivityRequest = Req['saveActivity'];

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

export type CancelActivityRequest = Req['cancelActivity'];

export interface CancelActivityData {
  activity: StaffActivityRow;
  /** members signed up (places and waitlist) */
  members: number;
  /** subscribe messages WeChat accepted (members and their helpers) */
  notified: number;
  /** it was cancelled before: nobody was told again */
  already: boolean;
}

export type SetTermRequest = Req['setTerm'];

export type SaveCourseRequest = Req['saveCourse'];

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

export type SaveAssociationRequest = Req['saveAssociation'];

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

export type SaveTeamRequest = Req['saveTeam'];

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
export type CatalogItemRequest = Req['catalogItem'];
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

export type GroupRosterRequest = Req['roster'];

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

export type RecordVisitRequest = Req['recordVisit'];

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

export type VisitsRequest = Req['visits'];

export type VisitsPage = Paged<VisitRow>;

export type SetHospitalRequest = Req['setHospital'];

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

export type AuditLogRequest = Req['auditLog'];

export interface AuditEntryView {
  id: string;
  action: string;
  actorName: string;
  actorRole: Role;
  at: string;
  changes: StaffAuditChange[];
  summary: Record<string, unknown> | null;
}

export type AuditLogPage = Paged<AuditEntryView>;

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

export type StaffContracts = ContractsOf<
  typeof staffSchemas,
  {
    /** isAdmin: who is asking, folded in so the 工作台 is one call */
    home: StaffHomeData & { isAdmin: boolean };
    catalog: StaffCatalogData;
    catalogItem: CatalogItemData;
    saveActivity: StaffActivityRow;
    cancelActivity: CancelActivityData;
    setTerm: { termId: string; name: string };
    saveCourse: StaffCourseRow;
    saveAssociation: StaffAssociationRow;
    saveTeam: StaffTeamRow;
    roster: GroupRosterData;
    exportRoster: ExportedFile;
    recordVisit: VisitRow;
    visits: VisitsPage;
    setHospital: SetHospitalData;
    visitsDue: VisitsDueData;
    auditLog: AuditLogPage;
    settings: SettingsView;
    saveSettings: SettingsView;
    integrity: IntegrityData;
    repairCounter: RepairCounterData;
  }
>;

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
export type SaveSettingsRequest = Req['saveSettings'];

