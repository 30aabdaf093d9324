/**
 * Per-member daily limits (dailyQuotas collection): a slot is taken by one conditional increment
 * (used < limit), so concurrent calls can never take more than the limit. Days are Beijing calendar days.
 */
import type { DailyQuotaDoc } from '../../src/shared/documents';
import { beijingDay } from '../../src/shared/date-rules';
import type { Db } from './db';
import { insertOne, isDuplicateKey, updateWhere } from './writes';

export function quotaId(kind: string, memberId: string, now: Date): string {
  return `${kind}:${memberId}:${beijingDay(now)}`;
}

/** Takes one of today's `limit` slots; false when they are all used. */
export async function takeDailySlot(db: Db, kind: string, memberId: string, limit: number, now: Date): Promise<boolean> {
  const _id = quotaId(kind, memberId, now);
  const take = () => updateWhere(db, 'dailyQuotas', { _id, used: db.command.lt(limit) }, { used: db.command.inc(1) });
  if (await take()) return true;
  try {
    await insertOne(db, 'dailyQuotas', { _id, used: 0, day: beijingDay(now) });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // it exists: either another call created it or the day is used up
  }
  return (await take()) > 0;
}

/** Gives a slot back (the action failed after taking it). */
export async function releaseDailySlot(db: Db, kind: string, memberId: string, now: Date): Promise<void> {
  await updateWhere(db, 'dailyQuotas', { _id: quotaId(kind, memberId, now), used: db.command.gt(0) }, { used: db.command.inc(-1) });
}

export async function usedToday(db: Db, kind: string, memberId: string, now: Date): Promise<number> {
  const quota = await db.byId<DailyQuotaDoc>('dailyQuotas', quotaId(kind, memberId, now));
  return quota?.used ?? 0;
}
