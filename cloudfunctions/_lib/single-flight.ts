/**
 * A short-lived, single-flight cache per warm function instance: concurrent callers of one key share one load,
 * an answer is reused for `ttlMs`, a failed load is forgotten at once. Only for what rarely changes and is
 * re-checked by the atomic write that matters (see enrollment/cache.ts, checkin/targets.ts).
 */
export function singleFlight<T>(load: (key: string) => Promise<T>, ttlMs: number, maxEntries = 2000): (key: string) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    if (entries.size >= maxEntries) entries.clear();
    const value = load(key);
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key));
    return value;
  };
}
