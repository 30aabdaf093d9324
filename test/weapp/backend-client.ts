/** Starts test/weapp/cloud-backend.ts in a child process and calls it over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Backend {
  /** What wx.cloud.callFunction resolves with, for this WeChat user. */
  callFunction(name: string, data: unknown, openid: string): Promise<{ result: unknown }>;
  stop(): Promise<void>;
}

export async function startBackend(): Promise<Backend> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cloud-backend.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`cloud backend exited with code ${code}`)));
  });

  function callFunction(name: string, data: unknown, openid: string): Promise<{ result: unknown }> {
    const body = JSON.stringify({ name, data, openid });
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: unknown; error?: string };
          if (res.statusCode === 200) resolve({ result: answer.result });
          else reject(new Error(answer.error ?? `HTTP ${res.statusCode}`));
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function stop(): Promise<void> {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  return { callFunction, stop };
}

/** One call a page made: the function, its action, what it sent and what came back. */
export interface RecordedCall {
  name: string;
  action: string;
  data: { action: string; payload?: unknown };
  result: unknown;
}

export interface RecordingCloud {
  /** wx.cloud for bootWeapp: every call goes to the backend as `who()`. */
  cloud: { init(): void; callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }> };
  /** The calls made so far, in the order they started (empty it with `calls.length = 0`); result once answered. */
  calls: RecordedCall[];
  /** `name.action` of each call so far. */
  names(): string[];
  /** The results of the calls to `name.action` that answered ok, in order. */
  answers<T>(name: string, action: string): T[];
  /** Resolves once no call is in flight and none started for `quietMs`. */
  settled(quietMs?: number): Promise<void>;
}

/**
 * wx.cloud wired to the real functions as the WeChat user `who` (a string, or a function for tests that switch
 * person), recording every call. `hold` may delay a call before it is made (a slow network).
 */
export function recordingCloud(backend: Backend, who: string | (() => string), hold?: () => Promise<void> | void): RecordingCloud {
  const calls: RecordedCall[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const openid = typeof who === 'string' ? () => who : who;
  return {
    cloud: {
      init: () => undefined,
      async callFunction({ name, data }) {
        const sent = data as RecordedCall['data'];
        const call: RecordedCall = { name, action: sent.action, data: sent, result: undefined };
        calls.push(call);
        inFlight += 1;
        lastActivity = Date.now();
        try {
          await hold?.();
          const answer = await backend.callFunction(name, data, openid());
          call.result = answer.result;
          return answer;
        } finally {
          inFlight -= 1;
          lastActivity = Date.now();
        }
      },
    },
    calls,
    names: () => calls.map((call) => `${call.name}.${call.action}`),
    answers<T>(name: string, action: string): T[] {
      return calls.flatMap((call) => {
        const result = call.result as { ok: boolean; data?: T };
        return call.name === name && call.action === action && result.ok ? [result.data as T] : [];
      });
    },
    async settled(quietMs = 400) {
      lastActivity = Date.now();
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) await new Promise((resolve) => setTimeout(resolve, 25));
    },
  };
}
