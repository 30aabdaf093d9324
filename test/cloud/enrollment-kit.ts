/** Shared set-up of the enrollment cloud tests: members with accounts, and reading the emulator's outbox. */
import { account, member } from './fixtures';
import { insert, type CloudHarness } from './harness';

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

export interface OutboxEntry {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export async function outbox(cloud: CloudHarness): Promise<OutboxEntry[]> {
  return (await fetch(`${cloud.emulator.url}/_local/outbox`)).json() as Promise<OutboxEntry[]>;
}

export async function dbStats(cloud: CloudHarness): Promise<Record<string, number>> {
  const body = (await (await fetch(`${cloud.emulator.url}/_local/stats`)).json()) as { requests: Record<string, number> };
  return body.requests;
}

export async function resetStats(cloud: CloudHarness): Promise<void> {
  await fetch(`${cloud.emulator.url}/_local/stats/reset`, { method: 'POST' });
}
