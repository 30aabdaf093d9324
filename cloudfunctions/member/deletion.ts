/** 注销申请 (PIPL): a member asks for their personal data to be erased; staff confirm in the roster function. */
import type { DeletionData, DeletionRequestPayload } from '../../src/shared/contracts-member';
import type { DeletionRequestDoc } from '../../src/shared/documents';
import type { Actor } from '../_lib/actor';
import { toIso, type Db } from '../_lib/db';
import { insertCounted } from '../_domain/tallies/tally';

export async function requestDeletion(db: Db, actor: Actor, input: DeletionRequestPayload): Promise<DeletionData> {
  const activeKey = `member:${actor.memberId}`;
  // already pending (the unique activeKey): answer that one (idempotent)
  await insertCounted(db, 'deletionRequests', {
    memberId: actor.memberId,
    openid: actor.account.openid,
    activeKey,
    reason: input.reason ?? '',
    status: 'pending',
    doneBy: null,
    doneAt: null,
    createdAt: db.serverDate(),
  });
  const pending = await db.findOne<DeletionRequestDoc>('deletionRequests', { activeKey });
  if (!pending) throw new Error('deletion request vanished after insert');
  return { requestId: pending._id, status: pending.status, requestedAt: toIso(pending.createdAt) };
}
