/**
 * The rotating venue code: `<key>.<slot>.<mac>` (format in src/shared/timebank-rules.ts). The key names the
 * activity or session (public: derived from its id), the mac is HMAC-SHA256 over (kind, id, slot) with a secret
 * kept in settings {_id: 'checkinSecret'}: created once by a conditional insert (the _id is the condition), read
 * once per warm instance, never sent to a client. A code is bound to its target alone and accepted in its own
 * 30-second slot and the next one.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CheckinSecretDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import {
  formatToken,
  KEY_LENGTH,
  KEY_PREFIX,
  MAC_LENGTH,
  slotFreshness,
  slotOf,
  type CheckinKind,
  type TokenParts,
} from '../../src/shared/timebank-rules';
import type { Db } from '../_lib/db';
import { insertOne, isDuplicateKey } from '../_lib/writes';

const SECRET_ID = 'checkinSecret';
const secrets = new WeakMap<Db, Promise<Buffer>>();

async function loadOrCreateSecret(db: Db): Promise<Buffer> {
  const existing = await db.byId<CheckinSecretDoc>('settings', SECRET_ID);
  if (existing) return Buffer.from(existing.secret, 'base64');
  try {
    await insertOne(db, 'settings', { _id: SECRET_ID, secret: randomBytes(32).toString('base64'), createdAt: db.serverDate() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // another instance created it first: use theirs
  }
  const created = await db.byId<CheckinSecretDoc>('settings', SECRET_ID);
  if (!created) throw new Error('checkin secret could not be created');
  return Buffer.from(created.secret, 'base64');
}

/** The secret, loaded (or created) once per warm instance. */
export function secretOf(db: Db): Promise<Buffer> {
  let pending = secrets.get(db);
  if (!pending) {
    pending = loadOrCreateSecret(db);
    pending.catch(() => secrets.delete(db));
    secrets.set(db, pending);
  }
  return pending;
}

/** The short public key a target's codes carry (its first character names the kind). */
export function keyOf(kind: CheckinKind, id: string): string {
  const digest = createHash('sha256').update(`${kind}:${id}`).digest('base64url');
  return `${KEY_PREFIX[kind]}${digest.slice(0, KEY_LENGTH - 1)}`;
}

export function macOf(secret: Buffer, kind: CheckinKind, id: string, slot: number): string {
  return createHmac('sha256', secret).update(`${kind}:${id}:${slot}`).digest('base64url').slice(0, MAC_LENGTH);
}

/** The code of a target for the slot of `nowMs`. */
export function issueToken(secret: Buffer, kind: CheckinKind, id: string, nowMs: number): { token: string; slot: number } {
  const slot = slotOf(nowMs);
  return { token: formatToken({ key: keyOf(kind, id), slot, mac: macOf(secret, kind, id, slot) }), slot };
}

/** Refuses a code not made for this target (BAD_CODE) or too old (CODE_EXPIRED). */
export function assertTokenFor(secret: Buffer, kind: CheckinKind, id: string, parts: TokenParts, nowMs: number): void {
  const expected = Buffer.from(macOf(secret, kind, id, parts.slot));
  const given = Buffer.from(parts.mac);
  if (parts.key !== keyOf(kind, id) || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new CodedError('CHECKIN.BAD_CODE');
  }
  const freshness = slotFreshness(parts.slot, nowMs);
  if (freshness === 'expired') throw new CodedError('CHECKIN.CODE_EXPIRED');
  if (freshness === 'future') throw new CodedError('CHECKIN.BAD_CODE');
}
