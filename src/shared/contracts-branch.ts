/**
 * Contracts of the `branch` function (党支部: 离退休干部党支部). One call per screen:
 * staff and branch secretaries — branches (the list), branch (members and meetings of one), saveBranch and
 * setMemberBranch (staff only), saveMeeting, meeting (agenda, attendance, minutes, study material), saveMinutes,
 * deliveries (送学上门: members who neither attended nor read) and markDelivered;
 * members — myBranch (my branch's meetings and study material).
 * A secretary (an account leading { kind: 'branch', id }) sees and runs their own branch only. Dates are ISO strings.
 */
import type { Paged } from './primitives';
import type { MeetingKind } from './branch-rules';
import type { ContractsOf, RequestsOf } from './fields';
import type { branchSchemas } from './schemas-branch';

export {
  BRANCH_NAME_MAX,
  MEETING_AGENDA_MAX,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_MAX_MINUTES,
  MEETING_MINUTES_MAX,
  meetingTimesProblem,
  type MeetingKind,
} from './branch-rules';

/** Each action's request is its validator's output (schemas-branch.ts): written once, there. */
type Req = RequestsOf<typeof branchSchemas>;

export const BRANCH_PAGE_SIZE = 20;
/** Most members one branch holds (a county's branches have tens). */
export const BRANCH_MAX_MEMBERS = 2000;

export interface BranchRow {
  id: string;
  name: string;
  secretaryMemberId: string | null;
  secretaryName: string | null;
  /** members on the roster (not erased) */
  members: number;
}

export interface BranchesPage extends Paged<BranchRow> {
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

export type SaveBranchRequest = Req['saveBranch'];

export type SetMemberBranchRequest = Req['setMemberBranch'];

export interface SetMemberBranchData {
  memberId: string;
  branchId: string | null;
}

export type SaveMeetingRequest = Req['saveMeeting'];

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

/** What a 送学上门 list is for: a meeting (and its material) or one piece of study material. */
export type DeliverySource = { kind: 'meeting'; id: string } | { kind: 'material'; id: string };

export type DeliveriesRequest = Req['deliveries'];

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

export type MarkDeliveredRequest = Req['markDelivered'];

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

export type BranchContracts = ContractsOf<
  typeof branchSchemas,
  {
    branches: BranchesPage;
    branch: BranchDetail;
    saveBranch: BranchRow;
    setMemberBranch: SetMemberBranchData;
    saveMeeting: MeetingRow;
    meeting: MeetingDetail;
    saveMinutes: MeetingDetail;
    deliveries: DeliveriesPage;
    markDelivered: DeliveryRow;
    myBranch: MyBranchData;
  }
>;

/** The key of a 送学上门 source: 'meeting:<id>' or 'material:<id>'. */
export const deliverySourceKey = (source: DeliverySource): string => `${source.kind}:${source.id}`;
/** One delivery per source and member. */
export const deliveryId = (source: DeliverySource, memberId: string): string => `${source.kind}~${source.id}~${memberId}`;
