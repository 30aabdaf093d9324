/**
 * A short-lived, single-flight cache of what rarely changes (a target's title, window, mode, term; the sign-up
 * settings), per warm function instance. Only pre-checks and static facts come from it: every rule that matters
 * is re-checked by the atomic write itself (enrollment window, places, duplicates), so a stale entry can at worst
 * refuse a tap for TTL_MS after staff change a window. Concurrent callers share one read.
 */
import type { EnrollmentSettingsDoc } from '../../src/shared/documents';
import type { EnrollKind } from '../../src/shared/enrollment-rules';
import type { Db } from '../_lib/db';
import { loadTarget, type TargetDoc } from './targets';

const TTL_MS = 2000;
const MAX_ENTRIES = 2000;

export const DEFAULT_SETTINGS: EnrollmentSettingsDoc = {
  _id: 'enrollment',
  courseLimitPerTerm: 3,
  activityCancelCutoffHours: 2,
};

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

function singleFlight<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const entries = new Map<string, Entry<T>>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const value = load(key);
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key));
    return value;
  };
}

export interface Cached {
  target(kind: EnrollKind, id: string): Promise<TargetDoc | null>;
  settings(): Promise<EnrollmentSettingsDoc>;
}

export function createCache(db: Db): Cached {
  const targets = singleFlight((key) => {
    const [kind, id] = key.split('\u0000') as [EnrollKind, string];
    return loadTarget(db, kind, id);
  });
  const settings = singleFlight(async () => ({
    ...DEFAULT_SETTINGS,
    ...((await db.byId<Partial<EnrollmentSettingsDoc>>('settings', 'enrollment')) ?? {}),
  }));
  return {
    target: (kind, id) => targets(`${kind}\u0000${id}`),
    settings: () => settings('enrollment'),
  };
}
