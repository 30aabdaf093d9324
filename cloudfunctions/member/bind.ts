/**
 * First open (consent + binding): bindForm shows the screen, bind confirms the person against the roster and
 * creates their member account. One roster entry binds one WeChat and one WeChat one entry: the accounts
 * collection's unique indexes on openid and bindingKey (= memberId) decide races, never a read-then-write.
 */
import { CONSENT } from '../../src/shared/consent';
import type { BindFormData, BindRequest, ProfileData } from '../../src/shared/contracts-member';
import type { AccountDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { resolveActor } from '../_lib/actor';
import { toIso, type Db } from '../_lib/db';
import type { GuestContext } from '../_lib/createHandler';
import { insertOne, isDuplicateKey } from '../_lib/writes';
import { attemptState, mismatchError, releaseAttempt, reserveAttempt } from './attempts';
import { requireConsent } from './consent';
import { answersOf, bindingFields, FIELD_SPECS, findRosterMatches, matchesMember } from './binding';
import { loadProfile, me, memberOf } from './profile';
import { reviewStatusOf } from './review';

export async function bindForm({ db, openid, account }: GuestContext): Promise<BindFormData> {
  const [fields, attempts, review, summary] = await Promise.all([
    bindingFields(db),
    attemptState(db, openid),
    reviewStatusOf(db, openid),
    account ? me(db, account).catch(() => null) : null,
  ]);
  return {
    consent: CONSENT,
    fields: fields.map((field) => FIELD_SPECS[field]),
    account: summary,
    lockedUntil: attempts.lockedUntil ? toIso(attempts.lockedUntil) : null,
    attemptsLeft: attempts.attemptsLeft,
    review,
  };
}

/** An existing account binding again: its own entry again is fine (idempotent), anything else is refused. */
async function rebind(db: Db, account: AccountDoc, answers: Parameters<typeof matchesMember>[1]): Promise<ProfileData> {
  const own = account.role !== 'helper' && account.memberId ? await memberOf(db, account.memberId).catch(() => null) : null;
  if (!own || !matchesMember(own, answers)) throw new CodedError('BIND.HAS_ACCOUNT');
  return loadProfile(db, resolveActor(account));
}

export async function bind(input: BindRequest, { db, openid, account }: GuestContext): Promise<ProfileData> {
  requireConsent(input.consentVersion);
  const answers = answersOf(await bindingFields(db), input);
  if (!answers) throw new CodedError('INPUT.INVALID', '还有必填的内容没有填写');
  if (account) return rebind(db, account, answers);

  await reserveAttempt(db, openid);
  const matches = await findRosterMatches(db, answers).catch(async (error) => {
    await releaseAttempt(db, openid);
    throw error;
  });
  if (matches.length === 0) throw await mismatchError(db, openid);
  await releaseAttempt(db, openid);
  if (matches.length > 1) throw new CodedError('BIND.AMBIGUOUS');

  const member = matches[0];
  try {
    await insertOne(db, 'accounts', {
      openid,
      role: 'member',
      name: member.name,
      memberId: member._id,
      actsFor: null,
      leads: [],
      bindingKey: member._id,
      consent: { version: input.consentVersion, at: db.serverDate() },
      largeText: false,
      createdAt: db.serverDate(),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // lost a race: to this WeChat's own earlier request (fine), or to another WeChat or entry (refused)
    const existing = await db.findOne<AccountDoc>('accounts', { openid });
    if (!existing) throw new CodedError('BIND.TAKEN');
    if (existing.memberId !== member._id || existing.role === 'helper') throw new CodedError('BIND.HAS_ACCOUNT');
    return loadProfile(db, resolveActor(existing));
  }
  const created = await db.findOne<AccountDoc>('accounts', { openid });
  if (!created) throw new Error('account vanished after insert');
  return loadProfile(db, resolveActor(created));
}
