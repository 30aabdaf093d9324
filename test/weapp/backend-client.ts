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
