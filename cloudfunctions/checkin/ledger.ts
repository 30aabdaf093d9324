/**
 * The time-bank ledger (timeBankEntries): a credit is inserted under a deterministic _id (creditId: per session,
 * member and revision), so a retry or a concurrent repeat credits once; a correction is a reversing entry
 * (reversalId of the credit, so at most one) with a reason the member reads, plus the corrected credit as the
 * next revision. Nothing is ever edited; totals are an aggregate over the entries.
 */
import type { CreditView, LedgerEntryView } from '../../src/shared/contracts-checkin';
import type { AccountDoc, ServiceSessionDoc, TimeBankEntryDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import {
  creditFor,
  creditId,
  hoursText,
  parseCreditId,
  reversalId,
  roundServiceMinutes,
  scheduledMinutes,
} from '../../src/shared/timebank-rules';
import { toIso, type Db } from '../_lib/db';
import { insertOne, isDuplicateKey } from '../_lib/writes';
import { timeBankSettings } from '../_domain/points/timebank';


/** a credit confirmed by staff may carry their note */
type NotedEntry = TimeBankEntryDoc & { note?: string };

const signed = (hours: number) => `${hours > 0 ? '+' : ''}${hoursText(hours)}`;

export function entryView(doc: TimeBankEntryDoc, reversed: ReadonlySet<string> = new Set()): LedgerEntryView {
  return {
    id: doc._id,
    kind: doc.kind,
    hours: doc.hours,
    hoursText: signed(doc.hours),
    title: doc.title,
    serviceDate: toIso(doc.serviceDate),
    source: doc.source,
    minutes: doc.minutes,
    reason: doc.reason,
    byName: doc.byName,
    at: toIso(doc.at),
    reversed: reversed.has(doc._id),
    ...((doc as NotedEntry).note ? { note: (doc as NotedEntry).note } : {}),
  };
}

/** Inserts an entry once; answers it and whether this call created it (else the stored one). */
async function insertOnce(db: Db, doc: TimeBankEntryDoc): Promise<{ doc: TimeBankEntryDoc; created: boolean }> {
  try {
    await insertOne(db, 'timeBankEntries', { ...doc });
    return { doc, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await db.byId<TimeBankEntryDoc>('timeBankEntries', doc._id);
    if (!existing) throw error;
    return { doc: existing, created: false };
  }
}

export interface CreditInput {
  session: ServiceSessionDoc;
  memberId: string;
  /** minutes present inside the scheduled time */
  minutes: number;
  source: TimeBankEntryDoc['source'];
  by: Pick<AccountDoc, 'openid' | 'name'>;
  now: Date;
  revision?: number;
  /** staff's note on a confirmed credit */
  note?: string;
}

/** Decides by the rules and, when due, credits the session once. */
export async function creditSession(db: Db, input: CreditInput): Promise<{ credit: CreditView; entry: TimeBankEntryDoc | null; created: boolean }> {
  const settings = await timeBankSettings(db);
  const { session } = input;
  const scheduled = scheduledMinutes(new Date(session.startAt), new Date(session.endAt));
  const minutes = Math.min(input.minutes, scheduled);
  const decision = creditFor(minutes, scheduled, settings);
  const credit: CreditView = { ...decision, minutes };
  if (!decision.credited) return { credit, entry: null, created: false };
  const { doc, created } = await insertOnce(db, {
    _id: creditId(session._id, input.memberId, input.revision ?? 0),
    memberId: input.memberId,
    kind: 'credit',
    hours: decision.hours,
    sessionId: session._id,
    title: `${session.teamName}·${session.title}`,
    serviceDate: new Date(session.startAt),
    minutes,
    source: input.source,
    reverses: null,
    reason: null,
    byOpenid: input.by.openid,
    byName: input.by.name,
    at: input.now,
    ...(input.note ? { note: input.note } : {}),
  });
  return { credit: { ...credit, hours: doc.hours, minutes: doc.minutes ?? minutes }, entry: doc, created };
}

/**
 * Reverses a credit with a reason and, given corrected minutes, credits the next revision with them (rounded,
 * capped at the scheduled time; staff's correction needs no presence check). Repeating the same correction answers
 * the same entries; a different one on a reversed credit is refused (correct the newest credit instead).
 */
export async function correctCredit(
  db: Db,
  by: Pick<AccountDoc, 'openid' | 'name'>,
  input: { entryId: string; reason: string; minutes?: number },
  now: Date,
): Promise<{ reversal: TimeBankEntryDoc; correction: TimeBankEntryDoc | null }> {
  const parts = parseCreditId(input.entryId);
  const credit = await db.byId<TimeBankEntryDoc>('timeBankEntries', input.entryId);
  if (!parts || !credit) throw new CodedError('DATA.NOT_FOUND');
  if (credit.kind !== 'credit') throw new CodedError('TIMEBANK.NOT_CREDIT');
  const { doc: reversal, created } = await insertOnce(db, {
    _id: reversalId(credit._id),
    memberId: credit.memberId,
    kind: 'reversal',
    hours: -credit.hours,
    sessionId: credit.sessionId,
    title: credit.title,
    serviceDate: credit.serviceDate,
    minutes: null,
    source: credit.source,
    reverses: credit._id,
    reason: input.reason,
    byOpenid: by.openid,
    byName: by.name,
    at: now,
  });
  if (!created && reversal.reason !== input.reason) throw new CodedError('TIMEBANK.ALREADY_REVERSED');
  if (input.minutes === undefined) return { reversal, correction: null };
  const session = await db.byId<ServiceSessionDoc>('serviceSessions', credit.sessionId);
  const scheduled = session ? scheduledMinutes(new Date(session.startAt), new Date(session.endAt)) : input.minutes;
  const minutes = Math.min(input.minutes, scheduled);
  const hours = roundServiceMinutes(minutes, (await timeBankSettings(db)).rounding);
  if (hours <= 0) return { reversal, correction: null };
  const { doc: correction } = await insertOnce(db, {
    ...credit,
    _id: creditId(parts.sessionId, parts.memberId, parts.revision + 1),
    hours,
    minutes,
    source: 'correction',
    byOpenid: by.openid,
    byName: by.name,
    at: now,
  });
  return { reversal, correction };
}
