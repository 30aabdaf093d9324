/**
 * What a suggestion looks like to its author and to handlers. Handlers of a suggestion whose author hid their name
 * see 匿名 everywhere the author (or their helper) would appear, and no way to reach them; the member sees it all.
 */
import {
  ANONYMOUS_NAME,
  type StaffSuggestionDetail,
  type SuggestionDetail,
  type SuggestionSummary,
  type TimelineEntry,
} from '../../src/shared/contracts-suggestion';
import type { MemberDoc, SuggestionDoc, SuggestionStepDoc } from '../../src/shared/documents';
import {
  acceptDeadline,
  ageInDays,
  allowedFrom,
  isOverdue,
  SUGGESTION_OUTCOME_LABELS,
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_STATUS_ORDER,
  SUGGESTION_STEP_LABELS,
  type HandlerStep,
} from '../../src/shared/suggestion-rules';
import { toIso } from '../_lib/db';

const EXCERPT = 40;
const HANDLER_STEPS: HandlerStep[] = ['accept', 'assign', 'reply', 'conclude'];

export function toSummary(doc: SuggestionDoc): SuggestionSummary {
  const chars = [...doc.text];
  return {
    id: doc._id,
    trackingNo: doc.trackingNo,
    category: doc.category,
    excerpt: chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : doc.text,
    status: doc.status,
    statusLabel: SUGGESTION_STATUS_LABELS[doc.status],
    outcome: doc.outcome,
    outcomeLabel: doc.outcome ? SUGGESTION_OUTCOME_LABELS[doc.outcome] : null,
    submittedAt: toIso(doc.submittedAt),
    updatedAt: toIso(doc.updatedAt),
  };
}

function timelineEntry(step: SuggestionStepDoc, hideAuthor: boolean): TimelineEntry {
  const byAuthorSide = step.byRole !== 'staff' && step.byRole !== 'admin';
  return {
    step: step.step,
    stepLabel: SUGGESTION_STEP_LABELS[step.step],
    status: step.status,
    statusLabel: SUGGESTION_STATUS_LABELS[step.status],
    at: toIso(step.at),
    byName: hideAuthor && byAuthorSide ? ANONYMOUS_NAME : step.byName,
    byRole: hideAuthor && byAuthorSide ? 'member' : step.byRole,
    note: step.note,
  };
}

function shared(doc: SuggestionDoc, photoUrl: (fileId: string) => string, hideAuthor: boolean) {
  return {
    ...toSummary(doc),
    text: doc.text,
    photos: doc.photos.map((fileId) => ({ fileId, url: photoUrl(fileId) })),
    hideName: doc.hideName,
    department: doc.department,
    reply: doc.reply,
    concludedAt: doc.concludedAt ? toIso(doc.concludedAt) : null,
    timeline: doc.timeline.map((step) => timelineEntry(step, hideAuthor)),
  };
}

/** The author's view (the member, or their helper). */
export function memberView(doc: SuggestionDoc, photoUrl: (fileId: string) => string): SuggestionDetail {
  const reachedAt = (status: string) => doc.timeline.find((step) => step.status === status)?.at ?? null;
  return {
    ...shared(doc, photoUrl, false),
    progress: SUGGESTION_STATUS_ORDER.map((status) => {
      const at = reachedAt(status);
      return { status, label: SUGGESTION_STATUS_LABELS[status], reachedAt: at ? toIso(at) : null };
    }),
  };
}

/** The handler's view: anonymous when the author hid their name. `member` is the author's roster entry. */
export function staffView(
  doc: SuggestionDoc,
  member: MemberDoc | null,
  photoUrl: (fileId: string) => string,
  departments: string[],
  now: Date,
): StaffSuggestionDetail {
  const anonymous = doc.hideName;
  return {
    ...shared(doc, photoUrl, anonymous),
    authorName: anonymous ? ANONYMOUS_NAME : doc.memberName,
    author:
      anonymous || !member || member.erasedAt
        ? null
        : { memberId: member._id, town: member.town, community: member.community, phone: member.phone },
    viaHelper: anonymous ? null : doc.timeline[0]?.byRole === 'helper',
    ageDays: ageInDays(doc.submittedAt, now),
    overdue: isOverdue(doc, now),
    acceptDeadline: toIso(acceptDeadline(doc.submittedAt)),
    allowedSteps: HANDLER_STEPS.filter((step) => allowedFrom(step).includes(doc.status)),
    departments,
  };
}
