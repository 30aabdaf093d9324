/**
 * What the burst benchmarks share: the emulator CLI in a child process on a fresh data dir, the bundled functions
 * run in this process through local/runtime, demo members seeded through the real SDK, and the figures printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';
import { createRuntime, type Runtime } from '../local/runtime';
import { connectSdk, type Database } from '../test/helpers/sdk';
import { startCli } from '../test/support/local-cloud';


export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
/**
 * BENCH_TIMEOUT_SCALE=n stretches the functions' time limits n-fold (default 1): on a machine shared with other
 * work, a burst's last calls wait behind the whole burst in this one process, and time out at 10 s although each
 * call's own work is a few milliseconds. Report it with the figures when used.
 */
export const TIMEOUT_SCALE = Math.max(1, Number(process.env.BENCH_TIMEOUT_SCALE ?? 1) || 1);
export const sum = (stats: Record<string, number>) => Object.values(stats).reduce((a, b) => a + b, 0);

export interface Bench {
  db: Database;
  runtime: Runtime;
  /** the emulator's base URL (its /_local endpoints: stats, outbox) */
  emulatorUrl: string;
}

/** Builds the functions, starts the emulator, runs the bench and always stops and cleans up; a failure exits 1. */
export function runBench(name: string, run: (bench: Bench) => Promise<void>): void {
  const main = async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ylt-bench-${name}-`));
    await buildFunctions();
    const emulator = await startCli(dataDir);
    const adminUrl = `${emulator.url}/admin`;
    try {
      await run({ db: connectSdk(adminUrl).db, runtime: createRuntime({ adminUrl, timeoutScale: TIMEOUT_SCALE }), emulatorUrl: emulator.url });
    } finally {
      emulator.child.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

/** Bound members (members + accounts, memberId `m-<openid>`), in chunks as a roster import stores them. */
export async function seedMembers(db: Database, openids: string[], chunkSize = 500): Promise<void> {
  for (let from = 0; from < openids.length; from += chunkSize) {
    const chunk = openids.slice(from, from + chunkSize);
    await db.collection('members').add({ data: chunk.map((o) => ({ _id: `m-${o}`, rosterNo: `R-${o}`, name: `成员${o}`, town: '城关镇', skills: [] })) });
    await db.collection('accounts').add({
      data: chunk.map((o) => ({ _id: `acc-${o}`, openid: o, role: 'member', name: `成员${o}`, memberId: `m-${o}`, actsFor: null, leads: [], bindingKey: `m-${o}`, createdAt: new Date() })),
    });
  }
}

/** The figures as a two-column table under a title, then the machine-readable result as the last line. */
export function printFigures(title: string, rows: [string, string | number | boolean][], result: object): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}\n`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  console.log(JSON.stringify(result));
}
