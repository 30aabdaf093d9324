/**
 * What staff and leaders do beyond the board: check someone in by tapping their name (assist), confirm a
 * volunteer's hours where scanning makes no sense (confirmHours), and correct a credit (correct: staff only).
 */
import type { AssistData, ConfirmHoursData, ConfirmHoursRequest, CorrectData, CorrectRequest } from '../../src/shared/contracts-checkin';
import type { AccountDoc, MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { CheckinKind } from '../../src/shared/timebank-rules';
import type { Cloud, Db } from '../_lib/db';
import type { Cached } from '../_domain/seats/cache';
import { assertMayRun } from '../_domain/seats/access';
import { attend, standingOf } from './attend';
import { countsOf, rowOf } from './board';
import { correctCredit, creditSession, entryView } from './ledger';
import { loadTarget } from './targets';

interface StaffContext {
  db: Db;
  cache: Cached;
  cloud: Cloud;
  now: Date;
  account: AccountDoc;
}

export async function assist(ctx: StaffContext, input: { kind: CheckinKind; id: string; memberId: string }): Promise<AssistData> {
  const { db, now, account } = ctx;
  const target = await loadTarget(db, input.kind, input.id);
  assertMayRun(account, target);
  const { outcome, doc } = await attend({ db, now, cache: ctx.cache, cloud: ctx.cloud, by: account }, target, input.memberId, true);
  const [member, fresh] = await Promise.all([
    db.byId<Pick<MemberDoc, 'name' | 'town'>>('members', input.memberId),
    loadTarget(db, input.kind, input.id),
  ]);
  return { outcome, row: rowOf(input.memberId, member ?? undefined, doc), counts: await countsOf(db, fresh) };
}

export async function confirmHours(ctx: StaffContext, input: ConfirmHoursRequest): Promise<ConfirmHoursData> {
  const { db, now, account } = ctx;
  const target = await loadTarget(db, 'session', input.sessionId);
  assertMayRun(account, target);
  if (target.kind !== 'session') throw new CodedError('DATA.NOT_FOUND');
  if ((await standingOf(ctx, target, input.memberId)) !== 'placed') {
    throw new CodedError('CHECKIN.NOT_SIGNED_UP', '这位老同志不在这个服务队（岗位）的名单上');
  }
  const { credit, entry, created } = await creditSession(db, {
    session: target.doc, memberId: input.memberId, minutes: input.minutes, source: 'staff', by: account, now, note: input.note || undefined,
  });
  return { credit, entry: entry ? entryView(entry) : null, already: Boolean(entry) && !created };
}

export async function correct(ctx: StaffContext, input: CorrectRequest): Promise<CorrectData> {
  const { reversal, correction } = await correctCredit(ctx.db, ctx.account, input, ctx.now);
  return { reversal: entryView(reversal), correction: correction ? entryView(correction) : null };
}
