/**
 * A short-lived, single-flight cache of what rarely changes (a target's title, window, mode, term; the sign-up
 * settings), per warm function instance. Only pre-checks and static facts come from it: every rule that matters
 * is re-checked by the atomic write itself (enrollment window, places, duplicates), so a stale entry can at worst
 * refuse a tap for TTL_MS after staff change a window. Concurrent callers share one read.
 */
import type { EnrollmentSettingsDoc } from '../../../src/shared/documents';
import type { EnrollKind } from '../../../src/shared/enrollment-rules';
import type { Db } from '../../_lib/db';
import { singleFlight } from '../../_lib/single-flight';
import { loadTarget, type Target } from './targets';

const TTL_MS = 2000;

export const DEFAULT_SETTINGS: EnrollmentSettingsDoc = {
  _id: 'enrollment',
  courseLimitPerTerm: 3,
  activityCancelCutoffHours: 2,
};

export interface Cached {
  target(kind: EnrollKind, id: string): Promise<Target | null>;
  settings(): Promise<EnrollmentSettingsDoc>;
}

function createCache(db: Db): Cached {
  const targets = singleFlight((key) => {
    const [kind, id] = key.split('\u0000') as [EnrollKind, string];
    return loadTarget(db, kind, id);
  }, TTL_MS);
  const settings = singleFlight(async () => ({
    ...DEFAULT_SETTINGS,
    ...((await db.byId<Partial<EnrollmentSettingsDoc>>('settings', 'enrollment')) ?? {}),
  }), TTL_MS);
  return {
    target: (kind, id) => targets(`${kind}\u0000${id}`),
    settings: () => settings('enrollment'),
  };
}

const caches = new WeakMap<Db, Cached>();

/** The one cache of this warm instance for this database (enrollment and checkin share the code, not the instance). */
export function cacheFor(db: Db): Cached {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createCache(db)));
  return cache;
}
