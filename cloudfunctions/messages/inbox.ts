/** The member's 消息: newest first, a page at a time; what is shown becomes read (one update). */
import type { InboxData, MessageDoc } from '../../src/shared/messages';
import { toIso, type Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';

export const INBOX_PAGE = 20;

export async function inbox(db: Db, memberId: string | null, before: string | undefined, now: Date): Promise<InboxData> {
  if (!memberId) return { items: [], unread: 0, before: null };
  const _ = db.command;
  const where: Record<string, unknown> = before ? { memberId, createdAt: _.lt(new Date(before)) } : { memberId };
  const docs = await db.find<MessageDoc>('messages', { where, orderBy: [['createdAt', 'desc'], ['_id', 'asc']], limit: INBOX_PAGE });
  const unreadIds = docs.filter((doc) => !doc.readAt).map((doc) => doc._id);
  if (unreadIds.length) await updateWhere(db, 'messages', { _id: _.in(unreadIds), readAt: null }, { readAt: now });
  const last = docs[docs.length - 1];
  return {
    items: docs.map((doc) => ({ id: doc._id, title: doc.title, body: doc.body, page: doc.page, at: toIso(doc.createdAt), read: doc.readAt !== null })),
    unread: unreadIds.length,
    before: docs.length === INBOX_PAGE && last ? toIso(last.createdAt) : null,
  };
}
