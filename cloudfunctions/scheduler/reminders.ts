/**
 * Reminders, the day before (from 18:00) and about two hours before (src/shared/reminder-rules.ts), to every
 * member holding a place and their family helpers. Each job covers start times once: it works through the
 * window (coveredUntil, horizon] occurrence by occurrence, saving where it stopped, so a run cut short by the
 * time limit resumes on the next tick; the messages' deterministic keys make any repeat send nothing.
 */
import { occurrenceKey, reminderContent, reminderKey, reminderWindow, type ReminderWhich } from '../../src/shared/reminder-rules';
import type { Cloud, Db } from '../_lib/db';
import { deliver, type DeliveryReport } from '../_lib/messages';
import { occurrencesBetween } from './occurrences';
import { outOfTime, readState, saveState, type Budget } from './state';

export const REMINDER_PAGE = 'pages/messages/index';

export interface ReminderRun extends DeliveryReport {
  occurrences: number;
  done: boolean;
}

export async function runReminders(db: Db, cloud: Cloud, which: ReminderWhich, budget: Budget): Promise<ReminderRun> {
  const { now } = budget;
  const job = `remind-${which}`;
  const state = await readState(db, job);
  const { lowest, horizon } = reminderWindow(which, now);
  const run: ReminderRun = { occurrences: 0, written: 0, delivered: 0, sends: 0, skipped: 0, done: true };
  const coveredUntil = state.coveredUntil ? new Date(state.coveredUntil) : lowest;
  const from = coveredUntil.getTime() > lowest.getTime() ? coveredUntil : lowest;
  const to = state.pending ? new Date(state.pending.to) : horizon;
  if (to.getTime() <= from.getTime()) {
    if (!state.coveredUntil) await saveState(db, { ...state, coveredUntil: from, pending: null }, now);
    return run;
  }
  const after = state.pending?.after ?? '';
  for (const occurrence of await occurrencesBetween(db, from, to, now)) {
    const key = occurrenceKey(occurrence);
    if (key <= after) continue;
    if (outOfTime(budget)) {
      run.done = false;
      return run;
    }
    const content = reminderContent(which, occurrence);
    const report = await deliver(
      db,
      cloud,
      occurrence.holders.map((memberId) => ({
        key: reminderKey(which, occurrence, memberId),
        memberId,
        kind: 'reminder',
        template: 'reminder',
        page: REMINDER_PAGE,
        ...content,
      })),
      now,
    );
    run.occurrences++;
    run.written += report.written;
    run.delivered += report.delivered;
    run.sends += report.sends;
    run.skipped += report.skipped;
    await saveState(db, { ...state, pending: { to, after: key } }, now);
  }
  await saveState(db, { ...state, coveredUntil: to, pending: null }, now);
  return run;
}
