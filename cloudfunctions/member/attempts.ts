/**
 * Lockout of binding guesses per WeChat (bindAttempts, _id = openid): at most 5 mismatches in an hour, then
 * locked for an hour. A guess first reserves one of the 5 slots with a single conditional update, and gives it
 * back when it turns out not to be a mismatch, so parallel guesses can never test more than 5 in a window.
 * Times are stored as dates: tests move them back through the SDK instead of waiting an hour.
 */
import { beijingDayjs } from '../../src/shared/date-rules';
import type { BindAttemptDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { Db } from '../_lib/db';
import { insertOne, isDuplicateKey, updateWhere } from '../_lib/writes';
import { clock } from '../_lib/clock';

export const MAX_MISMATCHES = 5;
const WINDOW_MS = 3600_000;
const LOCK_MS = 3600_000;
const NOT_LOCKED = new Date(0);

export interface AttemptState {
  lockedUntil: Date | null;
  attemptsLeft: number;
}

export async function attemptState(db: Db, openid: string, now = clock.now()): Promise<AttemptState> {
  const doc = await db.byId<BindAttemptDoc>('bindAttempts', openid);
  if (!doc) return { lockedUntil: null, attemptsLeft: MAX_MISMATCHES };
  if (new Date(doc.lockedUntil) > now) return { lockedUntil: new Date(doc.lockedUntil), attemptsLeft: 0 };
  if (new Date(doc.windowStart).getTime() <= now.getTime() - WINDOW_MS) return { lockedUntil: null, attemptsLeft: MAX_MISMATCHES };
  const attemptsLeft = Math.max(0, MAX_MISMATCHES - doc.failures);
  // all slots taken by guesses still being checked: as good as locked
  return { lockedUntil: attemptsLeft ? null : new Date(now.getTime() + LOCK_MS), attemptsLeft };
}

/** "请在 15:40 以后再试" in China time (the function itself runs in UTC). */
export function lockedError(until: Date): CodedError {
  return new CodedError('BIND.LOCKED', `核对错误次数太多，请在${beijingDayjs(until).format('HH:mm')}以后再试`);
}

/** Takes one guess slot or throws BIND.LOCKED. */
export async function reserveAttempt(db: Db, openid: string, now = clock.now()): Promise<void> {
  const _ = db.command;
  const windowOpen = new Date(now.getTime() - WINDOW_MS);
  for (let round = 0; round < 3; round += 1) {
    const inWindow = await updateWhere(
      db,
      'bindAttempts',
      { _id: openid, windowStart: _.gt(windowOpen), failures: _.lt(MAX_MISMATCHES), lockedUntil: _.lte(now) },
      { failures: _.inc(1) },
    );
    if (inWindow) return;
    const fresh = await updateWhere(
      db,
      'bindAttempts',
      { _id: openid, windowStart: _.lte(windowOpen), lockedUntil: _.lte(now) },
      { windowStart: now, failures: 1, lockedUntil: NOT_LOCKED },
    );
    if (fresh) return;
    try {
      await insertOne(db, 'bindAttempts', { _id: openid, windowStart: now, failures: 1, lockedUntil: NOT_LOCKED });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // another guess created it first: count against that document
    }
  }
  const state = await attemptState(db, openid, now);
  throw lockedError(state.lockedUntil ?? new Date(now.getTime() + LOCK_MS));
}

/** Gives a reserved slot back (the guess matched, or failed for another reason). */
export async function releaseAttempt(db: Db, openid: string): Promise<void> {
  await updateWhere(db, 'bindAttempts', { _id: openid, failures: db.command.gt(0) }, { failures: db.command.inc(-1) });
}

/** Keeps the reserved slot as a mismatch; locks the WeChat when it was the last one. Answers the error to throw. */
export async function mismatchError(db: Db, openid: string, now = clock.now()): Promise<CodedError> {
  const _ = db.command;
  await updateWhere(
    db,
    'bindAttempts',
    { _id: openid, failures: _.gte(MAX_MISMATCHES), lockedUntil: _.lte(now) },
    { lockedUntil: new Date(now.getTime() + LOCK_MS) },
  );
  const state = await attemptState(db, openid, now);
  if (state.lockedUntil) return lockedError(state.lockedUntil);
  return new CodedError(
    'BIND.NO_MATCH',
    `没有找到与您填写的信息相符的登记，请核对后再试。还可以再试${state.attemptsLeft}次`,
  );
}
