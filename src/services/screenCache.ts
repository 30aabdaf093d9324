/**
 * Screens there at once: a screen's last answer is kept on the device (Taro storage) and shown immediately,
 * marked as refreshing, while its one call runs; the fresh answer replaces it. Also the home screen's call can
 * be started before the page mounts (prefetch), and the page takes that call instead of making its own.
 * WeChat keeps storage per user of the mini-program, so one person never sees another's answer.
 */
import Taro from '@tarojs/taro';
import type { Result } from '../shared/result';

const PREFIX = 'screen:';
const pending = new Map<string, Promise<Result<unknown>>>();

export function screenKey(fn: string, action: string, payloadKey: string): string {
  return `${PREFIX}${fn}.${action}:${payloadKey}`;
}

export function keptAnswer<T>(key: string): T | null {
  try {
    const kept = Taro.getStorageSync(key) as { data?: T } | '' | undefined;
    return kept && typeof kept === 'object' && kept.data !== undefined ? kept.data : null;
  } catch {
    return null;
  }
}

export function keepAnswer(key: string, data: unknown): void {
  try {
    Taro.setStorageSync(key, { data, at: Date.now() });
  } catch {
    // storage full: the screen just loads as before next time
  }
}

/** Starts a screen's call before its page exists; the first useCloud for the same key takes it over. */
export function prefetch(key: string, run: () => Promise<Result<unknown>>): void {
  if (!pending.has(key)) pending.set(key, run());
}

export function takePrefetched(key: string): Promise<Result<unknown>> | null {
  const started = pending.get(key) ?? null;
  pending.delete(key);
  return started;
}
