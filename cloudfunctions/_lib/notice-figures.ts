/**
 * Read and unread figures per notice. The audience is counted on the roster (members not erased, in the group for
 * a group notice, see _lib/audience); reads are counted from the receipts of that audience. Counting only: no
 * member or receipt is loaded for the figures.
 */
import type { NoticeDoc } from '../../src/shared/documents';
import { audienceMemberWhere } from './audience';
import { aggregateRows } from './aggregate';
import type { Db } from './db';

export interface ReadFigures {
  audienceCount: number;
  readCount: number;
}

/** Group audiences' member ids are read once per call. */
type MemberWhere = Record<string, unknown>;

export async function figuresOf(db: Db, doc: Pick<NoticeDoc, '_id' | 'audience'>, memberWhere?: MemberWhere): Promise<ReadFigures> {
  const where = memberWhere ?? (await audienceMemberWhere(db, doc.audience));
  const readWhere = doc.audience.kind === 'everyone' ? { noticeId: doc._id } : { noticeId: doc._id, memberId: where._id };
  const [audienceCount, readCount] = await Promise.all([db.count('members', where), db.count('noticeReads', readWhere)]);
  return { audienceCount, readCount };
}

/** A group notice whose audience size was kept when it was published: counted without resolving the group. */
const sized = (doc: NoticeDoc): boolean => doc.audience.kind !== 'everyone' && typeof doc.audienceSize === 'number';

/**
 * Figures for a page of notices in at most two requests: the 'everyone' audience counted once, group audiences
 * as kept at publishing (NoticeDoc.audienceSize), and the reads of all of them in one aggregate. A group notice
 * from before sizes were kept is counted on its group (figuresOf).
 */
export async function figuresOfPage(db: Db, docs: NoticeDoc[]): Promise<Map<string, ReadFigures>> {
  const everyone = docs.filter((doc) => doc.audience.kind === 'everyone');
  const counted = [...everyone, ...docs.filter(sized)];
  const figures = new Map<string, ReadFigures>();
  if (counted.length) {
    const [everyoneCount, reads] = await Promise.all([
      everyone.length ? db.count('members', { erasedAt: null }) : 0,
      aggregateRows<{ _id: string; n: number }>(
        db,
        'noticeReads',
        (agg) => agg.match({ noticeId: db.command.in(counted.map((doc) => doc._id)) }).group({ _id: '$noticeId', n: { $sum: 1 } }),
        counted.length,
      ),
    ]);
    const readBy = new Map(reads.map((row) => [row._id, row.n]));
    for (const doc of counted) {
      const audienceCount = doc.audience.kind === 'everyone' ? everyoneCount : (doc.audienceSize ?? 0);
      figures.set(doc._id, { audienceCount, readCount: readBy.get(doc._id) ?? 0 });
    }
  }
  await Promise.all(
    docs.filter((doc) => !figures.has(doc._id)).map(async (doc) => figures.set(doc._id, await figuresOf(db, doc))),
  );
  return figures;
}
