/**
 * Family helper invitations (代办邀请): a member creates a one-time code (and its mini-program code) valid 24 h;
 * the relative who accepts it becomes a helper acting for that member. Only the code's SHA-256 is stored.
 * Accepting claims the invitation with one conditional update, so of two racing acceptors exactly one wins.
 */
import { createHash, randomInt } from 'node:crypto';
import type { AcceptInvitationData, AcceptInvitationRequest, InvitationData, InvitationPreviewData } from '../../src/shared/contracts-member';
import type { AccountDoc, InvitationDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../src/shared/schemas-member';
import { recordAudit } from '../_lib/audit';
import type { Actor } from '../_lib/actor';
import type { GuestContext } from '../_lib/createHandler';
import type { Cloud, Db } from '../_lib/db';
import { insertOne, isDuplicateKey, updateWhere } from '../_lib/writes';
import { requireConsent } from './consent';
import { memberOf } from './profile';
import { clock } from '../_lib/clock';

export const INVITE_TTL_MS = 24 * 3600_000;
export const INVITE_PAGE = 'pages/invite/index';

export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function newCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('');
}

/** The mini-program code for the invitation page, as base64 PNG; null when WeChat cannot make one now. */
async function miniProgramCode(cloud: Cloud, scene: string): Promise<string | null> {
  try {
    const answer = (await cloud.openapi.wxacode.getUnlimited({ scene, page: INVITE_PAGE, checkPath: false })) as {
      buffer?: Buffer;
      errCode?: number;
    };
    return answer.buffer && !answer.errCode ? Buffer.from(answer.buffer).toString('base64') : null;
  } catch (error) {
    console.error('[createInvitation] wxacode.getUnlimited failed:', error);
    return null;
  }
}

export async function createInvitation(db: Db, cloud: Cloud, actor: Actor): Promise<InvitationData> {
  const code = newCode();
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await insertOne(db, 'invitations', {
    _id: hashCode(code),
    memberId: actor.memberId,
    createdBy: actor.account.openid,
    createdAt: db.serverDate(),
    expiresAt,
    usedBy: null,
    usedAt: null,
  });
  const scene = `inv=${code}`;
  return { code, expiresAt: expiresAt.toISOString(), qrPngBase64: await miniProgramCode(cloud, scene), page: INVITE_PAGE, scene };
}

/** Why an invitation could not be claimed by `openid`; null when `openid` itself already claimed it. */
async function claimFailure(db: Db, id: string, openid: string): Promise<CodedError | null> {
  const invitation = await db.byId<InvitationDoc>('invitations', id);
  if (!invitation) return new CodedError('INVITE.NOT_FOUND');
  if (invitation.usedBy === openid) return null;
  if (invitation.usedBy) return new CodedError('INVITE.USED');
  return new CodedError('INVITE.EXPIRED');
}

/** Who invited, for the relative to check before accepting; a used or expired code says so. */
export async function previewInvitation(db: Db, code: string): Promise<InvitationPreviewData> {
  const invitation = await db.byId<InvitationDoc>('invitations', hashCode(code));
  if (!invitation) throw new CodedError('INVITE.NOT_FOUND');
  if (invitation.usedBy) throw new CodedError('INVITE.USED');
  if (new Date(invitation.expiresAt).getTime() <= Date.now()) throw new CodedError('INVITE.EXPIRED');
  const member = await memberOf(db, invitation.memberId);
  return { memberName: member.name, expiresAt: new Date(invitation.expiresAt).toISOString() };
}

/** Makes `openid` a helper of the member: a new account, or a revoked helper's account taken back into use. */
async function becomeHelper(db: Db, openid: string, existing: AccountDoc | null, memberId: string, input: AcceptInvitationRequest): Promise<void> {
  const fields = {
    role: 'helper',
    name: input.name,
    relation: input.relation ?? '',
    actsFor: memberId,
    revokedAt: null,
    consent: { version: input.consentVersion, at: db.serverDate() },
  };
  if (existing) {
    const revived = await updateWhere(db, 'accounts', { _id: existing._id, role: 'helper', revokedAt: db.command.neq(null) }, fields);
    if (!revived) throw new CodedError('BIND.HAS_ACCOUNT');
    return;
  }
  await insertOne(db, 'accounts', { openid, ...fields, memberId: null, leads: [], bindingKey: `openid:${openid}`, largeText: false, createdAt: db.serverDate() });
}

export async function acceptInvitation(input: AcceptInvitationRequest, { db, openid, account }: GuestContext): Promise<AcceptInvitationData> {
  requireConsent(input.consentVersion);
  const alreadyHelper = account?.role === 'helper' && account.revokedAt == null;
  if (account && account.role !== 'helper') throw new CodedError('BIND.HAS_ACCOUNT');

  const id = hashCode(input.code);
  const claimed = await updateWhere(
    db,
    'invitations',
    { _id: id, usedBy: null, expiresAt: db.command.gt(clock.now()) },
    { usedBy: openid, usedAt: db.serverDate() },
  );
  if (!claimed) {
    const failure = await claimFailure(db, id, openid);
    if (failure) throw failure;
  }
  const invitation = await db.byId<InvitationDoc>('invitations', id);
  if (!invitation) throw new CodedError('INVITE.NOT_FOUND');
  const member = await memberOf(db, invitation.memberId);

  if (alreadyHelper) {
    // the same WeChat again (a retry) is fine; a helper of someone else cannot take a second member
    if (account?.actsFor === member._id) return { helperName: account.name, actingFor: { memberId: member._id, name: member.name } };
    await updateWhere(db, 'invitations', { _id: id, usedBy: openid }, { usedBy: null, usedAt: null });
    throw new CodedError('BIND.HAS_ACCOUNT');
  }
  try {
    await becomeHelper(db, openid, account, member._id, input);
  } catch (error) {
    // give the invitation back: this WeChat could not become a helper (e.g. it raced another acceptance)
    await updateWhere(db, 'invitations', { _id: id, usedBy: openid }, { usedBy: null, usedAt: null });
    if (isDuplicateKey(error)) throw new CodedError('BIND.HAS_ACCOUNT');
    throw error;
  }
  await recordAudit(db, {
    memberId: member._id,
    actor: { openid, name: input.name, role: 'helper' },
    action: 'member.acceptInvitation',
    detail: `${input.name}${input.relation ? `（${input.relation}）` : ''}接受了邀请，开始为您代办`,
  });
  return { helperName: input.name, actingFor: { memberId: member._id, name: member.name } };
}
