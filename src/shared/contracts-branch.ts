/**
 * Contracts of the `branch` function (党支部: 离退休干部党支部). One call per screen:
 * staff and branch secretaries — branches (the list), branch (members and meetings of one), saveBranch and
 * setMemberBranch (staff only), saveMeeting, meeting (agenda, attendance, minutes, study material), saveMinutes,
 * deliveries (送学上门: members who neither attended nor read) and markDelivered;
 * members — myBranch (my branch's meetings and study material).
 * A secretary (an account leading { kind: 'branch', id }) sees and runs their own branch only. Dates are ISO strings.
 */

/** 三会一课 (支部党员大会, 支部委员会, 党小组会, 党课) and 主题党日. */
export const MEETING_KINDS = ['members', 'committee', 'group', 'lesson', 'themeDay'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  members: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  lesson: '党课',
  themeDay: '主题党日',
};

export const BRANCH_PAGE_SIZE = 20;
/** Most members one branch holds (a county's branches have tens). */
export const BRANCH_MAX_MEMBERS = 2000;
export const BRANCH_NAME_MAX = 40;
export const MEETING_AGENDA_MAX = 1000;
export const MEETING_MINUTES_MAX = 5000;

export interface BranchRow {
  id: string;
  name: string;
  secretaryMemberId: string | null;
  secretaryName: string | null;
  /** members on the roster (not erased) */
  members: number;
}

export interface BranchesRequest {
  page?: number;
}

export interface BranchesPage {
  items: BranchRow[];
  total: number;
  page: number;
  pageSize: number;
  /** staff: may create branches and move members */
  canManage: boolean;
}

export interface BranchMemberRow {
  memberId: string;
  name: string;
  /** the full number: the secretary calls */
  phone: string;
  town: string;
  community: string;
  secretary: boolean;
}

export interface MeetingRow {
  id: string;
  branchId: string;
  branchName: string;
  kind: MeetingKind;
  kindLabel: string;
  title: string;
  place: string;
  startAt: string;
  endAt: string;
  status: 'scheduled' | 'cancelled';
  /** checked in */
  attended: number;
  hasMinutes: boolean;
}

export interface MaterialRow {
  id: string;
  title: string;
  publishedAt: string;
  reads: number;
}

export interface BranchRequest {
  branchId: string;
  page?: number;
}

export interface BranchDetail {
  branch: BranchRow;
  /** members by name, one page */
  members: { items: BranchMemberRow[]; total: number; page: number; pageSize: number };
  /** newest first, the latest BRANCH_PAGE_SIZE */
  meetings: MeetingRow[];
  /** study material sent to the branch (notices with the branch audience), newest first */
  materials: MaterialRow[];
  canManage: boolean;
}

export interface SaveBranchRequest {
  branchId?: string;
  requestKey?: string;
  name: string;
  /** '' for none; must be a member of the branch who has confirmed who they are in the app */
  secretaryMemberId?: string;
}

export interface SetMemberBranchRequest {
  memberId: string;
  /** '' takes the member out of any branch */
  branchId: string;
}

export interface SetMemberBranchData {
  memberId: string;
  branchId: string | null;
}

export interface SaveMeetingRequest {
  meetingId?: string;
  requestKey?: string;
  branchId: string;
  kind: MeetingKind;
  title: string;
  agenda: string;
  place: string;
  startAt: string;
  endAt: string;
  /** '' for none: a notice sent to this branch */
  materialId?: string;
  cancelled?: boolean;
}

export interface MeetingRequest {
  meetingId: string;
}

export interface MeetingDetail {
  meeting: MeetingRow;
  agenda: string;
  minutes: string;
  minutesBy: string | null;
  minutesAt: string | null;
  /** branch members now (not erased) */
  expected: number;
  material: MaterialRow | null;
  /** members who neither attended nor read the material: still to visit, and done */
  deliveries: { due: number; done: number };
  /** the materials of the branch the editor may link (newest first) */
  materials: MaterialRow[];
}

export interface SaveMinutesRequest {
  meetingId: string;
  minutes: string;
}

/** What a 送学上门 list is for: a meeting (and its material) or one piece of study material. */
export type DeliverySource = { kind: 'meeting'; id: string } | { kind: 'material'; id: string };

export interface DeliveriesRequest {
  source: DeliverySource;
  /** todo (default): still to visit or call; done: marked as done */
  filter?: 'todo' | 'done';
  page?: number;
}

export interface DeliveryRow {
  memberId: string;
  name: string;
  phone: string;
  town: string;
  community: string;
  done: { how: 'visit' | 'call'; note: string; byName: string; at: string } | null;
}

export interface DeliveriesPage {
  title: string;
  branchName: string;
  filter: 'todo' | 'done';
  items: DeliveryRow[];
  total: number;
  page: number;
  pageSize: number;
  /** of the whole list */
  todo: number;
  done: number;
}

export interface MarkDeliveredRequest {
  source: DeliverySource;
  memberId: string;
  how: 'visit' | 'call';
  note?: string;
}

export interface MyMeetingRow extends MeetingRow {
  /** the member checked in */
  present: boolean;
  agenda: string;
}

export interface MyBranchData {
  branch: { id: string; name: string; secretaryName: string | null } | null;
  upcoming: MyMeetingRow[];
  recent: MyMeetingRow[];
  /** study material of the branch, newest first, with whether the member read it */
  materials: Array<MaterialRow & { read: boolean }>;
}

export type BranchContracts = {
  branches: { request: BranchesRequest; response: BranchesPage };
  branch: { request: BranchRequest; response: BranchDetail };
  saveBranch: { request: SaveBranchRequest; response: BranchRow };
  setMemberBranch: { request: SetMemberBranchRequest; response: SetMemberBranchData };
  saveMeeting: { request: SaveMeetingRequest; response: MeetingRow };
  meeting: { request: MeetingRequest; response: MeetingDetail };
  saveMinutes: { request: SaveMinutesRequest; response: MeetingDetail };
  deliveries: { request: DeliveriesRequest; response: DeliveriesPage };
  markDelivered: { request: MarkDeliveredRequest; response: DeliveryRow };
  myBranch: { request: Record<string, never>; response: MyBranchData };
};

/** The key of a 送学上门 source: 'meeting:<id>' or 'material:<id>'. */
export const deliverySourceKey = (source: DeliverySource): string => `${source.kind}:${source.id}`;
/** One delivery per source and member. */
export const deliveryId = (source: DeliverySource, memberId: string): string => `${source.kind}~${source.id}~${memberId}`;

/** A meeting lasts at most this long. */
export const MEETING_MAX_MINUTES = 12 * 60;

/** What is wrong with a meeting's times in plain words, or null. */
export function meetingTimesProblem(startAt: string, endAt: string): string | null {
  const length = (Date.parse(endAt) - Date.parse(startAt)) / 60_000;
  if (!(length > 0)) return '结束时间要晚于开始时间';
  if (length > MEETING_MAX_MINUTES) return '一次会议最长12小时';
  return null;
}
