/** Progress of a timed job (`jobs` collection, _id = job name): what it covered, and where it stopped. */
import type { Db } from '../_lib/db';
import { setDoc } from '../_lib/writes';

export interface JobState {
  _id: string;
  /** everything up to this time is done */
  coveredUntil: Date | null;
  /** a window being worked through: its end, and the last item finished in it */
  pending: { to: Date; after: string } | null;
  /** daily jobs: the Beijing day last done */
  day?: string | null;
  updatedAt: Date;
}

export async function readState(db: Db, job: string): Promise<JobState> {
  return (await db.byId<JobState>('jobs', job)) ?? { _id: job, coveredUntil: null, pending: null, updatedAt: new Date(0) };
}

export async function saveState(db: Db, state: JobState, now: Date): Promise<void> {
  const { _id, ...fields } = state;
  await setDoc(db, 'jobs', _id, { ...fields, updatedAt: now });
}

/** A run's deadline: jobs stop starting new work after it, and resume on the next tick. */
export interface Budget {
  now: Date;
  deadline: number;
}

export const outOfTime = (budget: Budget): boolean => Date.now() > budget.deadline;
