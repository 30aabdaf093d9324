/**
 * `npm run bench:emulator`: figures for the local CloudBase emulator (a script, not a test).
 * The emulator runs as the CLI in a child process; the client is the real wx-server-sdk.
 * Last line: {"updatesPerSec","p95Ms","insertCostRatio","startMs"}.
 * BENCH_EMULATOR_PARTS=updates measures only the conditional updates (about 15 s a run), for many interleaved runs
 * such as fsync on/off (EMULATOR_FSYNC=on|off, read by the emulator CLI) on a machine whose load drifts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSdk, type Database } from '../test/helpers/sdk';
import { startCli, stopCli } from '../test/support/local-cloud';

const CLIENTS = 200;
const UPDATES = 20_000;
const BIG = 20_000;
const INSERTS = 1_000;
const START_DOCS = 100_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const member = (i: number) => ({ rosterNo: `R${i}`, name: `会员${i}`, phone: `1380000${String(i).padStart(4, '0')}`, unit: '县委组织部', joinedAt: new Date(1_600_000_000_000 + i * 1000), tags: ['书法', '太极'] });

async function conditionalUpdates(db: Database): Promise<{ updatesPerSec: number; p95Ms: number; p50Ms: number }> {
  const _ = db.command;
  await db.createCollection('bench_seats');
  const seats = Array.from({ length: 50 }, (_, i) => ({ _id: `s${i}`, taken: 0 }));
  await db.collection('bench_seats').add({ data: seats });
  const latencies: number[] = [];
  let issued = 0;
  const client = async () => {
    while (issued < UPDATES) {
      const id = `s${issued++ % seats.length}`;
      const started = performance.now();
      const result = await db.collection('bench_seats').where({ _id: id, taken: _.lt(1_000_000) }).update({ data: { taken: _.inc(1) } });
      latencies.push(performance.now() - started);
      if (result.stats.updated !== 1) throw new Error('conditional update did not apply');
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { updatesPerSec: Math.round(UPDATES / seconds), p95Ms: +percentile(latencies, 95).toFixed(1), p50Ms: +percentile(latencies, 50).toFixed(1) };
}

async function timeInserts(db: Database, collection: string, tag: string): Promise<number> {
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (next < INSERTS) {
      const i = next++;
      await db.collection(collection).add({ data: { ...member(i), tag } });
    }
  };
  await Promise.all(Array.from({ length: 20 }, client));
  return performance.now() - started;
}

async function fill(db: Database, collection: string, count: number): Promise<void> {
  for (let offset = 0; offset < count; offset += 1000) {
    await db.collection(collection).add({ data: Array.from({ length: Math.min(1000, count - offset) }, (_, k) => member(offset + k)) });
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-bench-'));
  const rows: Array<[string, string]> = [];
  try {
    const first = await startCli(dataDir);
    const { db } = connectSdk(`${first.url}/admin`);

    const updates = await conditionalUpdates(db);
    rows.push([`conditional updates, ${CLIENTS} concurrent clients`, `${updates.updatesPerSec}/s, p50 ${updates.p50Ms} ms, p95 ${updates.p95Ms} ms`]);
    rows.push(['journal fsync (EMULATOR_FSYNC)', process.env.EMULATOR_FSYNC ?? 'on']);
    rows.push(['load average (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(1)).join(' ')]);
    if (process.env.BENCH_EMULATOR_PARTS === 'updates') {
      await stopCli(first);
      console.log(JSON.stringify({ updatesPerSec: updates.updatesPerSec, p95Ms: updates.p95Ms, fsync: process.env.EMULATOR_FSYNC ?? 'on' }));
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }

    await db.createCollection('bench_big');
    await fill(db, 'bench_big', BIG);
    const empty: number[] = [];
    const full: number[] = [];
    for (let round = 0; round < 3; round++) {
      const name = `bench_empty_${round}`;
      await db.createCollection(name);
      empty.push(await timeInserts(db, name, `e${round}`));
      full.push(await timeInserts(db, 'bench_big', `f${round}`));
    }
    const insertCostRatio = +(median(full) / median(empty)).toFixed(2);
    rows.push([`${INSERTS} inserts into an empty collection (median of 3)`, `${median(empty).toFixed(0)} ms`]);
    rows.push([`${INSERTS} inserts into a ${BIG.toLocaleString()}-doc collection (median of 3)`, `${median(full).toFixed(0)} ms`]);
    rows.push(['insert cost ratio (full / empty)', String(insertCostRatio)]);

    await db.createCollection('bench_start');
    await fill(db, 'bench_start', START_DOCS);
    await stopCli(first);
    const replay = await startCli(dataDir); // replays the journal and compacts it into the snapshot
    await stopCli(replay);
    const cold = await startCli(dataDir); // snapshot only
    await stopCli(cold);
    const docsOnDisk = START_DOCS + BIG + 3 * INSERTS * 2 + 50;
    rows.push([`start-up after journal replay (${docsOnDisk.toLocaleString()} docs)`, `${replay.startMs} ms (spawn to ready ${replay.readyMs} ms)`]);
    rows.push([`start-up from snapshot (${docsOnDisk.toLocaleString()} docs)`, `${cold.startMs} ms (spawn to ready ${cold.readyMs} ms)`]);
    const snapshotMb = fs.statSync(path.join(dataDir, 'snapshot.jsonl')).size / 1024 / 1024;
    rows.push(['snapshot size', `${snapshotMb.toFixed(1)} MB`]);

    const width = Math.max(...rows.map(([label]) => label.length));
    console.log('\nLocal CloudBase emulator benchmark');
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    console.log(JSON.stringify({ updatesPerSec: updates.updatesPerSec, p95Ms: updates.p95Ms, insertCostRatio, startMs: cold.startMs }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
