/** Shared set-up of the cloud tests: members with accounts, and the emulator's outbox and request counts. */
import { account, member } from './fixtures';
import { insert, type CloudHarness } from './harness';
import * as local from '../support/local-cloud';

/** Inserts n members with bound member accounts; answers their openids (openid = `${prefix}-${i}`). */
export async function members(cloud: CloudHarness, prefix: string, n: number, over: Parameters<typeof member>[1] = {}): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (let from = 0; from < ids.length; from += 500) {
    const chunk = ids.slice(from, from + 500);
    await insert(cloud.db, 'members', chunk.map((id) => member(`m-${id}`, { rosterNo: `R-${id}`, ...over })));
    await insert(cloud.db, 'accounts', chunk.map((id) => account(id, { memberId: `m-${id}`, name: `成员${id}` })));
  }
  return ids;
}

export const memberIdOf = (openid: string) => `m-${openid}`;

export type { OutboxEntry } from '../support/local-cloud';

/** The emulator's outbox and request counts (test/support/local-cloud.ts) for this harness. */
export const outbox = (cloud: CloudHarness) => local.outbox(cloud.emulator.url);
export const clearOutbox = (cloud: CloudHarness) => local.clearOutbox(cloud.emulator.url);
export const dbStats = (cloud: CloudHarness) => local.dbStats(cloud.emulator.url);
export const resetStats = (cloud: CloudHarness) => local.resetStats(cloud.emulator.url);
