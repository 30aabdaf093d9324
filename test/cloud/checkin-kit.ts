/** Shared set-up of the checkin cloud tests: venue codes (current ones from the board, old ones from the secret). */
import type { CheckinSecretDoc } from '../../src/shared/documents';
import { SLOT_SECONDS, type CheckinKind } from '../../src/shared/timebank-rules';
import { issueToken } from '../../cloudfunctions/checkin/token';
import { dataOf, type CloudHarness } from './harness';

/** The code the staff board shows now (also gives the target its key). */
export async function boardToken(cloud: CloudHarness, staff: string, kind: CheckinKind, id: string): Promise<string> {
  return dataOf(await cloud.call('checkin', 'board', { kind, id }, staff)).code.token;
}

/** A correctly signed code of `slotsAgo` slots ago, as a photo taken then would carry. */
export async function oldToken(cloud: CloudHarness, kind: CheckinKind, id: string, slotsAgo: number): Promise<string> {
  const { data } = await cloud.db.collection('settings').where({ _id: 'checkinSecret' }).get();
  const secret = Buffer.from((data[0] as CheckinSecretDoc).secret, 'base64');
  return issueToken(secret, kind, id, Date.now() - slotsAgo * SLOT_SECONDS * 1000).token;
}

export const minutesFromNow = (minutes: number): Date => new Date(Date.now() + minutes * 60_000);

/** The error code of a failed answer ('ok' when it succeeded). */
export function codeOf(answer: { ok: boolean; error?: { code: string } }): string {
  return answer.ok ? 'ok' : (answer.error?.code ?? '?');
}
