/**
 * Boundary fuzz: for every action of every function (enumerated from the shared schemas, which `satisfies` the
 * contracts), generated malformed payloads — wrong types, huge strings, operator objects, inherited names, control
 * and direction characters — get a coded INPUT.* error and change nothing: every collection reads the same
 * afterwards, the emulator counted no write, and no message went out (the outbox).
 */
import fc from 'fast-check';
import { COLLECTIONS } from '../../src/shared/collections';
import { schemas } from '../../src/shared/schemas';
import { account, activity, member, notice } from './fixtures';
import { insert, startCloud, type CloudHarness } from './harness';
import * as local from '../support/local-cloud';

let cloud: CloudHarness;
const OPENID = 'o-staff';

/** Every (function, action, field names) the product answers. */
const ACTIONS = Object.entries(schemas).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, { entries?: Record<string, unknown> }>).map(([action, schema]) => ({
    fn,
    action,
    fields: Object.keys(schema.entries ?? {}),
  })),
);

const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
const CONTROL = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u0008'];
/** Values no field of any action accepts. */
const BAD_VALUES: unknown[] = [
  { $gt: '' },
  { $where: '1' },
  12345.5,
  -1e308,
  '\u0000\u0007\u001b[2J',
  '\u200b\u200d\ufeff',
  '长'.repeat(5001),
  ['\u202e\u0000'],
  [{ $ne: null }],
  { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } },
];

const badValue = fc.oneof(
  fc.constantFrom(...BAD_VALUES),
  // only control characters: refused by text fields, emptied (and so refused) by search keywords
  fc.array(fc.constantFrom(...CONTROL), { minLength: 1, maxLength: 8 }).map((chars) => chars.join('')),
  fc.double({ noInteger: true, noNaN: true }).filter((n) => Number.isFinite(n)),
  fc.dictionary(fc.constantFrom('$gt', '$ne', '$in', '$regex', '$exists'), fc.jsonValue(), { minKeys: 1, maxKeys: 2 }),
);

/** A malformed payload for an action with these fields. */
const malformed = (fields: string[]) =>
  fc.oneof(
    // not an object at all
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 })),
    // an inherited name or an operator as a key, next to fields of any kind
    fc.tuple(fc.constantFrom(...INHERITED, '$gt', '$where', 'openid'), fc.jsonValue()).map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value ?? null)}}`)),
    // a known field with a value it never takes (the others left out or as they come)
    ...(fields.length ? [fc.tuple(fc.constantFrom(...fields), badValue).map(([field, value]) => ({ [field]: value }))] : []),
  );

type Answer = { ok: boolean; error?: { code: string; message: string } };
const invoke = (fn: string, action: string, payload: unknown) =>
  cloud.runtime.invoke(fn, { action, payload }, { openid: OPENID }) as Promise<Answer>;

async function snapshot(): Promise<string> {
  const read = async (name: string) => (await cloud.db.collection(name).limit(1000).get()).data;
  return JSON.stringify(await Promise.all(COLLECTIONS.map((c) => read(c.name))));
}
const stats = () => local.dbStats(cloud.emulator.url);
const outbox = async () => JSON.stringify(await local.outbox(cloud.emulator.url));
const READS = /query|count|aggregate|get|batchGetDownloadUrl|^database\.(where|find)/i;

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-1', { name: '李秀英' })]);
  await insert(cloud.db, 'accounts', [account('o-member', { memberId: 'm-1' }), account(OPENID, { role: 'staff', name: '刘干事' })]);
  await insert(cloud.db, 'activities', [activity('act-1', 5)]);
  await insert(cloud.db, 'notices', [notice('n-1', 1)]);
});
afterAll(() => cloud?.stop());

describe('boundary fuzz', () => {
  it('enumerates every action of every function', () => {
    expect(ACTIONS.length).toBeGreaterThan(60);
    expect(new Set(ACTIONS.map((a) => a.fn))).toEqual(new Set(Object.keys(schemas)));
  });

  it('answers every malformed payload of every action with a coded INPUT error and changes nothing', async () => {
    const before = { data: await snapshot(), outbox: await outbox() };
    await local.resetStats(cloud.emulator.url);
    let runs = 0;
    const failures: string[] = [];
    for (const { fn, action, fields } of ACTIONS) {
      await fc.assert(
        fc.asyncProperty(malformed(fields), async (payload) => {
          runs += 1;
          const answer = await invoke(fn, action, payload);
          const ok = !answer.ok && /^INPUT\./.test(answer.error?.code ?? '') && Boolean(answer.error?.message);
          if (!ok) failures.push(`${fn}.${action} ${JSON.stringify(payload).slice(0, 200)} -> ${JSON.stringify(answer).slice(0, 200)}`);
          return ok;
        }),
        { numRuns: 25, seed: 17, endOnFailure: true },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
    const writes = Object.entries(await stats()).filter(([name]) => !READS.test(name));
    expect(writes).toEqual([]);
    expect(await snapshot()).toBe(before.data);
    expect(await outbox()).toBe(before.outbox);
    console.log(`boundary fuzz: ${runs} malformed payloads over ${ACTIONS.length} actions`);
  });
});
