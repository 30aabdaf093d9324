/**
 * Read receipts as the member sees them: which notices they have read, and how many of the newest notices they may
 * see are still unread (the 通知公告 badge on the home page and the notice list).
 */
import type { NoticeDoc, NoticeReadDoc } from '../../src/shared/documents';
import type { Db } from './db';

/** How many of the newest visible notices the unread badge looks at. */
const UNREAD_WINDOW = 200;

/** The ids of the newest notices matching `visible`, newest first. */
export async function newestNoticeIds(db: Db, visible: Record<string, unknown>): Promise<string[]> {
  const docs = await db.find<Pick<NoticeDoc, '_id'>>('notices', {
    where: visible,
    orderBy: [['publishedAt', 'desc']],
    limit: UNREAD_WINDOW,
    fields: { _id: true },
  });
  return docs.map((doc) => doc._id);
}

/** Which of these notices the member has read. */
export async function readNoticeIds(db: Db, memberId: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const reads = await db.find<Pick<NoticeReadDoc, 'noticeId'>>('noticeReads', {
    where: { memberId, noticeId: db.command.in([...new Set(noticeIds)]) },
    fields: { noticeId: true },
    limit: 1000,
  });
  return new Set(reads.map((receipt) => receipt.noticeId));
}

export function countUnread(noticeIds: string[], read: Set<string>): number {
  return noticeIds.filter((id) => !read.has(id)).length;
}

/** How many of the newest notices matching `visible` the member has not read. */
export async function unreadNoticeCount(db: Db, memberId: string, visible: Record<string, unknown>): Promise<number> {
  const newest = await newestNoticeIds(db, visible);
  return countUnread(newest, await readNoticeIds(db, memberId, newest));
}
