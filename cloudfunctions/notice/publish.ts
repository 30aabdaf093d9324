/**
 * Publishing (staff): the form's choices, publish, edit and withdraw. Text arrives cleaned by the schema (structured
 * blocks, never HTML); an audience group is looked up so its name is stored with the notice.
 */
import {
  audienceKeyOf,
  DEFAULT_PUBLISHER,
  NOTICE_ATTACHMENTS_MAX,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  NOTICE_TITLE_MAX,
  type AudienceChoice,
  type AudienceOption,
  type NoticeAudience,
  type NoticeDraft,
  type PublishFormData,
  type PublishFormRequest,
  type PublishNoticeRequest,
  type StaffNoticeRow,
  type UpdateNoticeRequest,
} from '../../src/shared/contracts-notice';
import type { AccountDoc, AssociationDoc, CourseDoc, NoticeDoc, PartyBranchDoc, VolunteerTeamDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { assertAudienceReachesSomeone } from '../_lib/audience';
import { currentTermId } from '../_lib/term';
import type { Db } from '../_lib/db';
import { insertOnce, newDocId, updateWhere } from '../_lib/writes';
import { figuresOf } from '../_lib/notice-figures';
import { staffRow } from './views';
import { clock } from '../_lib/clock';

const GROUP_COLLECTION = { association: 'associations', team: 'volunteerTeams', course: 'courses', branch: 'partyBranches' } as const;
const MAX_OPTIONS = 500;

/** The notice as its publisher edits it (image blocks and attachments keep their fileIds). */
function draftOf(doc: NoticeDoc): NoticeDraft {
  const { audience } = doc;
  return {
    id: doc._id,
    title: doc.title,
    category: doc.category,
    pinned: doc.pinned,
    audience: audience.kind === 'everyone' ? { kind: 'everyone' } : { kind: audience.kind, id: audience.id },
    body: doc.body,
    attachments: doc.attachments.map(({ fileId, name, size }) => (size === undefined ? { fileId, name } : { fileId, name, size })),
    status: doc.status,
  };
}

/** The form's choices and, when editing, the notice itself: the edit screen's one call. */
export async function publishForm(db: Db, input: PublishFormRequest): Promise<PublishFormData> {
  const [termId, notice] = await Promise.all([
    currentTermId(db),
    input.noticeId ? db.byId<NoticeDoc>('notices', input.noticeId) : Promise.resolve(null),
  ]);
  if (input.noticeId && !notice) throw new CodedError('DATA.NOT_FOUND');
  const [associations, teams, courses, branches] = await Promise.all([
    db.find<AssociationDoc>('associations', { orderBy: [['name', 'asc']], limit: MAX_OPTIONS, fields: { name: true } }),
    db.find<VolunteerTeamDoc>('volunteerTeams', { orderBy: [['name', 'asc']], limit: MAX_OPTIONS, fields: { name: true } }),
    termId
      ? db.find<CourseDoc>('courses', { where: { termId }, orderBy: [['title', 'asc']], limit: MAX_OPTIONS, fields: { title: true, campusName: true } })
      : Promise.resolve([]),
    db.find<PartyBranchDoc>('partyBranches', { orderBy: [['name', 'asc']], limit: MAX_OPTIONS, fields: { name: true } }),
  ]);
  const audiences: AudienceOption[] = [
    ...associations.map((doc) => ({ kind: 'association' as const, id: doc._id, name: doc.name })),
    ...teams.map((doc) => ({ kind: 'team' as const, id: doc._id, name: doc.name })),
    ...courses.map((doc) => ({ kind: 'course' as const, id: doc._id, name: courseName(doc) })),
    ...branches.map((doc) => ({ kind: 'branch' as const, id: doc._id, name: doc.name })),
  ];
  return {
    categories: NOTICE_CATEGORIES.map((key) => ({ key, label: NOTICE_CATEGORY_LABELS[key] })),
    audiences,
    titleMax: NOTICE_TITLE_MAX,
    attachmentsMax: NOTICE_ATTACHMENTS_MAX,
    notice: notice ? draftOf(notice) : null,
  };
}

const courseName = (doc: Pick<CourseDoc, 'title' | 'campusName'>) => `${doc.title}（${doc.campusName}）`;

/**
 * The audience with its group's name and how many it reaches now; a group that does not exist, or an audience of
 * no one, is refused.
 */
async function resolveAudience(db: Db, choice: AudienceChoice): Promise<{ audience: NoticeAudience; size: number }> {
  const audience = await namedAudience(db, choice);
  return { audience, size: await assertAudienceReachesSomeone(db, audience) };
}

async function namedAudience(db: Db, choice: AudienceChoice): Promise<NoticeAudience> {
  if (choice.kind === 'everyone') return { kind: 'everyone' };
  const group = await db.byId<{ name?: string; title?: string; campusName?: string }>(GROUP_COLLECTION[choice.kind], choice.id);
  if (!group) throw new CodedError('DATA.NOT_FOUND', '没有找到要通知的协会、服务队、班级或党支部');
  const name = choice.kind === 'course' ? courseName({ title: group.title ?? '', campusName: group.campusName ?? '' }) : (group.name ?? '');
  return { kind: choice.kind, id: choice.id, name };
}

async function rowOf(db: Db, noticeId: string): Promise<StaffNoticeRow> {
  const doc = await db.byId<NoticeDoc>('notices', noticeId);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return staffRow(doc, await figuresOf(db, doc));
}

export async function publish(db: Db, account: AccountDoc, input: PublishNoticeRequest): Promise<StaffNoticeRow> {
  const { audience, size } = await resolveAudience(db, input.audience);
  const now = clock.now();
  const doc: Omit<NoticeDoc, '_id'> = {
    title: input.title,
    category: input.category,
    pinned: input.pinned ?? false,
    audience,
    audienceKey: audienceKeyOf(audience),
    audienceSize: size,
    body: input.body,
    attachments: input.attachments ?? [],
    status: 'published',
    publishedAt: now,
    publisherName: input.publisherName ?? DEFAULT_PUBLISHER,
    publishedBy: account.openid,
    updatedAt: now,
  };
  const id = newDocId('notice', input.requestKey);
  await insertOnce(db, 'notices', { _id: id, ...doc });
  return rowOf(db, id);
}

export async function updateNotice(db: Db, input: UpdateNoticeRequest): Promise<StaffNoticeRow> {
  const _ = db.command;
  const { noticeId, audience: choice, body, attachments, ...plain } = input;
  const set: Record<string, unknown> = { ...plain, updatedAt: clock.now() };
  // whole values: the SDK would otherwise turn nested objects into dotted paths
  if (body) set.body = _.set(body);
  if (attachments) set.attachments = _.set(attachments);
  if (choice) {
    const { audience, size } = await resolveAudience(db, choice);
    set.audience = _.set(audience);
    set.audienceKey = audienceKeyOf(audience);
    set.audienceSize = size;
  }
  if (!(await updateWhere(db, 'notices', { _id: noticeId }, set))) throw new CodedError('DATA.NOT_FOUND');
  return rowOf(db, noticeId);
}

/**
 * Withdraws a notice: members no longer see it; its receipts stay for the record. Only a notice not yet withdrawn
 * is written, so a repeat (a double tap) changes nothing and answers the row as it is (已撤回).
 */
export async function withdraw(db: Db, noticeId: string): Promise<StaffNoticeRow> {
  const where = { _id: noticeId, status: db.command.neq('withdrawn') };
  await updateWhere(db, 'notices', where, { status: 'withdrawn', pinned: false, updatedAt: clock.now() });
  return rowOf(db, noticeId);
}
