/**
 * One writer per data folder: `<dataDir>/emulator.lock` holds the pid of the emulator that owns the folder.
 * Created with O_EXCL, so of two processes starting at once exactly one wins. A lock whose pid is no longer alive
 * (the owner was killed) is taken over; a live owner makes the newcomer fail with a DataDirLockedError that names it,
 * before any other file in the folder is opened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'emulator.lock';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `data folder ${dataDir} is in use by another emulator: pid ${owner.pid} on ${owner.host}` +
        `${owner.url ? ` at ${owner.url}` : ''}, since ${owner.since}. ` +
        `Stop that process (kill ${owner.pid}) or start with another --data folder; nothing was changed.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

export interface DataDirLock {
  /** Records where the owner answers, for the message a second process gets. */
  describe(url: string): void;
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(owner));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    let holder = readOwner(file);
    if (!holder) {
      // Possibly created a moment ago and not yet written: look again before calling it stale.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      holder = readOwner(file);
    }
    // A lock from another host is kept: its pid means nothing here.
    if (holder && (holder.host !== owner.host || alive(holder.pid))) throw new DataDirLockedError(dataDir, holder);
    // Stale: move it away under a unique name (atomic), so two newcomers cannot both take it over.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue; // someone else moved it first; retry the exclusive create
    }
    const moved = readOwner(aside);
    if (moved && holder && moved.pid !== holder.pid) {
      // A newcomer took the stale lock over between our read and our rename: give it back.
      try {
        fs.linkSync(aside, file);
      } catch {
        // it made yet another one; either way the folder is someone else's now
      }
      fs.rmSync(aside, { force: true });
      throw new DataDirLockedError(dataDir, moved);
    }
    fs.rmSync(aside, { force: true });
  }
  let held = true;
  return {
    describe(url) {
      if (held) fs.writeFileSync(file, JSON.stringify({ ...owner, url }));
    },
    release() {
      if (!held) return;
      held = false;
      if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
