/**
 * importRoster: valid rows are upserted by roster number, bad rows are reported by line.
 * Ownership: the bureau's fields always follow the file; what a member may correct (phone, town, community,
 * skills) follows it only while no WeChat is bound to the entry (then the member keeps it up to date); the binding,
 * emergency contact and preferences are never touched; an erased (注销) entry is not revived. A row equal to what
 * is stored is not written, so re-importing a file changes nothing. A new entry's _id derives from its roster
 * number, so two imports racing write one document. The 党支部 column (when the file has it) puts each party member in
 * the branch of that name, creating a branch the bureau does not have yet (its _id derives from the name).
 */
import { createHash } from 'node:crypto';
import dayjs from 'dayjs';
import {
  ROSTER_FILE_MAX_BYTES,
  ROSTER_MAX_ROWS,
  ROSTER_REJECTED_SHOWN,
  type ImportRosterRequest,
  type ImportRosterResult,
  type RejectedRow,
} from '../../src/shared/contracts-roster';
import type { MemberDoc, PartyBranchDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import type { Db } from '../_lib/db';
import { readFirstSheet, SheetError } from '../_lib/xlsx';
import { insertOnce } from '../_lib/writes';
import { insertCounted } from '../_domain/tallies/tally';
import { boundMemberIds } from './bound';
import { findHeader, parseRoster, type RosterFields, type RosterRow } from './rows';

/** Fields the file always decides. */
const BUREAU_FIELDS = ['name', 'memberType', 'gender', 'birthYear', 'formerUnit', 'partyMember'] as const;
/** Fields the file decides until a member is bound (then the member corrects them). */
const MEMBER_FIELDS = ['phone', 'town', 'community', 'skills'] as const;

const LOOKUP_BATCH = 500;
const WRITE_CONCURRENCY = 8;
/** New entries per transaction (one tally move each). */
const CREATE_BATCH = 100;

/** The _id of a roster entry first created by import. */
export function memberIdFor(rosterNo: string): string {
  return `roster-${createHash('sha256').update(rosterNo).digest('hex').slice(0, 32)}`;
}

function decode(input: ImportRosterRequest): Buffer {
  if (!/\.xlsx$/i.test(input.fileName)) throw new CodedError('ROSTER.BAD_FILE');
  const buffer = Buffer.from(input.contentBase64, 'base64');
  if (buffer.length > ROSTER_FILE_MAX_BYTES) throw new CodedError('INPUT.INVALID', '文件太大了，不能超过2MB，请分成几个文件上传');
  return buffer;
}

async function existingByRosterNo(db: Db, rosterNos: string[]): Promise<Map<string, MemberDoc>> {
  const found = new Map<string, MemberDoc>();
  for (let at = 0; at < rosterNos.length; at += LOOKUP_BATCH) {
    const batch = rosterNos.slice(at, at + LOOKUP_BATCH);
    const docs = await db.find<MemberDoc>('members', { where: { rosterNo: db.command.in(batch) }, limit: 1000 });
    for (const doc of docs) found.set(doc.rosterNo, doc);
  }
  return found;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `row` that differ from what is stored and import may change. */
function changes(stored: MemberDoc, row: RosterFields, bound: boolean): Partial<RosterFields> {
  const owned = bound ? BUREAU_FIELDS : [...BUREAU_FIELDS, ...MEMBER_FIELDS];
  const patch: Record<string, unknown> = {};
  for (const field of owned) if (!same(stored[field], row[field])) patch[field] = row[field];
  return patch as Partial<RosterFields>;
}

/** The _id of a branch first created by import. */
export function branchIdFor(name: string): string {
  return `branch-${createHash('sha256').update(name).digest('hex').slice(0, 24)}`;
}

/** Branch ids by name for the names the file uses, creating the missing branches. */
async function branchIdsByName(db: Db, rows: RosterRow[]): Promise<Map<string, string>> {
  const names = [...new Set(rows.map((row) => row.branch ?? '').filter(Boolean))];
  if (!names.length) return new Map();
  const stored = await db.find<Pick<PartyBranchDoc, '_id' | 'name'>>('partyBranches', { where: { name: db.command.in(names) }, fields: { name: true }, limit: 1000 });
  const ids = new Map(stored.map((doc) => [doc.name, doc._id]));
  const now = new Date();
  for (const name of names) {
    if (ids.has(name)) continue;
    const id = branchIdFor(name);
    await insertOnce(db, 'partyBranches', { _id: id, name, secretaryMemberId: null, secretaryName: null, createdAt: now, updatedAt: now });
    ids.set(name, id);
  }
  return ids;
}

/** The branchId a row asks for (undefined: the file says nothing about branches). */
function branchOf(row: RosterRow, ids: Map<string, string>): string | null | undefined {
  if (row.branch === undefined) return undefined;
  return row.branch ? (ids.get(row.branch) ?? null) : null;
}

type Outcome = 'created' | 'updated' | 'unchanged';

async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * New entries in batches, each inserted with the roster's tally in one transaction (_domain/tallies); a batch that
 * meets an entry made meanwhile (another import) goes one by one. Answers how many it made.
 */
async function insertNew(db: Db, docs: ReadonlyArray<Record<string, unknown> & { _id: string }>): Promise<number> {
  let made = 0;
  for (let k = 0; k < docs.length; k += CREATE_BATCH) {
    const batch = docs.slice(k, k + CREATE_BATCH);
    if (await insertCounted(db, 'members', ...batch)) made += batch.length;
    else for (const doc of batch) made += Number(await insertCounted(db, 'members', doc));
  }
  return made;
}

export async function importRoster(db: Db, input: ImportRosterRequest): Promise<ImportRosterResult> {
  const buffer = decode(input);
  let sheet;
  try {
    sheet = await readFirstSheet(buffer);
  } catch (error) {
    if (error instanceof SheetError) throw new CodedError('ROSTER.BAD_FILE');
    throw error;
  }
  const header = findHeader(sheet.rows);
  if (!header.ok) {
    throw new CodedError('ROSTER.BAD_HEADER', `表格第一行缺少这些列：${header.missing.join('、')}。请按花名册模板填写`);
  }
  const parsed = parseRoster(sheet.rows, header.headerLine, header.columns, dayjs().year());
  if (parsed.rows === 0) throw new CodedError('ROSTER.NO_ROWS');
  if (parsed.rows > ROSTER_MAX_ROWS) throw new CodedError('ROSTER.TOO_MANY_ROWS');

  const stored = await existingByRosterNo(db, parsed.valid.map((row) => row.fields.rosterNo));
  const bound = await boundMemberIds(db, [...stored.values()].map((doc) => doc._id));
  const branchIds = await branchIdsByName(db, parsed.valid);
  const rejected: RejectedRow[] = [...parsed.rejected];
  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 };
  const members = db.raw.collection('members');
  const created: Array<Omit<MemberDoc, 'createdAt'> & { createdAt: unknown }> = [];

  await runPool(parsed.valid, WRITE_CONCURRENCY, async (row: RosterRow) => {
    const { line, fields } = row;
    const branchId = branchOf(row, branchIds);
    const current = stored.get(fields.rosterNo);
    if (current?.erasedAt) {
      rejected.push({ line, rosterNo: fields.rosterNo, name: fields.name, reasons: ['此人已申请注销，个人信息已删除，不再导入'] });
      return;
    }
    if (!current) {
      const doc: Omit<MemberDoc, '_id' | 'createdAt'> = { ...fields, emergencyContact: null, ...(branchId ? { branchId } : {}) };
      created.push({ _id: memberIdFor(fields.rosterNo), ...doc, createdAt: db.serverDate() });
      return;
    }
    const patch: Partial<MemberDoc> = changes(current, fields, bound.has(current._id));
    if (branchId !== undefined && (current.branchId ?? null) !== branchId) patch.branchId = branchId;
    if (Object.keys(patch).length === 0) {
      counts.unchanged++;
      return;
    }
    await members.doc(current._id).update({ data: patch });
    counts.updated++;
  });

  counts.created = await insertNew(db, created);
  rejected.sort((a, b) => a.line - b.line);
  return {
    rows: parsed.rows,
    ...counts,
    rejectedCount: rejected.length,
    rejected: rejected.slice(0, ROSTER_REJECTED_SHOWN),
  };
}
