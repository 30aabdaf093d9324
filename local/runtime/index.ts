/**
 * Runs the bundled cloud functions (dist/cloudfunctions/<name>/index.js, exactly as uploaded) in this process
 * against the emulator: per-invocation WeChat context through runWithIdentity, the event and the answer
 * passed as JSON like the cloud does, and each function's timeout from its config.json (3 s by default).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localClock } from '../clock';
import { configureSdkEnvironment, runWithIdentity } from './sdk-env';

export const DEFAULT_FUNCTIONS_DIR = resolve(__dirname, '..', '..', 'dist', 'cloudfunctions');
const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_APPID = 'wx0000000000000000';

export interface InvokeIdentity {
  openid: string;
  unionid?: string;
  /** the invocation's "now"; default the local clock (local/clock.ts) */
  now?: Date;
}

export interface RuntimeOptions {
  adminUrl: string;
  /** default <repo>/dist/cloudfunctions */
  functionsDir?: string;
  appid?: string;
  /**
   * Multiplies every function's time limit (default 1). Only for benches on a shared machine: every invocation of a
   * burst runs in this one process against one emulator, so a call's wall time includes waiting behind the whole
   * burst, which the cloud's separate instances do not (see bench/kit.ts, BENCH_TIMEOUT_SCALE).
   */
  timeoutScale?: number;
}

export interface Runtime {
  /** Calls the function's main(event, context) as the given WeChat user; resolves with its answer. */
  invoke(name: string, event: unknown, identity: InvokeIdentity): Promise<unknown>;
  /** Fires a timer trigger as CloudBase does: no WeChat user, event {Type: 'Timer', TriggerName, Time}. */
  invokeTimer(name: string, triggerName: string, at: Date): Promise<unknown>;
  functionNames(): string[];
}

/** The function did not answer within its config.json timeout (the gateway maps it to SYSTEM.TIMEOUT). */
export class FunctionTimeoutError extends Error {
  readonly code = 'FUNCTION.TIMEOUT';
  constructor(
    readonly functionName: string,
    readonly timeoutMs: number,
  ) {
    super(`cloud function "${functionName}" timed out after ${timeoutMs} ms`);
    this.name = 'FunctionTimeoutError';
  }
}

/** No built function of that name (run `npm run build:functions`). */
export class FunctionNotFoundError extends Error {
  readonly code = 'FUNCTION.NOT_FOUND';
  constructor(readonly functionName: string, dir: string) {
    super(`cloud function "${functionName}" not found in ${dir} (run npm run build:functions)`);
    this.name = 'FunctionNotFoundError';
  }
}

type Main = (event: unknown, context: unknown) => unknown;

interface LoadedFunction {
  main: Main;
  timeoutMs: number;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function readTimeoutMs(dir: string): number {
  const file = join(dir, 'config.json');
  if (!existsSync(file)) return DEFAULT_TIMEOUT_S * 1000;
  const config = JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown };
  return (typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_S) * 1000;
}

/**
 * What one call may carry each way: 6 MB of JSON (CloudBase: "Maximum request body size limit for cloud functions:
 * ... 6MB", docs.cloudbase.net/en/error-code/service/EXCEED_MAX_PAYLOAD_SIZE; the same 6 MB caps a synchronous
 * answer of the SCF functions underneath). An answer that grows with the data fails here as it would in production.
 */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** The event or the answer of a call is larger than MAX_PAYLOAD_BYTES. */
export class PayloadTooLargeError extends Error {
  readonly code = 'EXCEED_MAX_PAYLOAD_SIZE';
  constructor(
    readonly functionName: string,
    readonly what: 'event' | 'answer',
    readonly bytes: number,
  ) {
    super(`cloud function "${functionName}": the ${what} is ${bytes} bytes, more than the ${MAX_PAYLOAD_BYTES} a call carries`);
    this.name = 'PayloadTooLargeError';
  }
}

/** JSON in and out, as a cloud call: no Date objects, undefined fields or shared references cross it. */
function viaJson(value: unknown, name: string, what: 'event' | 'answer'): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PAYLOAD_BYTES) throw new PayloadTooLargeError(name, what, bytes);
  return JSON.parse(text);
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const functionsDir = options.functionsDir ?? DEFAULT_FUNCTIONS_DIR;
  const appid = options.appid ?? DEFAULT_APPID;
  configureSdkEnvironment({ adminUrl: options.adminUrl, appid });
  const loaded = new Map<string, LoadedFunction>();

  function load(name: string): LoadedFunction {
    const cached = loaded.get(name);
    if (cached) return cached;
    const dir = join(functionsDir, name);
    const entry = join(dir, 'index.js');
    if (!FUNCTION_NAME.test(name) || !existsSync(entry)) throw new FunctionNotFoundError(name, functionsDir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(entry) as { main?: unknown };
    if (typeof exported.main !== 'function') throw new Error(`cloud function "${name}" exports no main`);
    const fn = { main: exported.main as Main, timeoutMs: readTimeoutMs(dir) * (options.timeoutScale ?? 1) };
    loaded.set(name, fn);
    return fn;
  }

  async function invoke(name: string, event: unknown, identity: InvokeIdentity): Promise<unknown> {
    const fn = load(name);
    const requestId = randomUUID();
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      function_name: name,
      function_version: '$LATEST',
      request_id: requestId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: fn.timeoutMs,
    };
    // WeChat adds userInfo to the event of a mini-program call; functions must not trust it.
    const payload = viaJson(event, name, 'event');
    const cloudEvent =
      identity.openid !== '' && typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? { ...payload, userInfo: { appId: appid, openId: identity.openid } }
        : payload;
    const now = identity.now ?? localClock.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FunctionTimeoutError(name, fn.timeoutMs)), fn.timeoutMs);
    });
    try {
      const answer = runWithIdentity({ openid: identity.openid, appid, unionid: identity.unionid, now }, () =>
        Promise.resolve().then(() => fn.main(cloudEvent, context)),
      );
      return viaJson(await Promise.race([answer, timeout]), name, 'answer');
    } finally {
      clearTimeout(timer);
    }
  }

  function invokeTimer(name: string, triggerName: string, at: Date): Promise<unknown> {
    const event = { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString(), Message: '' };
    return invoke(name, event, { openid: '', now: at });
  }

  function functionNames(): string[] {
    if (!existsSync(functionsDir)) return [];
    return readdirSync(functionsDir)
      .filter((name) => existsSync(join(functionsDir, name, 'index.js')))
      .sort();
  }

  return { invoke, invokeTimer, functionNames };
}
