/**
 * Durability: an append-only journal of write records plus a snapshot, per data dir.
 * - Records of one event-loop turn are group-committed with one fs.writeSync before any answer goes out
 *   (write(2) reaches the OS page cache, which survives kill -9 of this process; power loss is not covered).
 * - One record is one line, so a multi-document write is atomic: a torn last line (killed mid-write) is dropped.
 * - Replaying is idempotent (full-document puts and deletes), so a crash between snapshot rename and journal
 *   truncation loses nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { type Doc } from './ejson';

/** [collection, _id, document or null for a delete] */
export type Op = [string, string, Doc | null];
export type JournalRecord = { c: string } | { o: Op[] };

export interface LoadedState {
  collections: Map<string, Map<string, Doc>>;
  journalBytes: number;
}

const SNAPSHOT = 'snapshot.jsonl';
const JOURNAL = 'journal.jsonl';
const COMPACT_MIN_BYTES = 64 * 1024 * 1024;

const parseLine = (line: string): unknown => EJSON.parse(line, { relaxed: true });
const encodeLine = (record: unknown): string => EJSON.stringify(record, { relaxed: true }) + '\n';

function applyRecord(collections: Map<string, Map<string, Doc>>, record: JournalRecord): void {
  if ('c' in record) {
    if (!collections.has(record.c)) collections.set(record.c, new Map());
    return;
  }
  for (const [name, id, doc] of record.o) {
    let docs = collections.get(name);
    if (!docs) collections.set(name, (docs = new Map()));
    if (doc) docs.set(id, doc);
    else docs.delete(id);
  }
}

function readLines(file: string): { lines: string[]; tornTail: boolean } {
  if (!fs.existsSync(file)) return { lines: [], tornTail: false };
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  return { lines: lines.filter((line) => line.length > 0), tornTail: last.length > 0 };
}

export class Journal {
  private fd: number;
  private pending: string[] = [];
  private waiting: Array<() => void> = [];
  private scheduled = false;
  private bytes = 0;
  private snapshotBytes = 0;
  /** set by the store: produces the full state for compaction */
  snapshotSource: (() => Iterable<[string, Iterable<Doc>]>) | undefined;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.fd = -1;
  }

  /** Reads snapshot + journal (tolerating a torn last journal line), then compacts them into a new snapshot. */
  load(): LoadedState {
    const collections = new Map<string, Map<string, Doc>>();
    const snapshotFile = path.join(this.dir, SNAPSHOT);
    for (const line of readLines(snapshotFile).lines) {
      const entry = parseLine(line) as { c: string; d?: Doc };
      let docs = collections.get(entry.c);
      if (!docs) collections.set(entry.c, (docs = new Map()));
      if (entry.d) docs.set(String(entry.d._id), entry.d);
    }
    const journalFile = path.join(this.dir, JOURNAL);
    const { lines, tornTail } = readLines(journalFile);
    lines.forEach((line, index) => {
      let record: JournalRecord;
      try {
        record = parseLine(line) as JournalRecord;
      } catch (error) {
        // Only the very last line can be torn by a crash; anything else is corruption.
        if (index === lines.length - 1 && !tornTail) return;
        throw new Error(`journal ${journalFile} is corrupt at line ${index + 1}: ${(error as Error).message}`);
      }
      applyRecord(collections, record);
    });
    const journalBytes = fs.existsSync(journalFile) ? fs.statSync(journalFile).size : 0;
    if (journalBytes > 0 || !fs.existsSync(snapshotFile)) {
      this.writeSnapshot(Array.from(collections, ([name, docs]) => [name, docs.values()] as [string, Iterable<Doc>]));
    }
    else this.snapshotBytes = fs.statSync(snapshotFile).size;
    this.fd = fs.openSync(journalFile, 'w');
    this.bytes = 0;
    return { collections, journalBytes };
  }

  append(record: JournalRecord): void {
    this.pending.push(encodeLine(record));
    this.schedule();
  }

  /** Calls done once every record appended so far is written. */
  afterFlush(done: () => void): void {
    if (this.pending.length === 0) return done();
    this.waiting.push(done);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length > 0) {
      const chunk = Buffer.from(this.pending.join(''), 'utf8');
      this.pending = [];
      let written = 0;
      while (written < chunk.length) written += fs.writeSync(this.fd, chunk, written);
      this.bytes += chunk.length;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
    if (this.bytes > Math.max(COMPACT_MIN_BYTES, 2 * this.snapshotBytes)) this.compact();
  }

  /** Rewrites the snapshot from the live state and empties the journal. */
  compact(): void {
    if (!this.snapshotSource) return;
    this.writeSnapshot(this.snapshotSource());
    fs.ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  private writeSnapshot(collections: Iterable<[string, Iterable<Doc>]>): void {
    const file = path.join(this.dir, SNAPSHOT);
    const temp = `${file}.tmp`;
    const fd = fs.openSync(temp, 'w');
    let size = 0;
    let buffer: string[] = [];
    const spill = () => {
      const chunk = Buffer.from(buffer.join(''), 'utf8');
      fs.writeSync(fd, chunk);
      size += chunk.length;
      buffer = [];
    };
    for (const [name, docs] of collections) {
      buffer.push(encodeLine({ c: name }));
      for (const doc of docs) {
        buffer.push(encodeLine({ c: name, d: doc }));
        if (buffer.length >= 2000) spill();
      }
    }
    spill();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
    this.snapshotBytes = size;
  }

  close(): void {
    this.flush();
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
}
