/** The member's own suggestions: 我的建议 and one suggestion with its timeline and reply. Only their own. */
import type { MinePage, SuggestionDetail } from '../../src/shared/contracts-suggestion';
import type { SuggestionDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { Actor } from '../_lib/actor';
import type { Cloud, Db } from '../_lib/db';
import { tempUrls, urlLookup } from '../_lib/files';
import { memberView, toSummary } from './views';

export const PAGE_SIZE = 20;

export async function mySuggestions(db: Db, actor: Actor, page = 1): Promise<MinePage> {
  const where = { memberId: actor.memberId };
  const { docs, total } = await db.findPage<SuggestionDoc>('suggestions', {
    where,
    orderBy: [['submittedAt', 'desc']],
    page,
    pageSize: PAGE_SIZE,
    fields: { timeline: false, photos: false },
  });
  return { items: docs.map(toSummary), total, page, pageSize: PAGE_SIZE };
}

/** Someone else's suggestion is "not found": nothing is revealed. */
export async function mySuggestion(db: Db, cloud: Cloud, actor: Actor, suggestionId: string): Promise<SuggestionDetail> {
  const doc = await db.findOne<SuggestionDoc>('suggestions', { _id: suggestionId, memberId: actor.memberId });
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  return memberView(doc, urlLookup(await tempUrls(cloud, doc.photos)));
}
