/**
 * The emulator answers what the real CloudBase database answers at the edges (issue 20), through the real SDK.
 * Each expectation is the real service's answer (MongoDB semantics, which CloudBase's database runs on, and the
 * texts the official node SDK's own database tests observe), not the emulator's old one.
 */
import { AGGREGATE_DEFAULT_LIMIT } from '../../local/emulator/database';
import { DB_ERRORS } from '../../local/emulator/errors';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

let emulator: TestEmulator;
let db: Database;
let _: Database['command'];
let $: Database['command']['aggregate'];

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
  _ = db.command;
  $ = db.command.aggregate;
});
afterAll(() => emulator.stop());

let seq = 0;
async function fresh(docs: object[] = []): Promise<string> {
  const name = `f${++seq}`;
  await db.createCollection(name);
  for (let k = 0; k < docs.length; k += 500) await db.collection(name).add({ data: docs.slice(k, k + 500) });
  return name;
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { errCode: number; errMsg: string };
  }
  throw new Error('expected the call to fail');
};

describe('query', () => {
  test('elemMatch with field conditions never matches arrays of plain values (also $exists / $mod inside)', async () => {
    const c = await fresh([
      { _id: 'plain', tags: ['a', 'b'], nums: [1, 2, 3] },
      { _id: 'docs', tags: [{ a: 1 }], nums: [{ a: 4 }] },
    ]);
    const ids = async (where: object) => (await db.collection(c).where(where).get()).data.map((d: { _id: string }) => d._id).sort();
    expect(await ids({ tags: _.elemMatch({ a: _.exists(false) }) })).toEqual([]);
    expect(await ids({ tags: _.elemMatch({ a: _.exists(true) }) })).toEqual(['docs']);
    expect(await ids({ nums: _.elemMatch({ a: _.mod([2, 0]) }) })).toEqual(['docs']);
    // Conditions on the element itself still match plain values.
    expect(await ids({ nums: _.elemMatch(_.gt(2)) })).toEqual(['plain']);
    expect(await ids({ nums: _.elemMatch(_.mod([2, 0])) })).toEqual(['plain']);
  });

  test('a numeric _id stays a number: where({_id: 5}) finds it, "5" does not', async () => {
    const c = await fresh();
    const added = await db.collection(c).add({ data: { _id: 5, v: 1 } });
    expect(added._id).toBe(5);
    expect((await db.collection(c).where({ _id: 5 }).get()).data).toEqual([{ _id: 5, v: 1 }]);
    expect((await db.collection(c).where({ _id: '5' }).get()).data).toEqual([]);
    await db.collection(c).add({ data: { _id: '5', v: 2 } }); // a different document
    expect((await db.collection(c).where({ _id: _.in([5]) }).get()).data).toEqual([{ _id: 5, v: 1 }]);
    await db.collection(c).where({ _id: 5 }).update({ data: { v: 3 } });
    expect((await db.collection(c).where({ _id: 5 }).get()).data[0].v).toBe(3);
    expect((await db.collection(c).where({ _id: '5' }).get()).data[0].v).toBe(2);
  });

  test('_.jsonSchema matches documents by schema', async () => {
    const c = await fresh([
      { _id: 'ok', name: '王建国', age: 72, tags: ['书法'] },
      { _id: 'young', name: '李', age: 50 },
      { _id: 'noname', age: 80 },
    ]);
    const ids = async (schema: object) => (await db.collection(c).where(_.jsonSchema(schema)).get()).data.map((d: { _id: string }) => d._id).sort();
    expect(await ids({ required: ['name'] })).toEqual(['ok', 'young']);
    expect(await ids({ properties: { age: { bsonType: 'int', minimum: 60 } }, required: ['age'] })).toEqual(['noname', 'ok']);
    expect(await ids({ properties: { tags: { bsonType: 'array', minItems: 1 } }, required: ['tags'] })).toEqual(['ok']);
  });

  test('an unsupported operator is a failed database request (-502001) naming it, not a system error', async () => {
    const c = await fresh([{ n: 1 }]);
    const error = await failure(db.collection(c).where({ n: { $bogus: 1 } }).get());
    expect(error.errCode).toBe(DB_ERRORS.DATABASE_REQUEST_FAILED.errCode);
    expect(error.errMsg).toContain('$bogus');
    const unknownKeyword = await failure(db.collection(c).where(_.jsonSchema({ frobnicate: true })).get());
    expect(unknownKeyword.errCode).toBe(-502001);
    const stage = await failure(db.collection(c).aggregate().project({ x: { $nosuch: 1 } }).end());
    expect(stage.errMsg).toContain('$nosuch');
  });
});

describe('projection', () => {
  test('an elemMatch projection keeps the first match, and leaves the field out when nothing matches', async () => {
    const c = await fresh([{ _id: 'd', items: [{ a: 1 }, { a: 2 }, { a: 2, b: 1 }], name: 'x' }]);
    const matched = await db.collection(c).where({ _id: 'd' }).field({ items: _.elemMatch({ a: 2 }) } as never).get();
    expect(matched.data).toEqual([{ _id: 'd', items: [{ a: 2 }] }]);
    const none = await db.collection(c).where({ _id: 'd' }).field({ items: _.elemMatch({ a: 9 }) } as never).get();
    expect(none.data).toEqual([{ _id: 'd' }]);
  });
});

describe('update', () => {
  test('_.rename moves a field (nested too); a missing source changes nothing', async () => {
    const c = await fresh([{ _id: 'r', s: 'x', nested: { old: 1 }, keep: true }]);
    const renamed = await db.collection(c).doc('r').update({ data: { s: _.rename('t') } });
    expect(renamed.stats.updated).toBe(1);
    await db.collection(c).doc('r').update({ data: { 'nested.old': _.rename('nested.new') } });
    expect((await db.collection(c).doc('r').get()).data).toEqual({ _id: 'r', t: 'x', nested: { new: 1 }, keep: true });
    const missing = await db.collection(c).doc('r').update({ data: { absent: _.rename('other') } });
    expect(missing.stats.updated).toBe(0);
    const both = await db.collection(c).doc('r').update({ data: { t: _.rename('u'), keep: false } });
    expect(both.stats.updated).toBe(1);
    expect((await db.collection(c).doc('r').get()).data).toEqual({ _id: 'r', u: 'x', nested: { new: 1 }, keep: false });
  });
});

describe('aggregate expressions', () => {
  test('$week counts Sunday-started weeks from 0 (2019-05-14 → 19, 2019-01-05 → 0)', async () => {
    const c = await fresh([
      { _id: 'a', d: new Date('2019-05-14T00:00:00Z') },
      { _id: 'b', d: new Date('2019-01-05T00:00:00Z') },
      { _id: 'c', d: new Date('2019-01-06T00:00:00Z') },
      { _id: 'd', d: new Date('2023-01-01T00:00:00Z') }, // a Sunday: week 1
      { _id: 'e', d: new Date('2020-12-31T00:00:00Z') },
    ]);
    const { list } = await db.collection(c).aggregate().sort({ _id: 1 }).project({ _id: 0, w: $.week('$d') }).end();
    expect(list.map((r: { w: number }) => r.w)).toEqual([19, 0, 1, 1, 52]);
  });

  test('$substrBytes with a negative length takes the rest; $indexOfCP counts code points', async () => {
    const c = await fresh([{ _id: 'a', s: 'héllo wörld' }]);
    const { list } = await db.collection(c).aggregate().project({
      _id: 0,
      rest: $.substrBytes(['abcdef', 1, -1]),
      cp: $.indexOfCP(['$s', 'wö']),
      from: $.indexOfCP(['$s', 'l', 4]),
      missing: $.indexOfCP(['$s', 'zz']),
      none: $.indexOfCP(['$nothing', 'a']),
    }).end();
    expect(list).toEqual([{ rest: 'bcdef', cp: 6, from: 9, missing: -1, none: null }]);
  });
});

describe('transactions', () => {
  test('errors carry the real service texts', async () => {
    const c = await fresh([{ _id: 'd', n: 0 }]);
    const tx = await db.startTransaction();
    await tx.commit();
    const gone = await failure(tx.collection(c).doc('d').get());
    expect(gone.errMsg).toContain('[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.');

    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first.collection(c).doc('d').update({ data: { n: 1 } });
    const conflict = await failure(second.collection(c).doc('d').update({ data: { n: 2 } }));
    expect(conflict.errMsg).toContain('[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.');
    await first.commit();
  });
});

describe('limits', () => {
  test(`an aggregate without $limit answers ${AGGREGATE_DEFAULT_LIMIT} documents; with .limit(n) it answers n`, async () => {
    // Source: developers' measurements on the real cloud (the docs are silent):
    // https://developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13
    // https://developers.weixin.qq.com/community/develop/doc/0006ee7caecd8020df7b559b451800
    const c = await fresh(Array.from({ length: 130 }, (_, i) => ({ i, g: i % 50 })));
    expect((await db.collection(c).aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db.collection(c).aggregate().group({ _id: '$g', n: $.sum(1) }).end()).list).toHaveLength(20);
    expect((await db.collection(c).aggregate().group({ _id: '$g', n: $.sum(1) }).limit(1000).end()).list).toHaveLength(50);
    expect((await db.collection(c).aggregate().match({}).limit(120).end()).list).toHaveLength(120);
  });

  test('a get() without .limit() answers the default page of 100; more than 1,000 never come back', async () => {
    // Source: the platform's docs (云函数端 get 默认 100 条) and the SDK, which sends limit 100 when none is given.
    const c = await fresh(Array.from({ length: 1100 }, (_, i) => ({ i })));
    expect((await db.collection(c).get()).data).toHaveLength(100);
    expect((await db.collection(c).limit(5000).get()).data).toHaveLength(1000);
  });
});
