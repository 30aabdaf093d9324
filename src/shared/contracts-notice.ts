/**
 * Contracts of the `notice` function (通知、政情通报、阅文 with read receipts). One call per screen:
 * member — list (the notice list with read/unread), open (the notice itself; opening marks it read, once);
 * staff — staffList (per notice: read and unread counts), readers (who has / has not read one, with phone
 * numbers for calling or 送学上门), publishForm (categories and audiences to choose), publish, update, withdraw.
 * Dates are ISO 8601 strings.
 */
import type { Paged } from './primitives';
import type { NoticeBlock } from './notice-body';
import { NOTICE_CATEGORIES } from './request-limits';
import type { ContractsOf, RequestsOf } from './fields';
import type { noticeSchemas } from './schemas-notice';

/** Each action's request is its validator's output (schemas-notice.ts): written once, there. */
type Req = RequestsOf<typeof noticeSchemas>;

export { NOTICE_ATTACHMENTS_MAX, NOTICE_CATEGORIES, NOTICE_TITLE_MAX } from './request-limits';
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  politics: '政情通报',
  activity: '活动通知',
  study: '学习资料',
  university: '老年大学',
  other: '其他',
};

export type AudienceKind = 'everyone' | 'association' | 'team' | 'course' | 'branch';
export const AUDIENCE_KIND_LABELS: Record<AudienceKind, string> = {
  everyone: '全体老同志',
  association: '协会',
  team: '志愿服务队',
  course: '老年大学班级',
  branch: '党支部',
};
/** The audience kinds that are a group of members (everything but everyone). */
export type GroupAudienceKind = Exclude<AudienceKind, 'everyone'>;

/** Who a notice is for: everyone, or the members of one association, volunteer team, course or party branch. */
export type NoticeAudience = { kind: 'everyone' } | { kind: GroupAudienceKind; id: string; name: string };

/** As publishers choose it (the name is looked up). */
export type AudienceChoice = { kind: 'everyone' } | { kind: GroupAudienceKind; id: string };

export interface NoticeAttachmentInput {
  fileId: string;
  /** shown to readers, e.g. 《意见》全文.pdf */
  name: string;
  /** bytes, when the uploader knows it */
  size?: number;
}

export interface NoticeAttachmentView extends NoticeAttachmentInput {
  /** a temporary URL to open it ('' when the file is gone) */
  url: string;
}

export const NOTICE_PAGE_SIZE = 20;

/** What a notice shows at its top, in the list and when opened. */
export interface NoticeHeading {
  id: string;
  title: string;
  category: NoticeCategory;
  categoryLabel: string;
  pinned: boolean;
  publishedAt: string;
  publisherName: string;
  audienceLabel: string;
}

export interface NoticeListItem extends NoticeHeading {
  hasAttachments: boolean;
  /** the member (or a helper for them) has opened it */
  read: boolean;
}

export type NoticeListRequest = Req['list'];

/** items: pinned first, then newest first */
export interface NoticeListPage extends Paged<NoticeListItem> {
  /** unread among the member's newest notices (all categories) */
  unreadCount: number;
  categories: { key: NoticeCategory; label: string }[];
}

/** An image block as shown: its temporary URL resolved. */
export type NoticeBlockView = Exclude<NoticeBlock, { type: 'image' }> | { type: 'image'; fileId: string; caption?: string; url: string };

export interface NoticeDetail extends NoticeHeading {
  body: NoticeBlockView[];
  attachments: NoticeAttachmentView[];
}

export interface OpenNoticeData {
  notice: NoticeDetail;
  /** the receipt: when it was first read, and whether this open was that first time; null for staff looking */
  read: { readAt: string; firstTime: boolean; byHelper: boolean } | null;
}

// --- staff ---

export interface StaffNoticeRow {
  id: string;
  title: string;
  category: NoticeCategory;
  categoryLabel: string;
  pinned: boolean;
  status: 'published' | 'withdrawn';
  publishedAt: string;
  publisherName: string;
  audience: NoticeAudience;
  audienceLabel: string;
  /** members in the audience (not erased) */
  audienceCount: number;
  readCount: number;
  unreadCount: number;
}

export type StaffNoticeListRequest = Req['staffList'];

export type StaffNoticeListPage = Paged<StaffNoticeRow>;

export type ReadersRequest = Req['readers'];

export interface ReaderRow {
  memberId: string;
  name: string;
  /** the full number: staff call those who have not read it */
  phone: string;
  town: string;
  community: string;
  /** null in the unread list */
  readAt: string | null;
  /** read by a family helper for the member */
  byHelper: boolean;
}

export interface ReadersPage {
  notice: StaffNoticeRow;
  filter: 'unread' | 'read';
  items: ReaderRow[];
  /** rows matching the filter */
  total: number;
  page: number;
  pageSize: number;
}

export interface AudienceOption {
  kind: GroupAudienceKind;
  id: string;
  name: string;
}

export type PublishFormRequest = Req['publishForm'];

/** A notice as its publisher edits it: image blocks keep their fileIds, the audience as chosen. */
export interface NoticeDraft {
  id: string;
  title: string;
  category: NoticeCategory;
  pinned: boolean;
  audience: AudienceChoice;
  body: NoticeBlock[];
  attachments: NoticeAttachmentInput[];
  status: 'published' | 'withdrawn';
}

export interface PublishFormData {
  categories: { key: NoticeCategory; label: string }[];
  audiences: AudienceOption[];
  titleMax: number;
  attachmentsMax: number;
  /** the notice being edited (publishForm with a noticeId), else null */
  notice: NoticeDraft | null;
}

export type PublishNoticeRequest = Req['publish'];

export type UpdateNoticeRequest = Req['update'];

export const DEFAULT_PUBLISHER = '县委老干部局';

export type NoticeContracts = ContractsOf<
  typeof noticeSchemas,
  {
    list: NoticeListPage;
    open: OpenNoticeData;
    staffList: StaffNoticeListPage;
    readers: ReadersPage;
    publishForm: PublishFormData;
    publish: StaffNoticeRow;
    update: StaffNoticeRow;
    withdraw: StaffNoticeRow;
  }
>;

/** The key a notice is stored under for one `in` query: 'everyone' or '<kind>:<id>'. */
export function audienceKeyOf(audience: { kind: AudienceKind; id?: string }): string {
  return audience.kind === 'everyone' ? 'everyone' : `${audience.kind}:${audience.id ?? ''}`;
}

/** 全体老同志, or e.g. 协会：老年京剧协会. */
export function audienceLabelOf(audience: NoticeAudience): string {
  return audience.kind === 'everyone' ? AUDIENCE_KIND_LABELS.everyone : `${AUDIENCE_KIND_LABELS[audience.kind]}：${audience.name}`;
}

/**
 * What the staff read list says when a list is empty: never "everyone has read it" when nobody was sent it.
 * audienceCount and readCount as the staff row carries them.
 */
export function emptyReadersText(filter: 'unread' | 'read', figures: { audienceCount: number; readCount: number }): string {
  if (figures.audienceCount === 0) return '这条通知现在没有发到任何人：通知对象里没有人，所以也没有人读过';
  if (filter === 'read') return '还没有人读';
  return figures.readCount > 0 ? `发给的${figures.audienceCount}人都读过了` : '没有未读的人';
}
