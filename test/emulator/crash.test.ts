/**
 * Durability: the CLI emulator in a child process takes a burst of inserts and is killed with SIGKILL mid-burst;
 * after a restart on the same data dir every acknowledged insert is there.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectSdk } from '../helpers/sdk';
import { startCli } from '../support/local-cloud';

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

test('every acknowledged insert survives kill -9; restart tolerates the torn journal tail', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-crash-'));
  try {
    const first = await startCli(dataDir);
    const { db } = connectSdk(`${first.url}/admin`);
    await db.createCollection('burst');
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const { _id } = await db.collection('burst').add({ data: { _id: `w${w}-${i}`, payload: 'x'.repeat(200) } });
          acknowledged.push(_id);
        } catch {
          return; // the emulator is gone
        }
      }
    };
    const writers = Array.from({ length: 20 }, (_, w) => writer(w));
    while (acknowledged.length < 1500) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await exited(first.child);
    stop = true;
    await Promise.all(writers);

    // A half-written record, as a kill in the middle of write(2) would leave it.
    fs.appendFileSync(path.join(dataDir, 'journal.jsonl'), '{"o":[["burst","torn",{"_id":"to');

    const second = await startCli(dataDir);
    try {
      const { db: again } = connectSdk(`${second.url}/admin`);
      const ids = new Set<string>();
      const total = (await again.collection('burst').count()).total as number;
      for (let offset = 0; offset < total; offset += 1000) {
        const { data } = await again.collection('burst').skip(offset).limit(1000).field({ _id: true }).get();
        for (const doc of data as Array<{ _id: string }>) ids.add(doc._id);
      }
      const lost = acknowledged.filter((id) => !ids.has(id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(1500);
      expect(lost).toEqual([]);
      expect(ids.has('torn')).toBe(false);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
