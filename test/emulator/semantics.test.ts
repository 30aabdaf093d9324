/** Database semantics through the real wx-server-sdk against the emulator. */
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

let emulator: TestEmulator;
let db: Database;
let _: Database;

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
  _ = db.command;
});
afterAll(() => emulator.stop());

let seq = 0;
async function freshCollection(docs: object[] = []): Promise<string> {
  const name = `t${++seq}`;
  await db.createCollection(name);
  if (docs.length > 0) await db.collection(name).add({ data: docs });
  return name;
}

const errorOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { errCode: number; errMsg: string };
  }
  throw new Error('expected the call to fail');
};

describe('add and get', () => {
  test('add one and many, ids are 32 hex chars unless given', async () => {
    const c = await freshCollection();
    const one = await db.collection(c).add({ data: { a: 1 } });
    expect(one._id).toMatch(/^[0-9a-f]{32}$/);
    const many = await db.collection(c).add({ data: [{ a: 2 }, { _id: 'mine', a: 3 }] });
    expect(many._ids).toHaveLength(2);
    expect(many._ids[1]).toBe('mine');
    expect((await db.collection(c).doc('mine').get()).data).toEqual({ _id: 'mine', a: 3 });
  });

  test('Date, RegExp and serverDate round-trip', async () => {
    const c = await freshCollection();
    const before = Date.now();
    const { _id } = await db.collection(c).add({ data: { when: new Date('2024-05-01T08:00:00Z'), at: db.serverDate(), later: db.serverDate({ offset: 60_000 }), name: 'Wang Fang' } });
    const { data } = await db.collection(c).doc(_id).get();
    expect(data.when).toEqual(new Date('2024-05-01T08:00:00Z'));
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(data.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(data.later.getTime() - data.at.getTime()).toBe(60_000);
    const byRegExp = await db.collection(c).where({ name: db.RegExp({ regexp: '^wang', options: 'i' }) }).get();
    expect(byRegExp.data).toHaveLength(1);
    const byDate = await db.collection(c).where({ when: _.gte(new Date('2024-05-01T00:00:00Z')), at: _.lte(db.serverDate()) }).count();
    expect(byDate.total).toBe(1);
  });

  test('query operators', async () => {
    const c = await freshCollection([
      { n: 1, tags: ['a', 'b'], o: { x: 1 } },
      { n: 2, tags: ['b'], o: { x: 2 } },
      { n: 3, tags: [], s: 'hello' },
    ]);
    const ns = async (q: object) => (await db.collection(c).where(q).orderBy('n', 'asc').get()).data.map((d: { n: number }) => d.n);
    expect(await ns({ n: _.gt(1) })).toEqual([2, 3]);
    expect(await ns({ n: _.gte(2).and(_.lt(3)) })).toEqual([2]);
    expect(await ns({ n: _.in([1, 3]) })).toEqual([1, 3]);
    expect(await ns({ n: _.nin([1, 3]) })).toEqual([2]);
    expect(await ns({ n: _.neq(2) })).toEqual([1, 3]);
    expect(await ns({ tags: 'b' })).toEqual([1, 2]);
    expect(await ns({ tags: _.all(['a', 'b']) })).toEqual([1]);
    expect(await ns({ tags: _.size(0) })).toEqual([3]);
    expect(await ns({ 'o.x': 2 })).toEqual([2]);
    expect(await ns({ s: _.exists(true) })).toEqual([3]);
    expect(await ns(_.or([{ n: 1 }, { n: 3 }]))).toEqual([1, 3]);
    expect(await ns({ tags: _.elemMatch(_.eq('a')) })).toEqual([1]);
  });

  test('unsupported query operator fails naming it', async () => {
    const c = await freshCollection([{ n: 1 }]);
    const error = await errorOf(db.collection(c).where({ n: { $bogus: 1 } }).get());
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toContain('$bogus');
  });

  test('orderBy, skip, limit: default 100, cap 1000; projection', async () => {
    const c = await freshCollection();
    const docs = Array.from({ length: 1100 }, (_, i) => ({ i, pad: 'x' }));
    for (let k = 0; k < docs.length; k += 500) await db.collection(c).add({ data: docs.slice(k, k + 500) });
    const all = await db.collection(c).get();
    expect(all.data).toHaveLength(100);
    expect(all.data[0].i).toBe(0);
    expect((await db.collection(c).limit(1000).get()).data).toHaveLength(1000);
    const page = await db.collection(c).orderBy('i', 'desc').skip(10).limit(3).field({ i: true }).get();
    expect(page.data).toEqual([
      { _id: expect.any(String), i: 1089 },
      { _id: expect.any(String), i: 1088 },
      { _id: expect.any(String), i: 1087 },
    ]);
    const excluded = await db.collection(c).where({ i: 0 }).field({ pad: false }).get();
    expect(excluded.data[0]).toEqual({ _id: expect.any(String), i: 0 });
    const response = await fetch(emulator.adminUrl, {
      method: 'POST',
      body: JSON.stringify({ action: 'database.getDocument', collectionName: c, query: '{}', queryType: 'WHERE', limit: 5000 }),
    });
    expect((await response.json()).data.list).toHaveLength(1000);
  });

  test('missing document and missing collection', async () => {
    const c = await freshCollection();
    const missingDoc = await errorOf(db.collection(c).doc('nope').get());
    expect(missingDoc.errMsg).toContain('does not exist');
    const missingColl = await errorOf(db.collection('no_such_collection').where({}).get());
    expect(missingColl.errCode).toBe(-502005);
    expect((await errorOf(db.collection('no_such_collection').add({ data: { a: 1 } }))).errCode).toBe(-502005);
  });

  test('createCollection twice fails', async () => {
    const c = await freshCollection();
    const error = await errorOf(db.createCollection(c));
    expect(error.errMsg).toContain('Table exist');
  });
});

describe('update, set, remove', () => {
  test('update operators', async () => {
    const c = await freshCollection();
    const { _id } = await db.collection(c).add({ data: { n: 1, m: 2, arr: [1, 2], gone: true, o: { a: 1 } } });
    await db.collection(c).doc(_id).update({
      data: { n: _.inc(2), m: _.mul(3), arr: _.push({ each: [3, 4], slice: -3 }), gone: _.remove(), 'o.b': 2, at: db.serverDate() },
    });
    const { data } = await db.collection(c).doc(_id).get();
    expect(data).toMatchObject({ n: 3, m: 6, arr: [2, 3, 4], o: { a: 1, b: 2 } });
    expect(data.gone).toBeUndefined();
    expect(data.at).toBeInstanceOf(Date);
    await db.collection(c).doc(_id).update({ data: { arr: _.pull(3), tags: _.addToSet('x'), o: _.set({ only: true }), m: _.min(1) } });
    expect((await db.collection(c).doc(_id).get()).data).toMatchObject({ arr: [2, 4], tags: ['x'], o: { only: true }, m: 1 });
    await db.collection(c).doc(_id).update({ data: { arr: _.pop(), n: _.max(10) } });
    expect((await db.collection(c).doc(_id).get()).data).toMatchObject({ arr: [2], n: 10 });
  });

  test('multi update and remove report counts; unmatched and no-op updates count 0', async () => {
    const c = await freshCollection([{ g: 1, v: 0 }, { g: 1, v: 0 }, { g: 2, v: 0 }]);
    expect((await db.collection(c).where({ g: 1 }).update({ data: { v: _.inc(1) } })).stats.updated).toBe(2);
    expect((await db.collection(c).where({ g: 9 }).update({ data: { v: 1 } })).stats.updated).toBe(0);
    expect((await db.collection(c).where({ g: 2 }).update({ data: { v: 0 } })).stats.updated).toBe(0);
    expect((await db.collection(c).where({ g: 1 }).remove()).stats.removed).toBe(2);
    expect((await db.collection(c).count()).total).toBe(1);
  });

  test('set replaces the whole document, or creates it', async () => {
    const c = await freshCollection([{ _id: 'd1', a: 1, b: 2 }]);
    const replaced = await db.collection(c).doc('d1').set({ data: { c: 3 } });
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await db.collection(c).doc('d1').get()).data).toEqual({ _id: 'd1', c: 3 });
    const created = await db.collection(c).doc('d2').set({ data: { z: 1 } });
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    expect((await db.collection(c).doc('d2').get()).data).toEqual({ _id: 'd2', z: 1 });
  });

  test('unsupported update operator fails naming it', async () => {
    const c = await freshCollection([{ _id: 'd', a: 1 }]);
    const response = await fetch(emulator.adminUrl, {
      method: 'POST',
      body: JSON.stringify({ action: 'database.modifyDocument', collectionName: c, query: '{"_id":"d"}', queryType: 'DOC', data: '{"$frobnicate":{"a":1}}', multi: false, merge: true }),
    });
    const body = await response.json();
    expect(body.code).toBe('DATABASE_REQUEST_FAILED');
    expect(body.message).toContain('$frobnicate');
  });
});

describe('unique indexes from src/shared/collections.ts', () => {
  test('duplicate insert, update and set fail with E11000; missing field counts as null', async () => {
    const members = db.collection('members');
    await members.add({ data: { _id: 'm1', rosterNo: 'U-1' } });
    const dup = await errorOf(members.add({ data: { rosterNo: 'U-1' } }));
    expect(dup.errCode).toBe(-502001);
    expect(dup.errMsg).toContain('E11000 duplicate key error collection: members index: rosterNo_unique dup key: { rosterNo: "U-1" }');
    await members.add({ data: { _id: 'm2', rosterNo: 'U-2' } });
    expect((await errorOf(members.doc('m2').update({ data: { rosterNo: 'U-1' } }))).errMsg).toContain('E11000');
    expect((await errorOf(members.doc('m3').set({ data: { rosterNo: 'U-2' } }))).errMsg).toContain('E11000');
    expect((await errorOf(members.add({ data: [{ rosterNo: 'U-9' }, { rosterNo: 'U-9' }] }))).errMsg).toContain('E11000');
    expect((await members.where({ rosterNo: 'U-9' }).count()).total).toBe(0);
    await members.add({ data: { _id: 'nofield1' } });
    expect((await errorOf(members.add({ data: { _id: 'nofield2' } }))).errMsg).toContain('dup key: { rosterNo: null }');
    // Freed keys can be reused.
    await members.doc('m1').remove();
    await members.add({ data: { rosterNo: 'U-1' } });
    await members.doc('m2').update({ data: { rosterNo: 'U-3' } });
    await members.add({ data: { rosterNo: 'U-2' } });
  });

  test('duplicate _id fails', async () => {
    const c = await freshCollection([{ _id: 'same' }]);
    expect((await errorOf(db.collection(c).add({ data: { _id: 'same' } }))).errMsg).toContain('E11000');
  });
});

describe('aggregate', () => {
  test('match, group, sort, skip, limit, project, addFields, count', async () => {
    const c = await freshCollection([
      { k: 'a', v: 1 },
      { k: 'a', v: 2 },
      { k: 'b', v: 5 },
      { k: 'c', v: 7 },
    ]);
    const $ = _.aggregate;
    const { list } = await db.collection(c).aggregate()
      .match({ v: _.gt(0) })
      .group({ _id: '$k', total: $.sum('$v'), n: $.sum(1), avg: $.avg('$v') })
      .addFields({ big: $.gte(['$total', 5]) })
      .sort({ total: -1 })
      .skip(1)
      .limit(2)
      .project({ _id: 0, k: '$_id', total: 1, big: 1, label: $.concat(['$_id', '-', $.toUpper('$_id')]) })
      .end();
    expect(list).toEqual([
      { k: 'b', total: 5, big: true, label: 'b-B' },
      { k: 'a', total: 3, big: false, label: 'a-A' },
    ]);
    const counted = await db.collection(c).aggregate().match({ k: 'a' }).count('n').end();
    expect(counted.list).toEqual([{ n: 2 }]);
  });

  test('lookup and unwind', async () => {
    const courses = await freshCollection([{ _id: 'c1', name: '书法' }, { _id: 'c2', name: '太极' }]);
    const enrol = await freshCollection([{ course: 'c1', who: 'x' }, { course: 'c1', who: 'y' }, { course: 'c2', who: 'x' }]);
    const { list } = await db.collection(enrol).aggregate()
      .match({ who: 'x' })
      .lookup({ from: courses, localField: 'course', foreignField: '_id', as: 'c' })
      .unwind('$c')
      .project({ _id: 0, who: 1, name: '$c.name' })
      .sort({ name: 1 })
      .end();
    expect(list).toEqual([{ who: 'x', name: '太极' }, { who: 'x', name: '书法' }].sort((a, b) => (a.name < b.name ? -1 : 1)));
    // Stored documents are untouched by stages.
    expect((await db.collection(courses).doc('c1').get()).data).toEqual({ _id: 'c1', name: '书法' });
  });

  test('unknown stage fails naming it', async () => {
    const c = await freshCollection([{ a: 1 }]);
    const response = await fetch(emulator.adminUrl, {
      method: 'POST',
      body: JSON.stringify({ action: 'database.aggregateDocuments', collectionName: c, stages: [{ stageKey: '$teleport', stageValue: '{}' }] }),
    });
    const body = await response.json();
    expect(body.code).toBe('DATABASE_REQUEST_FAILED');
    expect(body.message).toContain('$teleport');
  });
});

describe('local endpoints', () => {
  test('health and stats', async () => {
    expect(await (await fetch(`${emulator.url}/_local/health`)).json()).toEqual({ ok: true });
    await fetch(`${emulator.url}/_local/stats/reset`, { method: 'POST' });
    const c = await freshCollection();
    await db.collection(c).where({}).count();
    const stats = await (await fetch(`${emulator.url}/_local/stats`)).json();
    expect(stats.requests).toEqual({ 'database.addCollection': 1, 'database.calculateDocument': 1 });
  });
});
