/**
 * Durability: an append-only journal of write records plus a snapshot, per data dir.
 * - Group commit: the records that arrived since the last round are written at once and fdatasynced (in the
 *   background, while requests keep coming) before any of their answers goes out, so an acknowledged write survives
 *   kill -9 and power loss (fsync: false keeps only the kill -9 guarantee).
 * - The journal is opened in append mode: even if something else truncates it, later records land at its end and
 *   never behind a hole of NUL bytes.
 * - One record is one line, so a multi-document write is atomic: a torn last line (killed mid-write) is dropped.
 * - Damage anywhere (NUL runs, torn lines in the middle) never stops a start: the file is copied aside, every valid
 *   record before and after the damage is recovered, and what was skipped is logged.
 * - Replaying is idempotent (full-document puts and deletes), so a crash between snapshot rename and journal
 *   truncation loses nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { type Doc } from './ejson';
import { docKey } from './ids';

/** [collection, _id, document or null for a delete] */
export type Op = [string, string, Doc | null];
export type JournalRecord = { c: string } | { o: Op[] };

export interface LoadedState {
  collections: Map<string, Map<string, Doc>>;
  journalBytes: number;
  /** damaged files found at start: where the original was copied and what could not be read */
  recoveries: Recovery[];
}

/** A stretch of a file that held no readable record. line is 1-based. */
export interface Skipped {
  line: number;
  bytes: number;
  nulBytes: number;
  preview: string;
}

export interface Recovery {
  file: string;
  copiedTo: string;
  recovered: number;
  skipped: Skipped[];
}

export interface JournalOptions {
  /** fdatasync the journal before any answer (power-loss safe). Default true. */
  fsync?: boolean;
  /** compact once the journal grows past this many bytes (and twice the snapshot). Default 64 MB. */
  compactMinBytes?: number;
  /** where recovery notes go; default console.warn */
  log?: (line: string) => void;
}

const SNAPSHOT = 'snapshot.jsonl';
const JOURNAL = 'journal.jsonl';
const COMPACT_MIN_BYTES = 64 * 1024 * 1024;

const parseLine = (line: string): unknown => EJSON.parse(line, { relaxed: true });
const encodeLine = (record: unknown): string => EJSON.stringify(record, { relaxed: true }) + '\n';

const isObject = (value: unknown): value is Doc => value !== null && typeof value === 'object' && !Array.isArray(value);

const isJournalRecord = (value: unknown): value is JournalRecord =>
  isObject(value) &&
  (typeof value.c === 'string' ||
    (Array.isArray(value.o) &&
      value.o.every((op) => Array.isArray(op) && typeof op[0] === 'string' && typeof op[1] === 'string' && (op[2] === null || isObject(op[2])))));

type SnapshotEntry = { c: string; d?: Doc };
const isSnapshotEntry = (value: unknown): value is SnapshotEntry =>
  isObject(value) && typeof value.c === 'string' && (value.d === undefined || (isObject(value.d) && value.d._id !== undefined));

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

function tryParse<T>(text: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const value = parseLine(text);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const RECORD_START = /\{"[cod]":/g;
const countNul = (text: string) => text.length - text.replaceAll('\0', '').length;

/**
 * Every valid record of a file, in order, and what was skipped. A damaged line (a run of NUL bytes left by a
 * truncation under a writer, a torn write followed by later appends) is split at NUL runs, and within each piece the
 * first record start from which the rest parses is kept. A torn last line (no newline: killed mid-write) is dropped
 * without counting as damage.
 */
export function scanRecords<T>(text: string, valid: (value: unknown) => value is T): { records: T[]; skipped: Skipped[]; tornTail: number } {
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const records: T[] = [];
  const skipped: Skipped[] = [];
  lines.forEach((line, index) => {
    if (line.length === 0) return;
    const whole = tryParse(line, valid);
    if (whole !== undefined) return void records.push(whole);
    let lost = countNul(line);
    let lostText = '';
    for (const piece of line.split(/\0+/)) {
      if (piece.length === 0) continue;
      const direct = tryParse(piece, valid);
      if (direct !== undefined) {
        records.push(direct);
        continue;
      }
      let from = -1;
      for (const start of piece.matchAll(RECORD_START)) {
        if (start.index === 0) continue;
        const record = tryParse(piece.slice(start.index), valid);
        if (record !== undefined) {
          records.push(record);
          from = start.index;
          break;
        }
      }
      const dropped = from < 0 ? piece : piece.slice(0, from);
      lost += Buffer.byteLength(dropped);
      lostText += dropped;
    }
    const nulBytes = countNul(line);
    const preview = JSON.stringify((nulBytes > 0 ? `${nulBytes}×NUL ` : '') + lostText.slice(0, 60));
    skipped.push({ line: index + 1, bytes: lost, nulBytes, preview });
  });
  return { records, skipped, tornTail: Buffer.byteLength(tail) };
}

function fsyncDir(dir: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported on this platform or filesystem
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

export class Journal {
  private fd: number;
  private pending: string[] = [];
  private waiting: Array<() => void> = [];
  private scheduled = false;
  /** a background fdatasync is running; inFlight are the answers waiting for it */
  private syncing = false;
  private inFlight: Array<() => void> = [];
  private bytes = 0;
  private snapshotBytes = 0;
  private readonly fsync: boolean;
  private readonly compactMinBytes: number;
  private readonly log: (line: string) => void;
  /** set by the store: produces the full state for compaction */
  snapshotSource: (() => Iterable<[string, Iterable<Doc>]>) | undefined;

  constructor(
    readonly dir: string,
    options: JournalOptions = {},
  ) {
    this.fd = -1;
    this.fsync = options.fsync ?? true;
    this.compactMinBytes = options.compactMinBytes ?? COMPACT_MIN_BYTES;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** Reads a file's records; a damaged file is first copied aside and what was skipped is logged. */
  private readFile<T>(file: string, valid: (value: unknown) => value is T, recoveries: Recovery[]): T[] {
    if (!fs.existsSync(file)) return [];
    const raw = fs.readFileSync(file);
    const { records, skipped, tornTail } = scanRecords(raw.toString('utf8'), valid);
    const name = path.basename(file);
    if (tornTail > 0) this.log(`emulator: ${name}: ignored a torn last line of ${tornTail} bytes (a write cut short by a crash)`);
    if (skipped.length === 0) return records;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const copiedTo = path.join(this.dir, `${name.replace(/\.jsonl$/, '')}.damaged-${stamp}.jsonl`);
    fs.writeFileSync(copiedTo, raw);
    const bytes = skipped.reduce((sum, s) => sum + s.bytes, 0);
    this.log(
      `emulator: ${name} was damaged; the original is copied to ${path.basename(copiedTo)}. ` +
        `Recovered ${records.length} records; skipped ${bytes} unreadable bytes on ${skipped.length} line(s):`,
    );
    for (const s of skipped.slice(0, 20)) this.log(`  line ${s.line}: ${s.bytes} bytes skipped (${s.nulBytes} NUL) ${s.preview}`);
    if (skipped.length > 20) this.log(`  … and ${skipped.length - 20} more lines`);
    recoveries.push({ file, copiedTo, recovered: records.length, skipped });
    return records;
  }

  /**
   * Reads snapshot + journal, recovering every valid record around damaged stretches, compacts them into a new
   * snapshot and opens an empty journal in append mode.
   */
  load(): LoadedState {
    const collections = new Map<string, Map<string, Doc>>();
    const recoveries: Recovery[] = [];
    const snapshotFile = path.join(this.dir, SNAPSHOT);
    for (const entry of this.readFile(snapshotFile, isSnapshotEntry, recoveries)) {
      let docs = collections.get(entry.c);
      if (!docs) collections.set(entry.c, (docs = new Map()));
      if (entry.d) docs.set(docKey(entry.d._id), entry.d);
    }
    const journalFile = path.join(this.dir, JOURNAL);
    for (const record of this.readFile(journalFile, isJournalRecord, recoveries)) applyRecord(collections, record);
    const journalBytes = fs.existsSync(journalFile) ? fs.statSync(journalFile).size : 0;
    if (journalBytes > 0 || recoveries.length > 0 || !fs.existsSync(snapshotFile)) {
      this.writeSnapshot(Array.from(collections, ([name, docs]) => [name, docs.values()] as [string, Iterable<Doc>]));
    }
    else this.snapshotBytes = fs.statSync(snapshotFile).size;
    this.fd = fs.openSync(journalFile, 'a');
    fs.ftruncateSync(this.fd, 0);
    if (this.fsync) fs.fdatasyncSync(this.fd);
    this.bytes = 0;
    return { collections, journalBytes, recoveries };
  }

  append(record: JournalRecord): void {
    this.pending.push(encodeLine(record));
    this.schedule();
  }

  /** Calls done once every record appended so far is written (and, with fsync, on disk). */
  afterFlush(done: () => void): void {
    if (this.pending.length > 0) {
      this.waiting.push(done);
      this.schedule();
    } else if (this.syncing) this.inFlight.push(done); // what it may have read is still being synced
    else done();
  }

  private schedule(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    setImmediate(() => this.commit());
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    let written = 0;
    while (written < chunk.length) written += fs.writeSync(this.fd, chunk, written);
    this.bytes += chunk.length;
  }

  private maybeCompact(): void {
    if (this.bytes > Math.max(this.compactMinBytes, 2 * this.snapshotBytes)) this.compact();
  }

  /**
   * Group commit: every record appended since the last round is written at once, then one fdatasync runs in the
   * background while the server keeps taking requests; their records make up the next round. Answers go out only
   * after their round is on disk.
   */
  private commit(): void {
    this.scheduled = false;
    if (this.fd < 0) return;
    this.writePending();
    const waiting = this.waiting;
    this.waiting = [];
    if (!this.fsync) {
      for (const done of waiting) done();
      this.maybeCompact();
      return;
    }
    this.syncing = true;
    this.inFlight = waiting;
    fs.fdatasync(this.fd, (error) => {
      this.syncing = false;
      if (error && this.fd >= 0) this.log(`emulator: fdatasync of the journal failed: ${error.message}`);
      const released = this.inFlight;
      this.inFlight = [];
      for (const done of released) done();
      if (this.fd < 0) return;
      this.maybeCompact();
      if (this.pending.length > 0 || this.waiting.length > 0) this.schedule();
    });
  }

  /** Writes and syncs everything now (start-up, shutdown). */
  flush(): void {
    this.scheduled = false;
    this.writePending();
    if (this.fsync) fs.fdatasyncSync(this.fd);
    const waiting = [...this.inFlight, ...this.waiting];
    this.inFlight = [];
    this.waiting = [];
    for (const done of waiting) done();
    this.maybeCompact();
  }

  /** Rewrites the snapshot from the live state and empties the journal. */
  compact(): void {
    if (!this.snapshotSource) return;
    this.writeSnapshot(this.snapshotSource());
    fs.ftruncateSync(this.fd, 0);
    if (this.fsync) fs.fdatasyncSync(this.fd);
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
    if (this.fsync) fsyncDir(this.dir);
    this.snapshotBytes = size;
  }

  close(): void {
    this.flush();
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
}
