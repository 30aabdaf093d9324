/**
 * `npm run emulator -- [--port 8787] [--host 127.0.0.1] [--data dir] [--fsync off]`: the emulator in the foreground,
 * with the built functions' timer triggers firing on the local clock (--triggers, which npm run emulator passes).
 * Prints `emulator listening at http://127.0.0.1:<port>` once it accepts requests; SIGTERM/SIGINT flush and exit 0.
 * `--fsync off` (or EMULATOR_FSYNC=off): no fdatasync per group commit (kill -9 safe, not power-cut safe).
 * A data folder in use by another emulator: a plain message naming that process on stderr, exit code 3, no file touched.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRuntime } from '../runtime';
import { createTriggerRunner, readTriggers } from '../runtime/triggers';
import { startEmulator } from './index';
import { DataDirLockedError } from './lock';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string' },
      data: { type: 'string' },
      fsync: { type: 'string', default: process.env.EMULATOR_FSYNC ?? 'on' },
      triggers: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const dataDir = path.resolve(values.data ?? path.join(REPO_ROOT, '.data', 'emulator'));
  const started = Date.now();
  if (values.fsync !== 'on' && values.fsync !== 'off') throw new Error(`invalid --fsync ${values.fsync} (on|off)`);
  const emulator = await startEmulator({ port, host: values.host, dataDir, fsync: values.fsync === 'on' });
  console.log(`emulator listening at ${emulator.url} (admin ${emulator.adminUrl}, data ${dataDir}, started in ${Date.now() - started} ms)`);
  // --triggers (npm run emulator): timer triggers of the built functions (dist/cloudfunctions) fire on the local
  // clock, as in production. Tests and benchmarks that start the CLI directly fire them themselves.
  const runtime = createRuntime({ adminUrl: emulator.adminUrl });
  const triggers = values.triggers ? readTriggers(path.join(REPO_ROOT, 'dist', 'cloudfunctions'), runtime.functionNames()) : [];
  const runner = createTriggerRunner(runtime, triggers, (line) => console.error(line));
  runner.start();
  if (triggers.length) console.log(`timer triggers: ${triggers.map((t) => `${t.functionName}.${t.name} (${t.cron})`).join(', ')}`);
  const shutdown = (signal: string) => {
    runner.stop();
    console.log(`emulator: ${signal}, stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`emulator: ${error.message}`);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
});
