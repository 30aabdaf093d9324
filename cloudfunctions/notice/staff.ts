/**
 * The staff side: every notice with its read and unread counts, and who has or has not read one — with full phone
 * numbers, to call or bring it round (送学上门). The unread list is one aggregate over the audience's members
 * joined to their receipts, paged on the database.
 */
import {
  NOTICE_PAGE_SIZE,
  type ReaderRow,
  type ReadersPage,
  type ReadersRequest,
  type StaffNoticeListPage,
  type StaffNoticeListRequest,
} from '../../src/shared/contracts-notice';
import type { MemberDoc, NoticeDoc, NoticeReadDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { end } from '../_lib/aggregate';
import { audienceMemberWhere } from '../_lib/audience';
import { toIso, type Db } from '../_lib/db';
import { figuresOf, figuresOfPage } from '../_lib/notice-figures';
import { staffRow } from './views';

export async function staffNotices(db: Db, input: StaffNoticeListRequest): Promise<StaffNoticeListPage> {
  const page = input.page ?? 1;
  const where = input.category ? { category: input.category } : {};
  const { docs, total } = await db.findPage<NoticeDoc>('notices', { where, orderBy: [['publishedAt', 'desc']], page, pageSize: NOTICE_PAGE_SIZE, fields: { body: false } });
  const figures = await figuresOfPage(db, docs);
  return {
    items: docs.map((doc) => staffRow(doc, figures.get(doc._id) ?? { audienceCount: 0, readCount: 0 })),
    total,
    page,
    pageSize: NOTICE_PAGE_SIZE,
  };
}

type MemberFields = Pick<MemberDoc, '_id' | 'name' | 'phone' | 'town' | 'community'>;
const MEMBER_FIELDS = { _id: true, name: true, phone: true, town: true, community: true } as const;

async function unreadMembers(db: Db, notice: NoticeDoc, memberWhere: Record<string, unknown>, skip: number): Promise<MemberFields[]> {
  return end<MemberFields>(db.raw
    .collection('members')
    .aggregate()
    .match(memberWhere)
    .lookup({ from: 'noticeReads', localField: '_id', foreignField: 'memberId', as: 'reads' })
    .match({ 'reads.noticeId': db.command.neq(notice._id) })
    .sort({ town: 1, community: 1, _id: 1 })
    .skip(skip)
    .limit(NOTICE_PAGE_SIZE)
    .project(MEMBER_FIELDS));
}

async function readMembers(db: Db, notice: NoticeDoc, memberWhere: Record<string, unknown>, skip: number) {
  const receiptsWhere = notice.audience.kind === 'everyone' ? { noticeId: notice._id } : { noticeId: notice._id, memberId: memberWhere._id };
  const receipts = await db.find<NoticeReadDoc>('noticeReads', {
    where: receiptsWhere,
    orderBy: [['readAt', 'desc']],
    skip,
    limit: NOTICE_PAGE_SIZE,
  });
  const members = receipts.length
    ? await db.find<MemberFields>('members', {
        where: { _id: db.command.in(receipts.map((receipt) => receipt.memberId)) },
        fields: MEMBER_FIELDS,
        limit: NOTICE_PAGE_SIZE,
      })
    : [];
  const byId = new Map(members.map((member) => [member._id, member]));
  return receipts.flatMap((receipt) => {
    const member = byId.get(receipt.memberId);
    return member ? [{ member, receipt }] : [];
  });
}

const row = (member: MemberFields, receipt: NoticeReadDoc | null): ReaderRow => ({
  memberId: member._id,
  name: member.name,
  phone: member.phone,
  town: member.town,
  community: member.community,
  readAt: receipt ? toIso(receipt.readAt) : null,
  byHelper: receipt?.byHelper ?? false,
});

export async function readers(db: Db, input: ReadersRequest): Promise<ReadersPage> {
  const notice = await db.byId<NoticeDoc>('notices', input.noticeId);
  if (!notice) throw new CodedError('DATA.NOT_FOUND');
  const filter = input.filter ?? 'unread';
  const page = input.page ?? 1;
  const skip = (page - 1) * NOTICE_PAGE_SIZE;
  const memberWhere = await audienceMemberWhere(db, notice.audience);
  const figures = await figuresOf(db, notice, memberWhere);
  const summary = staffRow(notice, figures);
  const items =
    filter === 'unread'
      ? (await unreadMembers(db, notice, memberWhere, skip)).map((member) => row(member, null))
      : (await readMembers(db, notice, memberWhere, skip)).map(({ member, receipt }) => row(member, receipt));
  return {
    notice: summary,
    filter,
    items,
    total: filter === 'unread' ? summary.unreadCount : summary.readCount,
    page,
    pageSize: NOTICE_PAGE_SIZE,
  };
}
