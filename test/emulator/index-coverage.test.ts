/**
 * Query shapes and index coverage: the emulator records the shape of each query the functions make (not a test's
 * own reads), and a shape counts as covered only when a declared index serves it. `npm test` checks the shapes of
 * the whole run (scripts/index-coverage.ts); this file checks the machinery and the declared indexes' sanity.
 */
import { branchesOf, coveredBy, shapeOf } from '../../local/emulator/query-shapes';
import { runWithIdentity } from '../../local/runtime/sdk-env';
import { coverage } from '../../scripts/index-coverage';
import { COLLECTIONS } from '../../src/shared/collections';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk } from '../helpers/sdk';

describe('query shapes', () => {
  it('splits equality, range and sort fields', () => {
    expect(shapeOf('c', { status: 'open', memberId: { $in: ['a'] }, startAt: { $gt: 1 } }, { startAt: -1 })).toEqual({
      collection: 'c',
      equality: ['memberId', 'status'],
      range: ['startAt'],
      sort: ['-startAt'],
    });
    expect(shapeOf('c', { $and: [{ a: 1 }, { b: { $ne: 2 } }] })).toEqual({ collection: 'c', equality: ['a'], range: ['b'], sort: [] });
  });

  it('takes each $or branch as its own query', () => {
    const branches = branchesOf({ role: 'x', $or: [{ memberId: 'm' }, { actsFor: 'm' }] }).map((q) => shapeOf('accounts', q).equality);
    expect(branches).toEqual([['memberId', 'role'], ['actsFor', 'role']]);
    const nested = branchesOf({ $and: [{ k: 1 }, { $or: [{ a: 1 }, { b: 1 }] }] }).map((q) => shapeOf('c', q).equality);
    expect(nested).toEqual([['a', 'k'], ['b', 'k']]);
  });

  it('counts a shape covered only when an index serves it', () => {
    const indexes = [{ name: 'status_time', fields: ['status', '-createdAt'] }];
    expect(coveredBy(shapeOf('c', { status: 'open' }, { createdAt: -1 }), indexes)).toBe('status_time');
    expect(coveredBy(shapeOf('c', { status: 'open', createdAt: { $lt: 5 } }), indexes)).toBe('status_time');
    expect(coveredBy(shapeOf('c', { memberId: 'm' }), indexes)).toBeNull();
    expect(coveredBy(shapeOf('c', {}, { createdAt: -1 }), indexes)).toBeNull();
    expect(coveredBy(shapeOf('c', {}, { status: 1 }), indexes)).toBe('status_time');
    expect(coveredBy(shapeOf('c', { _id: 'x', memberId: 'm' }), indexes)).toBe('_id_');
    expect(coveredBy(shapeOf('c', {}), indexes)).toBeNull();
    expect(coveredBy(shapeOf('c', {}), indexes, true)).toBe('whole');
    expect(coveredBy(shapeOf('c', {}, { name: 1 }), indexes, true)).toBe('whole');
    // an equality field after a range/sort field in the index cannot use it as a prefix
    expect(coveredBy(shapeOf('c', { createdAt: { $gt: 1 }, kind: 'a' }), [{ name: 'x', fields: ['createdAt', 'kind'] }])).toBeNull();
    expect(coverage([shapeOf('members', { rosterNo: 'R1' }), shapeOf('members', { nobodyIndexedThis: 1 })]).uncovered).toEqual([
      'members eq[nobodyIndexedThis] range[] sort[]',
    ]);
  });

  it('declared index names are unique per collection and fields are not repeated', () => {
    for (const c of COLLECTIONS) {
      const all = [...c.unique, ...((c as { indexes?: Array<{ name: string; fields: string[] }> }).indexes ?? [])];
      expect(new Set(all.map((i) => i.name)).size).toBe(all.length);
      for (const i of all) expect(new Set(i.fields.map((f) => f.replace(/^-/, ''))).size).toBe(i.fields.length);
    }
  });
});

describe('the emulator records the functions’ queries', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.stop());

  it('records a query made inside a function invocation and ignores a direct read', async () => {
    const { db } = connectSdk(emulator.adminUrl);
    await db.collection('visits').where({ direct: true }).get();
    await runWithIdentity({ openid: 'o-1' }, () => db.collection('visits').where({ memberId: 'm-1' }).orderBy('visitedAt', 'desc').get());
    const { shapes } = (await (await fetch(`${emulator.url}/_local/query-shapes`)).json()) as { shapes: Array<{ equality: string[]; sort: string[] }> };
    expect(shapes).toEqual([expect.objectContaining({ collection: 'visits', equality: ['memberId'], sort: ['-visitedAt'], count: 1 })]);
  });
});
