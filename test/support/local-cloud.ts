/**
 * The local cloud from outside, for tests and benches: the emulator's /_local endpoints (the request counts per
 * wire action, and the subscribe messages "sent"), and its CLI started as a child process on a data dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'local', 'emulator', 'cli.ts');

/** A subscribe message as the emulator's outbox keeps it. */
export interface OutboxEntry {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

const base = (emulatorUrl: string) => emulatorUrl.replace(/\/$/, '');

/** Every subscribe message sent since the outbox was last cleared. */
export async function outbox(emulatorUrl: string): Promise<OutboxEntry[]> {
  return (await (await fetch(`${base(emulatorUrl)}/_local/outbox`)).json()) as OutboxEntry[];
}

export async function clearOutbox(emulatorUrl: string): Promise<void> {
  await fetch(`${base(emulatorUrl)}/_local/outbox`, { method: 'DELETE' });
}

/** Database requests per wire action (e.g. database.insertDocument) since the last reset. */
export async function dbStats(emulatorUrl: string): Promise<Record<string, number>> {
  return ((await (await fetch(`${base(emulatorUrl)}/_local/stats`)).json()) as { requests: Record<string, number> }).requests;
}

export async function resetStats(emulatorUrl: string): Promise<void> {
  await fetch(`${base(emulatorUrl)}/_local/stats/reset`, { method: 'POST' });
}

export interface RunningCli {
  child: ChildProcess;
  url: string;
  /** the start time the emulator reports, and the time until it answered, from spawning */
  startMs: number;
  readyMs: number;
}

/** Starts the emulator CLI as the process itself (no npm/tsx wrapper, so a SIGKILL hits the server) on `dataDir`. */
export function startCli(dataDir: string): Promise<RunningCli> {
  const spawned = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data', dataDir], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+).*started in (\d+) ms/.exec(out);
      if (match) resolve({ child, url: match[1] as string, startMs: Number(match[2]), readyMs: Date.now() - spawned });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
}

/** Stops the CLI and waits until it has exited. */
export async function stopCli(running: RunningCli, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill(signal);
  await exited;
}
