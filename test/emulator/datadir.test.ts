/**
 * One writer per data folder, and recovery that never bricks (issue 17 item 7):
 * - a second emulator on the same folder is told which process holds it and exits without touching a file;
 *   a lock left by a killed process is taken over;
 * - the journal is appended to, so a truncation under a running writer leaves no hole of NUL bytes;
 * - a damaged journal (NUL runs, torn lines in the middle) is copied aside and every valid record before and after
 *   the damage is recovered, with what was skipped in the log;
 * - records written after a compaction while running survive a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../local/emulator';
import { DataDirLockedError, LOCK_FILE } from '../../local/emulator/lock';
import { connectSdk } from '../helpers/sdk';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'local', 'emulator', 'cli.ts');

interface Cli {
  child: ChildProcess;
  url?: string;
  output: () => string;
  exit: Promise<number | null>;
}

function runCli(dataDir: string): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data', dataDir], { cwd: ROOT });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function listening(cli: Cli): Promise<string> {
  for (;;) {
    const match = /http:\/\/127\.0\.0\.1:\d+/.exec(cli.output());
    if (match) return match[0];
    const done = await Promise.race([cli.exit.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);
    if (done) throw new Error(`emulator exited: ${cli.output()}`);
  }
}

/** Name, size and content of every file in a folder (recursively). */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    state[path.relative(dir, file)] = `${fs.statSync(file).mtimeMs}:${fs.readFileSync(file).toString('base64')}`;
  }
  return state;
}

const tempDir = (tag: string) => fs.mkdtempSync(path.join(os.tmpdir(), `ylt-${tag}-`));
const rec = (collection: string, id: string, doc: object = {}) => JSON.stringify({ o: [[collection, id, { _id: id, ...doc }]] });

test('a second emulator on the same folder names the holder and touches nothing; a dead holder is taken over', async () => {
  const dataDir = tempDir('lock');
  const first = runCli(dataDir);
  try {
    const url = await listening(first);
    const { db } = connectSdk(`${url}/admin`);
    await db.collection('members').add({ data: { _id: 'm1', rosterNo: 'R1' } });
    const before = folderState(dataDir);

    const second = runCli(dataDir);
    expect(await second.exit).toBe(3);
    expect(second.output()).toContain(`in use by another emulator: pid ${first.child.pid}`);
    expect(second.output()).toContain(url);
    expect(folderState(dataDir)).toEqual(before);

    // The first keeps working, and in-process starts are refused the same way.
    await db.collection('members').add({ data: { _id: 'm2', rosterNo: 'R2' } });
    await expect(startEmulator({ port: 0, dataDir })).rejects.toBeInstanceOf(DataDirLockedError);

    // Killed: its lock stays behind with a dead pid and is taken over.
    first.child.kill('SIGKILL');
    await first.exit;
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const third = await startEmulator({ port: 0, dataDir, log: () => undefined });
    try {
      const { db: db3 } = connectSdk(third.adminUrl);
      expect((await db3.collection('members').count()).total).toBe(2);
    } finally {
      await third.stop();
    }
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  } finally {
    first.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('truncating the journal under a running writer leaves no hole; later records survive a restart', async () => {
  const dataDir = tempDir('truncate');
  try {
    const emulator = await startEmulator({ port: 0, dataDir });
    const { db } = connectSdk(emulator.adminUrl);
    await db.createCollection('burst');
    for (let i = 0; i < 50; i++) await db.collection('burst').add({ data: { _id: `a${i}`, payload: 'x'.repeat(300) } });
    fs.truncateSync(path.join(dataDir, 'journal.jsonl'), 0); // what a second process opening it with 'w' did
    for (let i = 0; i < 20; i++) await db.collection('burst').add({ data: { _id: `b${i}`, payload: 'y'.repeat(300) } });
    await emulator.stop();

    const text = fs.readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8');
    expect(text.includes('\0')).toBe(false);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(20);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const logged: string[] = [];
    const again = await startEmulator({ port: 0, dataDir, log: (line) => logged.push(line) });
    try {
      expect(again.recoveries).toEqual([]);
      const { db: db2 } = connectSdk(again.adminUrl);
      const ids = (await db2.collection('burst').limit(1000).get()).data.map((d: { _id: string }) => d._id);
      for (let i = 0; i < 20; i++) expect(ids).toContain(`b${i}`);
    } finally {
      await again.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('NUL runs and torn lines in the middle: the journal is copied aside, every valid record is recovered', async () => {
  const dataDir = tempDir('damaged');
  try {
    const journal = [
      '\0'.repeat(300_000) + rec('members', 'n1', { rosterNo: 'N1' }), // the two-writer case: a hole, then the old writer's record
      rec('members', 'n2', { rosterNo: 'N2' }),
      '{"o":[["members","torn1",{"_id":"to', // torn in the middle, followed by a newline
      rec('members', 'n3', { rosterNo: 'N3' }),
      '{"o":[["members","torn2",{"_i' + rec('members', 'n4', { rosterNo: 'N4' }), // torn, then a record on the same line
      'x\0\0\0' + rec('members', 'n5', { rosterNo: 'N5' }) + '\0\0',
      JSON.stringify({ o: [['members', 'n2', null]] }), // later records still apply in order: n2 deleted
      rec('members', 'n6', { rosterNo: 'N6' }),
      '{"o":[["members","tail",{"_id":"ta', // a torn last line: dropped quietly
    ].join('\n');
    fs.writeFileSync(path.join(dataDir, 'journal.jsonl'), journal);
    const logged: string[] = [];
    const emulator = await startEmulator({ port: 0, dataDir, log: (line) => logged.push(line) });
    try {
      const { db } = connectSdk(emulator.adminUrl);
      const ids = (await db.collection('members').get()).data.map((d: { _id: string }) => d._id).sort();
      expect(ids).toEqual(['n1', 'n3', 'n4', 'n5', 'n6']);

      expect(emulator.recoveries).toHaveLength(1);
      const [recovery] = emulator.recoveries;
      expect(fs.readFileSync(recovery.copiedTo, 'utf8')).toBe(journal);
      expect(recovery.recovered).toBe(7);
      expect(recovery.skipped.map((s) => s.line)).toEqual([1, 3, 5, 6]);
      expect(recovery.skipped[0].nulBytes).toBe(300_000);
      const log = logged.join('\n');
      expect(log).toContain('journal.jsonl was damaged');
      expect(log).toContain(path.basename(recovery.copiedTo));
      expect(log).toMatch(/line 1: 300000 bytes skipped \(300000 NUL\)/);
      expect(log).toMatch(/line 3: \d+ bytes skipped/);
      expect(log).toContain('torn last line');

      // The recovered state is the new base: writes go on and survive the next start, which finds nothing damaged.
      await db.collection('members').add({ data: { _id: 'n7', rosterNo: 'N7' } });
    } finally {
      await emulator.stop();
    }
    const again = await startEmulator({ port: 0, dataDir, log: () => undefined });
    try {
      expect(again.recoveries).toEqual([]);
      const { db } = connectSdk(again.adminUrl);
      expect((await db.collection('members').count()).total).toBe(6);
    } finally {
      await again.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('records written after a compaction while running survive a restart', async () => {
  const dataDir = tempDir('compact');
  try {
    const emulator = await startEmulator({ port: 0, dataDir, compactMinBytes: 4096 });
    const { db } = connectSdk(emulator.adminUrl);
    await db.createCollection('burst');
    const snapshot = path.join(dataDir, 'snapshot.jsonl');
    const snapshotBefore = fs.statSync(snapshot).size;
    for (let i = 0; i < 60; i++) await db.collection('burst').add({ data: { _id: `c${i}`, payload: 'z'.repeat(400) } });
    expect(fs.statSync(snapshot).size).toBeGreaterThan(snapshotBefore + 4096); // compacted while running
    const journalBytes = fs.statSync(path.join(dataDir, 'journal.jsonl')).size;
    expect(journalBytes).toBeLessThan(60 * 400);
    await db.collection('burst').where({ _id: 'c0' }).update({ data: { payload: 'after' } });
    await db.collection('burst').doc('c1').remove();
    await emulator.stop();
    expect(fs.readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8').includes('\0')).toBe(false);

    const again = await startEmulator({ port: 0, dataDir });
    try {
      expect(again.recoveries).toEqual([]);
      const { db: db2 } = connectSdk(again.adminUrl);
      expect((await db2.collection('burst').count()).total).toBe(59);
      expect((await db2.collection('burst').doc('c0').get()).data.payload).toBe('after');
      expect((await db2.collection('burst').doc('c59').get()).data._id).toBe('c59');
    } finally {
      await again.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
