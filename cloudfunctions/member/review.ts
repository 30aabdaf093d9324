/** 入册申请: someone not on the roster asks staff to review them (one pending request per WeChat, by index). */
import type { ReviewRequest, ReviewStatus } from '../../src/shared/contracts-member';
import type { RosterRequestDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { GuestContext } from '../_lib/createHandler';
import { toIso, type Db } from '../_lib/db';
import { insertCounted } from '../_domain/tallies/tally';
import { requireConsent } from './consent';

const pendingKey = (openid: string) => `openid:${openid}`;

function statusOf(doc: RosterRequestDoc): ReviewStatus {
  return { requestId: doc._id, status: doc.status, submittedAt: toIso(doc.createdAt), rejectReason: doc.rejectReason };
}

/** The caller's latest request, if any. */
export async function reviewStatusOf(db: Db, openid: string): Promise<ReviewStatus | null> {
  const [latest] = await db.find<RosterRequestDoc>('rosterRequests', { where: { openid }, orderBy: [['createdAt', 'desc']], limit: 1 });
  return latest ? statusOf(latest) : null;
}

export async function requestReview(input: ReviewRequest, { db, openid, account }: GuestContext): Promise<ReviewStatus> {
  requireConsent(input.consentVersion);
  if (account) throw new CodedError('BIND.HAS_ACCOUNT');
  // already pending (the unique activeKey): answer that one (idempotent)
  await insertCounted(db, 'rosterRequests', {
    openid,
    activeKey: pendingKey(openid),
    name: input.name,
    memberType: input.memberType,
    gender: input.gender,
    birthYear: input.birthYear,
    formerUnit: input.formerUnit,
    town: input.town,
    community: input.community ?? '',
    partyMember: input.partyMember ?? false,
    phone: input.phone,
    skills: input.skills ?? [],
    note: input.note ?? '',
    status: 'pending',
    memberId: null,
    rejectReason: null,
    decidedBy: null,
    decidedAt: null,
    consent: { version: input.consentVersion, at: db.serverDate() },
    createdAt: db.serverDate(),
  });
  const pending = await db.findOne<RosterRequestDoc>('rosterRequests', { activeKey: pendingKey(openid) });
  if (!pending) throw new Error('roster request vanished after insert');
  return statusOf(pending);
}
