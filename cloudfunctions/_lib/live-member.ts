/** A member on the roster and not erased, or DATA.NOT_FOUND: what staff may record something about. */
import type { MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { Db } from './db';

export async function liveMember(db: Db, memberId: string): Promise<MemberDoc> {
  const member = await db.byId<MemberDoc>('members', memberId);
  if (!member || member.erasedAt) throw new CodedError('DATA.NOT_FOUND', '没有找到这位老同志');
  return member;
}
