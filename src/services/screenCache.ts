/**
 * Screens there at once: a screen's last answer is kept on the device (Taro storage) and shown immediately,
 * marked as refreshing, while its one call runs; the fresh answer replaces it. Also the home screen's call can
 * be started before the page mounts (prefetch), and the page takes that call instead of making its own.
 * A kept answer belongs to one person and is never shown to another: WeChat keeps storage per user of the
 * mini-program; in H5 (local preview, where demo people share one browser) the key carries the person the
 * gateway served the page for (keptPerson), and nothing is kept when the page does not say who it is for.
 */
import Taro from '@tarojs/taro';
import { PERSON_META, PERSON_TAG } from '../shared/h5-shell';
import type { Result } from '../shared/result';

const PREFIX = 'screen:';
const pending = new Map<string, Promise<Result<unknown>>>();

/** Whose answers this device keeps now: '' in the weapp (storage is per user), the page's person tag in H5. */
export function keptPerson(): string | null {
  if (process.env.TARO_ENV !== 'h5') return '';
  const tag = document.querySelector(`meta[name="${PERSON_META}"]`)?.getAttribute('content') ?? '';
  return PERSON_TAG.test(tag) ? tag : null;
}

export function screenKey(fn: string, action: string, payloadKey: string): string {
  return `${fn}.${action}:${payloadKey}`;
}

function storageKey(key: string): string | null {
  const person = keptPerson();
  if (person === null) return null;
  return `${PREFIX}${person ? `${person}:` : ''}${key}`;
}

export function keptAnswer<T>(key: string): T | null {
  const at = storageKey(key);
  if (at === null) return null;
  try {
    const kept = Taro.getStorageSync(at) as { data?: T } | '' | undefined;
    return kept && typeof kept === 'object' && kept.data !== undefined ? kept.data : null;
  } catch {
    return null;
  }
}

export function keepAnswer(key: string, data: unknown): void {
  const at = storageKey(key);
  if (at === null) return;
  try {
    Taro.setStorageSync(at, { data, at: Date.now() });
  } catch {
    // storage full: the screen just loads as before next time
  }
}

const answered = new Map<string, Result<unknown>>();

/** Starts a screen's call before its page exists; the first useCloud for the same key takes it over. */
export function prefetch(key: string, run: () => Promise<Result<unknown>>): void {
  if (pending.has(key)) return;
  const started = run();
  pending.set(key, started);
  void started.then((result) => {
    if (pending.get(key) === started) answered.set(key, result);
  });
}

/** A screen's call already answered before its page exists (H5: home's early call, read by index.html). */
export function prefetchAnswered(key: string, result: Result<unknown>): void {
  pending.set(key, Promise.resolve(result));
  answered.set(key, result);
}

export function takePrefetched(key: string): Promise<Result<unknown>> | null {
  const started = pending.get(key) ?? null;
  pending.delete(key);
  answered.delete(key);
  return started;
}

/** A call for this screen was started before its page existed and is still on its way. */
export function isPrefetching(key: string): boolean {
  return pending.has(key) && !answered.has(key);
}

/** The data of a prefetched call already answered, taken (the screen then draws it at once); else null. */
export function takeAnswered<T>(key: string): T | null {
  const result = answered.get(key);
  if (!result?.ok) return null;
  takePrefetched(key);
  return result.data as T;
}
