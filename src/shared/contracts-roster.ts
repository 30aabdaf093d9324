/**
 * Contracts of the `roster` function: the bureau's staff keep the roster (花名册) — import from .xlsx, list and
 * search members, decide 入册申请 (roster requests) and confirm 注销申请 (deletion requests). Staff and admin only.
 */
import type { Paged } from './primitives';
import type { PersonFields } from './person';
import type { ContractsOf, RequestsOf } from './fields';
import type { rosterSchemas } from './schemas-roster';

/** Each action's request is its validator's output (schemas-roster.ts): written once, there. */
type Req = RequestsOf<typeof rosterSchemas>;

/**
 * The roster sheet: the first row holds these headers (any order; other columns are ignored), one person per row.
 * required: a row without it is rejected. The staff page shows this list as the template.
 */
export const ROSTER_COLUMNS = [
  { key: 'rosterNo', header: '花名册编号', required: true, hint: '局里的档案编号，每人唯一' },
  { key: 'name', header: '姓名', required: true, hint: '' },
  { key: 'memberType', header: '类别', required: true, hint: '离休 或 退休' },
  { key: 'gender', header: '性别', required: true, hint: '男 或 女' },
  { key: 'birthYear', header: '出生年份', required: true, hint: '四位数字，如 1948' },
  { key: 'formerUnit', header: '原单位', required: false, hint: '' },
  { key: 'town', header: '乡镇街道', required: true, hint: '' },
  { key: 'community', header: '社区村', required: false, hint: '' },
  { key: 'partyMember', header: '是否党员', required: false, hint: '是 或 否，空着算否' },
  { key: 'phone', header: '手机号', required: true, hint: '11位手机号或带区号的座机，确认身份时要用' },
  { key: 'skills', header: '特长', required: false, hint: '多个用顿号隔开，如 法律、书法' },
  { key: 'branch', header: '党支部', required: false, hint: '所在离退休干部党支部的名称，党员才填；没有的支部会自动建好' },
] as const;

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export { ROSTER_FILE_MAX_BYTES } from './request-limits';
/** Most data rows one import takes. */
export const ROSTER_MAX_ROWS = 20000;
/** Rows per page of every staff list. */
export const ROSTER_PAGE_SIZE = 20;
/** How many rejected rows an import answer lists (the count is always exact). */
export const ROSTER_REJECTED_SHOWN = 200;

export type ImportRosterRequest = Req['importRoster'];

export interface RejectedRow {
  /** the row number Excel shows (the header is row 1) */
  line: number;
  rosterNo: string | null;
  name: string | null;
  reasons: string[];
}

/**
 * What an import did. Import owns the bureau's fields (姓名, 类别, 性别, 出生年份, 原单位, 是否党员); what a member
 * may correct (手机号, 乡镇街道, 社区村, 特长) is taken from the file only while nobody has bound the entry (after
 * that the member keeps it up to date); the binding, emergency contact and preferences are never touched; erased
 * entries are not revived.
 */
export interface ImportRosterResult {
  /** data rows read (blank rows not counted) */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejectedCount: number;
  /** the first ROSTER_REJECTED_SHOWN rejected rows, in file order */
  rejected: RejectedRow[];
}

export type RosterMembersRequest = Req['members'];

export interface RosterMemberRow extends PersonFields {
  id: string;
  rosterNo: string;
  phoneMasked: string | null;
  skills: string[];
  /** a WeChat is bound to this entry */
  bound: boolean;
  /** personal fields erased on the member's request */
  erased: boolean;
}

export interface RosterMembersPage extends Paged<RosterMemberRow> {
  /** every town on the roster, for the filter */
  towns: string[];
}

export type RosterRequestStatus = 'pending' | 'approved' | 'rejected';

export type ReviewRequestsRequest = Req['reviewRequests'];

export interface RosterRequestRow extends PersonFields {
  id: string;
  phoneMasked: string | null;
  skills: string[];
  note: string;
  status: RosterRequestStatus;
  memberId: string | null;
  rejectReason: string | null;
  decidedBy: string | null;
  createdAt: string; // ISO 8601
  decidedAt: string | null;
}

export interface ReviewRequestsPage {
  items: RosterRequestRow[];
  total: number;
  /** pending requests, whatever the filter (for the badge) */
  pendingCount: number;
  page: number;
  pageSize: number;
}

export interface ApproveRequestResult {
  requestId: string;
  memberId: string;
  rosterNo: string;
  /** the requester's WeChat was bound to the new entry (false when that WeChat already has an account) */
  bound: boolean;
}

export interface RejectRequestResult {
  requestId: string;
  status: 'rejected';
}

export type DeletionRequestStatus = 'pending' | 'done';

export type DeletionRequestsRequest = Req['deletionRequests'];

export interface DeletionRequestRow {
  id: string;
  memberId: string;
  rosterNo: string | null;
  /** '已注销用户' once done */
  memberName: string;
  town: string | null;
  reason: string;
  status: DeletionRequestStatus;
  requestedAt: string; // ISO 8601
  doneAt: string | null;
  doneBy: string | null;
}

export interface DeletionRequestsPage {
  items: DeletionRequestRow[];
  total: number;
  pendingCount: number;
  page: number;
  pageSize: number;
}

export interface ConfirmDeletionResult {
  requestId: string;
  memberId: string;
  /** accounts removed: the member's own and their helpers' */
  accountsRemoved: number;
}

/** The name an erased entry keeps. */
export const ERASED_NAME = '已注销用户';

export type RosterContracts = ContractsOf<
  typeof rosterSchemas,
  {
    importRoster: ImportRosterResult;
    members: RosterMembersPage;
    reviewRequests: ReviewRequestsPage;
    approveRequest: ApproveRequestResult;
    rejectRequest: RejectRequestResult;
    deletionRequests: DeletionRequestsPage;
    confirmDeletion: ConfirmDeletionResult;
  }
>;
