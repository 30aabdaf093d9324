/**
 * The staff audit log (staffAudit collection): every staff write, who, what, when, and each changed document's
 * fields before and after. One mechanism: an action declares `audit` in its createHandler definition (which
 * documents it writes, from its input or its answer) and createHandler reads them before and after the run and
 * records one entry. A run that changes nothing (a repeated, idempotent call) records nothing; a failed run
 * records nothing either. Separate from auditLog, which members read about helpers acting for them.
 *
 * Concurrent repeats (a double tap, a retry) are recorded once: each action writes on the expected state (a
 * conditional update), so only one of them changes the document, but all of them may have read it before that
 * change and would each see it. The entry's _id is therefore derived from what changed (action, documents, fields
 * before and after, written timestamps included): the repeats compute the same id and the unique _id keeps one.
 */
import { createHash } from 'node:crypto';
import type { CollectionName } from '../../src/shared/collections';
import type { AccountDoc, StaffAuditChange } from '../../src/shared/documents';
import type { Db } from './db';
import { insertOne, isDuplicateKey } from './writes';

export interface AuditRef {
  collection: CollectionName;
  id: string;
}

export interface AuditSpec<Req, Res> {
  /** documents the action may change, known from its input (read before and after) */
  targets?: (input: Req) => AuditRef[];
  /** documents the action created, known from its answer (read after) */
  created?: (output: Res, input: Req) => AuditRef[];
  /** writes to many documents (an import): what the answer says was done */
  summary?: (output: Res, input: Req) => Record<string, unknown>;
}

/** The common case: the action changes one document whose id is in the input. */
export function auditDoc<Req>(collection: CollectionName, idOf: (input: Req) => string): AuditSpec<Req, unknown> {
  return { targets: (input) => [{ collection, id: idOf(input) }] };
}

type Doc = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A write's own time stamp: a change of it alone is no change (a repeated save). */
const STAMP = 'updatedAt';

/** The fields that differ (the whole document when one side is missing); none when only the time stamp moved. */
export function diff(before: Doc | null, after: Doc | null): Pick<StaffAuditChange, 'before' | 'after'> | null {
  if (!before || !after) return before === after ? null : { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  if (keys.every((key) => key === STAMP)) return null;
  const pick = (doc: Doc) => Object.fromEntries(keys.map((key) => [key, doc[key] ?? null]));
  return { before: pick(before), after: pick(after) };
}

/** A save action: it edits the document named by `idOf(input)`, or creates one (its id is the answer's `id`). */
export function auditSaved<Req>(collection: CollectionName, idOf: (input: Req) => string | undefined): AuditSpec<Req, { id: string }> {
  return {
    targets: (input) => {
      const id = idOf(input);
      return id ? [{ collection, id }] : [];
    },
    created: (output, input) => (idOf(input) ? [] : [{ collection, id: output.id }]),
  };
}

const read = (db: Db, refs: AuditRef[]) => Promise.all(refs.map((ref) => db.byId<Doc>(ref.collection, ref.id)));

/** Runs an audited write: reads its documents before and after, and records what changed. */
export async function runAudited<Req, Res>(
  db: Db,
  actor: AccountDoc,
  action: string,
  spec: AuditSpec<Req, Res>,
  input: Req,
  run: () => Promise<Res>,
): Promise<Res> {
  const targets = spec.targets?.(input) ?? [];
  const before = await read(db, targets);
  const output = await run();
  const created = spec.created?.(output, input) ?? [];
  const refs = [...targets, ...created];
  const after = await read(db, refs);
  const changes: StaffAuditChange[] = [];
  refs.forEach((ref, i) => {
    const change = diff(i < targets.length ? (before[i] ?? null) : null, after[i] ?? null);
    if (change) changes.push({ collection: ref.collection, id: ref.id, ...change });
  });
  const summary = spec.summary?.(output, input) ?? null;
  if (changes.length > 0 || summary) {
    const entry = { action, actorOpenid: actor.openid, actorName: actor.name, actorRole: actor.role, at: db.serverDate(), changes, summary };
    // a summary (an import) is one real run each time; a change is keyed by what changed (see above)
    const data = summary ? entry : { _id: changeKey(action, changes), ...entry };
    try {
      await insertOne(db, 'staffAudit', data);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return output;
}

/** The id of an entry recording these changes: equal for concurrent repeats that saw the same change. */
export function changeKey(action: string, changes: StaffAuditChange[]): string {
  // concurrent repeats of a save each stamp their own updatedAt: the stamp written is left out, the one read kept
  // (so a later, separate save of the same values, which read a newer stamp, is a new entry)
  const keyed = changes.map(({ after, ...rest }) => ({ ...rest, after: after && { ...after, [STAMP]: undefined } }));
  return `chg-${createHash('sha256').update(JSON.stringify([action, keyed])).digest('hex').slice(0, 40)}`;
}
