/** Shared set-up of the messages tests: the runtime's timer triggers driven by moving the local clock. */
import { localClock } from '../../local/clock';
import { DEFAULT_FUNCTIONS_DIR } from '../../local/runtime';
import { createTriggerRunner, readTriggers, type TriggerRunner } from '../../local/runtime/triggers';
import type { CloudHarness } from './harness';

/** Beijing wall time (UTC+8) as an instant, e.g. beijing('2030-03-05 18:00'). */
export const beijing = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`);

/** The scheduler's trigger, with the local clock placed at `start` (nothing fires for the time before it). */
export function triggersAt(cloud: CloudHarness, start: Date): TriggerRunner {
  localClock.set(start);
  return createTriggerRunner(cloud.runtime, readTriggers(DEFAULT_FUNCTIONS_DIR, cloud.runtime.functionNames()));
}

export async function messagesOf(cloud: CloudHarness, memberId: string): Promise<{ _id: string; title: string; delivery: string }[]> {
  const result = (await cloud.db.collection('messages').where({ memberId }).limit(1000).get()) as { data: { _id: string; title: string; delivery: string }[] };
  return result.data;
}

/** After a file: the local clock back to real time, the cloud stopped. */
export async function stopCloud(cloud: CloudHarness | undefined): Promise<void> {
  localClock.reset();
  await cloud?.stop();
}
