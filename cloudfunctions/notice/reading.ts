/**
 * The member's side: the notice list with read flags, and opening a notice. Opening marks it read once: the receipt
 * is one insert under the unique index (noticeId, memberId), so any number of concurrent opens leave exactly one.
 */
import {
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  NOTICE_PAGE_SIZE,
  type NoticeListPage,
  type NoticeListRequest,
  type OpenNoticeData,
} from '../../src/shared/contracts-notice';
import type { AccountDoc, NoticeDoc, NoticeReadDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { recordIfOnBehalf, resolveActor, type Actor } from '../_lib/actor';
import { visibleNoticesWhere } from '../_lib/audience';
import { countUnread, newestNoticeIds, readNoticeIds } from '../_lib/notice-reads';
import { toIso, type Cloud, type Db } from '../_lib/db';
import { insertOne, isDuplicateKey } from '../_lib/writes';
import { detailOf, listItem } from './views';
import { clock } from '../_lib/clock';

const NEWEST_FIRST = [['pinned', 'desc'], ['publishedAt', 'desc']] as const;

export async function listNotices(db: Db, actor: Actor, input: NoticeListRequest): Promise<NoticeListPage> {
  const page = input.page ?? 1;
  const visible = await visibleNoticesWhere(db, actor.account);
  const where = input.category ? { ...visible, category: input.category } : visible;
  const [docs, total, newest] = await Promise.all([
    db.find<NoticeDoc>('notices', { where, orderBy: NEWEST_FIRST, skip: (page - 1) * NOTICE_PAGE_SIZE, limit: NOTICE_PAGE_SIZE, fields: { body: false } }),
    db.count('notices', where),
    newestNoticeIds(db, visible),
  ]);
  const read = await readNoticeIds(db, actor.memberId, [...docs.map((doc) => doc._id), ...newest]);
  return {
    items: docs.map((doc) => listItem(doc, read.has(doc._id))),
    total,
    page,
    pageSize: NOTICE_PAGE_SIZE,
    unreadCount: countUnread(newest, read),
    categories: NOTICE_CATEGORIES.map((key) => ({ key, label: NOTICE_CATEGORY_LABELS[key] })),
  };
}

/** The receipt of this open: inserted the first time, the existing one afterwards. */
async function markRead(db: Db, actor: Actor, noticeId: string): Promise<{ receipt: NoticeReadDoc; firstTime: boolean }> {
  const fields = { noticeId, memberId: actor.memberId, readAt: clock.now(), byOpenid: actor.account.openid, byHelper: actor.onBehalf };
  try {
    const _id = await insertOne(db, 'noticeReads', fields);
    return { receipt: { _id, ...fields }, firstTime: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const receipt = await db.findOne<NoticeReadDoc>('noticeReads', { noticeId, memberId: actor.memberId });
  if (!receipt) throw new Error(`receipt of ${noticeId} for ${actor.memberId} vanished`);
  return { receipt, firstTime: false };
}

/**
 * Opens a notice the caller may see. A member (or their helper, audited) gets the receipt; staff may look at any
 * notice without one. Outside the audience a notice is "not found".
 */
export async function openNotice(db: Db, cloud: Cloud, account: AccountDoc, noticeId: string): Promise<OpenNoticeData> {
  const staff = account.role === 'staff' || account.role === 'admin';
  const doc = await db.findOne<NoticeDoc>('notices', staff ? { _id: noticeId } : { ...(await visibleNoticesWhere(db, account)), _id: noticeId });
  if (!doc) {
    const withdrawn = !staff && (await db.count('notices', { _id: noticeId, status: 'withdrawn' }));
    throw new CodedError(withdrawn ? 'NOTICE.WITHDRAWN' : 'DATA.NOT_FOUND');
  }
  const notice = await detailOf(cloud, doc);
  if (staff) return { notice, read: null };
  const actor = resolveActor(account);
  const { receipt, firstTime } = await markRead(db, actor, doc._id);
  if (firstTime) await recordIfOnBehalf(db, actor, 'notice.read', `替您阅读了通知《${doc.title}》`);
  return { notice, read: { readAt: toIso(receipt.readAt), firstTime, byHelper: receipt.byHelper } };
}
