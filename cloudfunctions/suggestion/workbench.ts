/**
 * The staff workbench: the queue (by status, oldest first, overdue ones flagged), one suggestion, and the handling
 * steps. A step is one conditional update on the status it was read in: a step the rules do not allow, or one
 * raced by another handler, is refused with SUGGESTION.BAD_TRANSITION and changes nothing. Each step is recorded
 * in the timeline (who, when, what) and the member is told by subscribe message.
 */
import type {
  AcceptRequest,
  AssignRequest,
  ConcludeRequest,
  QueueItem,
  QueuePage,
  QueueRequest,
  ReplyRequest,
  StaffSuggestionDetail,
} from '../../src/shared/contracts-suggestion';
import { ANONYMOUS_NAME } from '../../src/shared/contracts-suggestion';
import type { AccountDoc, MemberDoc, SuggestionDoc, SuggestionStepDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import {
  ageInDays,
  isEscalated,
  isOverdue,
  nextStatus,
  overdueSubmittedBefore,
  SUGGESTION_OUTCOME_LABELS,
  SUGGESTION_STATUS_ORDER,
  type HandlerStep,
  type SuggestionStatus,
} from '../../src/shared/suggestion-rules';
import { aggregateRows } from '../_lib/aggregate';
import type { Cloud, Db } from '../_lib/db';
import { tempUrls, urlLookup } from '../_lib/files';
import { updateCounted } from '../_domain/tallies/tally';
import { PAGE_SIZE } from './member';
import { notifyProgress } from './notify';
import { suggestionSettings } from './settings';
import { staffView, toSummary } from './views';

const OPEN: SuggestionStatus[] = ['submitted', 'accepted', 'inProgress'];

async function statusCounts(db: Db): Promise<Record<SuggestionStatus, number>> {
  const list = await aggregateRows<{ _id: SuggestionStatus; n: number }>(db, 'suggestions', (agg) => agg.group({ _id: '$status', n: { $sum: 1 } }));
  const counts = Object.fromEntries(SUGGESTION_STATUS_ORDER.map((status) => [status, 0])) as Record<SuggestionStatus, number>;
  for (const row of list) if (row._id in counts) counts[row._id] = row.n;
  return counts;
}

export async function queue(db: Db, input: QueueRequest, now: Date): Promise<QueuePage> {
  const _ = db.command;
  const page = input.page ?? 1;
  const overdueWhere = { status: 'submitted', submittedAt: _.lt(overdueSubmittedBefore(now)) };
  const where = input.overdue ? overdueWhere : { status: input.status ?? _.in(OPEN) };
  const [{ docs, total }, counts, overdueCount, settings] = await Promise.all([
    db.findPage<SuggestionDoc>('suggestions', {
      where,
      orderBy: [['submittedAt', input.status === 'concluded' ? 'desc' : 'asc']],
      page,
      pageSize: PAGE_SIZE,
      fields: { timeline: false },
    }),
    statusCounts(db),
    db.count('suggestions', overdueWhere),
    suggestionSettings(db),
  ]);
  const items = docs.map(
    (doc): QueueItem => ({
      ...toSummary(doc),
      authorName: doc.hideName ? ANONYMOUS_NAME : doc.memberName,
      department: doc.department,
      ageDays: ageInDays(doc.submittedAt, now),
      overdue: isOverdue(doc, now),
      escalated: isEscalated(doc),
      photoCount: doc.photos.length,
    }),
  );
  return { items, total, page, pageSize: PAGE_SIZE, counts, overdueCount, departments: settings.departments };
}

async function suggestionById(db: Db, suggestionId: string): Promise<SuggestionDoc> {
  const doc = await db.byId<SuggestionDoc>('suggestions', suggestionId);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return doc;
}

async function detailOf(db: Db, cloud: Cloud, doc: SuggestionDoc, now: Date): Promise<StaffSuggestionDetail> {
  const [member, urls, settings] = await Promise.all([
    doc.hideName ? null : db.byId<MemberDoc>('members', doc.memberId),
    tempUrls(cloud, doc.photos),
    suggestionSettings(db),
  ]);
  return staffView(doc, member, urlLookup(urls), settings.departments, now);
}

export async function staffDetail(db: Db, cloud: Cloud, suggestionId: string, now: Date): Promise<StaffSuggestionDetail> {
  return detailOf(db, cloud, await suggestionById(db, suggestionId), now);
}

type StepInput =
  | ({ step: 'accept' } & AcceptRequest)
  | ({ step: 'assign' } & AssignRequest)
  | ({ step: 'reply' } & ReplyRequest)
  | ({ step: 'conclude' } & ConcludeRequest);

/** What a step writes besides status and timeline, the timeline note, and the message remark. */
function effectsOf(input: StepInput, now: Date): { fields: Record<string, unknown>; note: string | null; remark: string } {
  switch (input.step) {
    case 'accept':
      return { fields: { acceptedAt: now }, note: input.note ?? null, remark: '您的建议已受理' };
    case 'assign':
      return { fields: { department: input.department }, note: input.note ? `${input.department}：${input.note}` : input.department, remark: `已交${input.department}办理` };
    case 'reply':
      return { fields: { reply: input.reply }, note: input.reply, remark: '有新的答复，请查看' };
    case 'conclude':
      return {
        fields: { reply: input.reply, outcome: input.outcome, concludedAt: now },
        note: input.reply,
        remark: `${SUGGESTION_OUTCOME_LABELS[input.outcome]}，请查看答复`,
      };
  }
}

/** True when the suggestion's last step is this very step by this handler with the same content. */
function isRepeat(doc: SuggestionDoc, account: AccountDoc, input: StepInput, now: Date): boolean {
  const last = doc.timeline[doc.timeline.length - 1];
  return Boolean(last && last.step === input.step && last.byOpenid === account.openid && last.note === effectsOf(input, now).note);
}

export async function handleStep(
  db: Db,
  cloud: Cloud,
  account: AccountDoc,
  input: StepInput,
  now: Date,
): Promise<StaffSuggestionDetail> {
  const doc = await suggestionById(db, input.suggestionId);
  const step: HandlerStep = input.step;
  // a repeat (double tap, retry) of the step just taken answers what happened and changes nothing
  if (isRepeat(doc, account, input, now)) return detailOf(db, cloud, doc, now);
  const to = nextStatus(doc.status, step);
  if (!to) throw new CodedError('SUGGESTION.BAD_TRANSITION');
  if (step === 'assign') {
    const { departments } = await suggestionSettings(db);
    if (!departments.includes((input as AssignRequest).department)) throw new CodedError('INPUT.INVALID', '请从列表里选择承办单位');
  }
  const { fields, note, remark } = effectsOf(input, now);
  const entry: SuggestionStepDoc = { step, status: to, at: now, byOpenid: account.openid, byName: account.name, byRole: account.role, note };
  const updated = await updateCounted(
    db,
    'suggestions',
    // on the state this step was judged on: the status, and the last change (a repeatable step such as reply)
    { _id: doc._id, status: doc.status, ...(doc.updatedAt ? { updatedAt: doc.updatedAt } : {}) },
    { ...fields, status: to, updatedAt: now, timeline: db.command.push([entry]) },
  );
  if (!updated) {
    // changed meanwhile: by a concurrent repeat of this step (answer what happened) or by another handler
    const fresh = await suggestionById(db, input.suggestionId);
    if (isRepeat(fresh, account, input, now)) return detailOf(db, cloud, fresh, now);
    throw new CodedError('SUGGESTION.BAD_TRANSITION');
  }
  const after: SuggestionDoc = { ...doc, ...(fields as Partial<SuggestionDoc>), status: to, updatedAt: now, timeline: [...doc.timeline, entry] };
  await notifyProgress(db, cloud, after, remark);
  return detailOf(db, cloud, after, now);
}
