/**
 * Contracts of the `suggestion` function (建言献策). One call per screen:
 * member — form (the submit screen), submit, mine (我的建议), detail (one suggestion with its timeline and reply);
 * staff — queue (workbench list by status and age), staffDetail, accept / assign / reply / conclude (each answers the
 * refreshed staffDetail), rates (办理率, 办结率, 采纳率, average days to conclude, for any period).
 * Dates are ISO 8601 strings; periods are Beijing calendar days 'YYYY-MM-DD'.
 */
import type { NotifyIntent } from './messages';
import type { Role, Paged } from './primitives';
import type { Period, Rates, SuggestionOutcome, SuggestionStatus, SuggestionStep } from './suggestion-rules';
import type { Screen } from './screen';

import { SUGGESTION_CATEGORIES } from './request-limits';
import type { ContractsOf, RequestsOf } from './fields';
import type { suggestionSchemas } from './schemas-suggestion';

/** Each action's request is its validator's output (schemas-suggestion.ts): written once, there. */
type Req = RequestsOf<typeof suggestionSchemas>;

export { SUGGESTION_CATEGORIES, SUGGESTION_PHOTOS_MAX, SUGGESTION_TEXT_MAX } from './request-limits';
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];
/** What handlers see in place of the author when the member hid their name. */
export const ANONYMOUS_NAME = '匿名';

/** Departments a suggestion can be assigned to, unless settings 'suggestion'.departments says otherwise. */
export const DEFAULT_DEPARTMENTS = [
  '县委老干部局',
  '县委组织部',
  '县人力资源和社会保障局',
  '县医疗保障局',
  '县卫生健康局',
  '县民政局',
  '县财政局',
  '县住房和城乡建设局',
  '县交通运输局',
  '县文化和旅游局',
] as const;

/**
 * The subscribe message the member is asked to allow when submitting (wx.requestSubscribeMessage) and that the
 * function sends at each change. Its id is the bureau setting tplSuggestionProgress (src/shared/settings.ts, set
 * on 系统设置); the keywords must match the template's fields.
 */
export const SUGGESTION_SUBSCRIBE_TEMPLATE = {
  page: 'pages/suggestion/detail',
  keywords: { trackingNo: 'character_string1', status: 'phrase2', summary: 'thing3', time: 'time4', remark: 'thing5' },
} as const;

export interface PhotoView {
  fileId: string;
  /** a temporary URL to show it ('' when the file is gone) */
  url: string;
}

export interface TimelineEntry {
  step: SuggestionStep;
  stepLabel: string;
  /** the status after this step */
  status: SuggestionStatus;
  statusLabel: string;
  at: string;
  /** who did it: the member (or '匿名' for handlers when the name is hidden), a helper, or the staff member */
  byName: string;
  byRole: Role;
  /** the department (交办), the reply text (答复, 办结) or a handler's note */
  note: string | null;
}

export interface SuggestionSummary {
  id: string;
  trackingNo: string;
  category: SuggestionCategory;
  /** the first 40 characters of the text */
  excerpt: string;
  status: SuggestionStatus;
  statusLabel: string;
  outcome: SuggestionOutcome | null;
  outcomeLabel: string | null;
  submittedAt: string;
  updatedAt: string;
}

/** One suggestion as its author (or their helper) sees it. */
export interface SuggestionDetail extends SuggestionSummary {
  text: string;
  photos: PhotoView[];
  hideName: boolean;
  department: string | null;
  /** the bureau's latest reply (the conclusion's reply once concluded) */
  reply: string | null;
  concludedAt: string | null;
  /** oldest first */
  timeline: TimelineEntry[];
  /** the four statuses with whether each is reached, for the progress bar */
  progress: { status: SuggestionStatus; label: string; reachedAt: string | null }[];
}

/** The submit screen: everything it needs in one call. */
export interface SuggestionFormData {
  categories: SuggestionCategory[];
  textMax: number;
  photosMax: number;
  dailyLimit: number;
  /** submitted today (Beijing day) by the member */
  usedToday: number;
  remainingToday: number;
  subscribeTemplateId: string;
  /** ask WeChat's subscribe sheet for these at the submit tap (typed intent; src/shared/messages.ts) */
  notify?: NotifyIntent;
  /** how the member will hear about progress, in plain words */
  howTold?: string;
  /** who is submitting: the member, or a helper for them */
  viewer: { name: string; onBehalf: boolean; memberName: string };
  /** the caller's own storage folder for photos (suggestions/<openid>/): submit takes photos only from there */
  photoFolder: string;
  /** the bureau's hotline (a setting), shown on the success page; null when the bureau has not set one */
  hotline: string | null;
}

export type SubmitSuggestionRequest = Req['submit'];

export type MinePage = Paged<SuggestionSummary>;

// --- staff ---

export type QueueRequest = Req['queue'];

export interface QueueItem extends SuggestionSummary {
  /** '匿名' when the author hid their name */
  authorName: string;
  department: string | null;
  /** whole days since submission */
  ageDays: number;
  /** not accepted within 3 working days */
  overdue: boolean;
  /** no change for the configured days: escalated to the bureau's leaders (scheduler) */
  escalated?: boolean;
  photoCount: number;
}

export interface QueuePage extends Paged<QueueItem> {
  /** every suggestion by status (for the tabs' badges) */
  counts: Record<SuggestionStatus, number>;
  /** submitted ones past the 3-working-day deadline */
  overdueCount: number;
  departments: string[];
}

/** One suggestion as a handler sees it: the author is '匿名' and unreachable when they hid their name. */
export interface StaffSuggestionDetail extends Omit<SuggestionDetail, 'progress'> {
  authorName: string;
  /** null when the name is hidden */
  author: { memberId: string; town: string; community: string; phone: string } | null;
  /** submitted by a helper for the member (hidden with the name) */
  viaHelper: boolean | null;
  ageDays: number;
  overdue: boolean;
  acceptDeadline: string;
  /** what the handler may do now */
  allowedSteps: ('accept' | 'assign' | 'reply' | 'conclude')[];
  departments: string[];
}

export type AcceptRequest = Req['accept'];

export type AssignRequest = Req['assign'];

export type ReplyRequest = Req['reply'];

export type ConcludeRequest = Req['conclude'];

export type RatesRequest = Req['rates'];

export interface RatesData extends Rates {
  period: Period;
  /** the same counts per category, in SUGGESTION_CATEGORIES order */
  byCategory: ({ category: SuggestionCategory } & Rates)[];
}

export type SuggestionContracts = ContractsOf<
  typeof suggestionSchemas,
  {
    form: SuggestionFormData;
    submit: SuggestionDetail;
    mine: Screen<MinePage>;
    detail: Screen<SuggestionDetail>;
    queue: QueuePage;
    staffDetail: StaffSuggestionDetail;
    accept: StaffSuggestionDetail;
    assign: StaffSuggestionDetail;
    reply: StaffSuggestionDetail;
    conclude: StaffSuggestionDetail;
    rates: RatesData;
  }
>;
