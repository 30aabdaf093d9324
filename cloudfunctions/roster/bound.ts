/** Which roster entries have a WeChat bound to them. */
import type { AccountDoc } from '../../src/shared/documents';
import type { Db } from '../_lib/db';

const BATCH = 500;

/** Ids among `memberIds` that an account (member or leader) is bound to. */
export async function boundMemberIds(db: Db, memberIds: string[]): Promise<Set<string>> {
  const bound = new Set<string>();
  for (let at = 0; at < memberIds.length; at += BATCH) {
    const accounts = await db.find<Pick<AccountDoc, 'memberId'>>('accounts', {
      where: { memberId: db.command.in(memberIds.slice(at, at + BATCH)) },
      fields: { memberId: true },
      limit: 1000,
    });
    for (const account of accounts) if (account.memberId) bound.add(account.memberId);
  }
  return bound;
}
