/**
 * The seam between the unmodified wx-server-sdk and the local emulator.
 * The SDK reads its endpoint and the WeChat context from process.env at call time, so:
 * - the endpoint and dummy credentials are set once per process;
 * - the per-invocation context (WX_OPENID, WX_APPID, WX_UNIONID) lives in AsyncLocalStorage and is exposed
 *   through a proxy over process.env, so one process serves many users at once without mixing them up.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WxIdentity {
  openid: string;
  appid?: string;
  unionid?: string;
  /** the invocation's "now" (the local clock, or a timer trigger's time) */
  now?: Date;
}

const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID'] as const;
/**
 * Per-invocation keys: the WeChat context; TCB_SOURCE, which the SDK sends as the X-TCB-Source header (a
 * function invoked from the mini-program has it; a test talking to the emulator directly does not), so the
 * emulator can tell the functions' queries from a test's own reads (query-shapes.ts); and LOCAL_NOW, the
 * invocation's "now" (ISO), read by cloudfunctions/_lib/clock.ts, never set in production.
 */
const SCOPED_KEYS = [...CONTEXT_KEYS, 'TCB_SOURCE', 'LOCAL_NOW'] as const;
type ContextKey = (typeof SCOPED_KEYS)[number];
export const FUNCTION_SOURCE = 'wx_client';

const identityStore = new AsyncLocalStorage<Record<ContextKey, string>>();
let installed = false;
let defaultAppid = 'wx0000000000000000';

function installEnvProxy(): void {
  if (installed) return;
  installed = true;
  const realEnv = process.env;
  process.env = new Proxy(realEnv, {
    get(target, key) {
      if (typeof key === 'string' && (SCOPED_KEYS as readonly string[]).includes(key)) {
        const scoped = identityStore.getStore();
        if (scoped) return scoped[key as ContextKey] || undefined;
      }
      return Reflect.get(target, key);
    },
    // Without this trap a write to an existing key goes through defineProperty with a partial descriptor,
    // which process.env rejects: a second configureSdkEnvironment call would throw.
    set(target, key, value) {
      return Reflect.set(target, key, value);
    },
  });
}

/** Points every wx-server-sdk call in this process at the emulator's /admin URL. Idempotent. */
export function configureSdkEnvironment(options: { adminUrl: string; appid?: string }): void {
  if (options.appid) defaultAppid = options.appid;
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: options.adminUrl }),
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TENCENTCLOUD: 'true',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    WX_CONTEXT_KEYS: CONTEXT_KEYS.join(','),
    TCB_CONTEXT_KEYS: 'TCB_SOURCE',
  });
  installEnvProxy();
}

/** Runs fn with cloud.getWXContext() answering this identity, for everything fn awaits. */
export function runWithIdentity<T>(identity: WxIdentity, fn: () => T): T {
  return identityStore.run(
    {
      WX_OPENID: identity.openid,
      WX_APPID: identity.appid ?? defaultAppid,
      WX_UNIONID: identity.unionid ?? '',
      TCB_SOURCE: FUNCTION_SOURCE,
      LOCAL_NOW: identity.now ? identity.now.toISOString() : '',
    },
    fn,
  );
}
