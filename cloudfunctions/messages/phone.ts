/**
 * 需电话通知 (the bureau's 送学上门 practice): messages WeChat could not deliver to anyone (no permission
 * left, refused, notifications blocked, no WeChat bound), newest first, with the member's phone for a one-tap
 * call. Staff mark each as phoned; it then leaves the list.
 */
import type { AccountDoc, MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { MessageDoc, PhoneListRow } from '../../src/shared/messages';
import { toIso, type Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';

const LIMIT = 200;

export async function phoneList(db: Db): Promise<{ rows: PhoneListRow[] }> {
  const _ = db.command;
  const docs = await db.find<MessageDoc>('messages', {
    where: { delivery: 'inbox', phonedAt: _.exists(false) },
    orderBy: [['createdAt', 'desc']],
    limit: LIMIT,
    fields: { data: false },
  });
  const memberIds = [...new Set(docs.map((doc) => doc.memberId))];
  const members = memberIds.length
    ? await db.find<Pick<MemberDoc, '_id' | 'name' | 'phone'>>('members', { where: { _id: _.in(memberIds) }, limit: memberIds.length, fields: { name: true, phone: true } })
    : [];
  const byId = new Map(members.map((m) => [m._id, m]));
  return {
    rows: docs.map((doc) => ({
      messageId: doc._id,
      memberId: doc.memberId,
      name: byId.get(doc.memberId)?.name ?? '（已注销）',
      phone: byId.get(doc.memberId)?.phone ?? '',
      title: doc.title,
      body: doc.body,
      at: toIso(doc.createdAt),
    })),
  };
}

export async function markPhoned(db: Db, account: AccountDoc, messageId: string, now: Date): Promise<{ done: true }> {
  const doc = await db.byId<MessageDoc>('messages', messageId);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  if (!doc.phonedAt) await updateWhere(db, 'messages', { _id: messageId, phonedAt: db.command.exists(false) }, { phonedAt: now, phonedBy: account.name });
  return { done: true };
}
