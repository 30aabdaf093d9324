/** CloudBase-style transactions through the real SDK: snapshot reads, conflicts, abort, commit, unique at commit. */
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

let emulator: TestEmulator;
let db: Database;

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
  await db.createCollection('seats');
});
afterAll(() => emulator.stop());

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { errCode?: number; errMsg?: string; code?: string; message?: string };
  }
  throw new Error('expected failure');
};
const text = (error: { errMsg?: string; message?: string; code?: string }) => `${error.code ?? ''} ${error.errMsg ?? error.message ?? ''}`;

test('commit applies every write at once; reads see own writes', async () => {
  await db.collection('seats').add({ data: { _id: 's1', taken: 0 } });
  const tx = await db.startTransaction();
  await tx.collection('seats').doc('s1').update({ data: { taken: 1 } });
  expect((await tx.collection('seats').doc('s1').get()).data.taken).toBe(1);
  await tx.collection('seats').add({ data: { _id: 's2', taken: 5 } });
  await tx.collection('seats').doc('s3').set({ data: { taken: 9 } });
  // Nothing is visible outside before commit.
  expect((await db.collection('seats').doc('s1').get()).data.taken).toBe(0);
  expect((await db.collection('seats').where({ _id: 's2' }).count()).total).toBe(0);
  await tx.commit();
  expect((await db.collection('seats').doc('s1').get()).data.taken).toBe(1);
  expect((await db.collection('seats').doc('s2').get()).data.taken).toBe(5);
  expect((await db.collection('seats').doc('s3').get()).data.taken).toBe(9);
});

test('reads see a snapshot as of start', async () => {
  await db.collection('seats').add({ data: { _id: 'snap', taken: 1 } });
  const tx = await db.startTransaction();
  await db.collection('seats').doc('snap').update({ data: { taken: 2 } });
  await db.collection('seats').add({ data: { _id: 'born-later' } });
  expect((await tx.collection('seats').doc('snap').get()).data.taken).toBe(1);
  await expect(tx.collection('seats').doc('born-later').get()).rejects.toBeTruthy();
  await tx.rollback();
});

test('a write to a document committed after the snapshot conflicts', async () => {
  await db.collection('seats').add({ data: { _id: 'c1', taken: 0 } });
  const tx = await db.startTransaction();
  await tx.collection('seats').doc('c1').get();
  await db.collection('seats').doc('c1').update({ data: { taken: 7 } });
  const error = await failure(tx.collection('seats').doc('c1').update({ data: { taken: 1 } }));
  expect(text(error)).toContain('Transaction is conflict'); // the SDK drops the string code here: errCode -501001
  expect(error.errCode).toBe(-501001);
  expect((await db.collection('seats').doc('c1').get()).data.taken).toBe(7);
});

test('two transactions writing one document: the second fails at once, nobody waits', async () => {
  await db.collection('seats').add({ data: { _id: 'c2', taken: 0 } });
  const first = await db.startTransaction();
  const second = await db.startTransaction();
  await first.collection('seats').doc('c2').update({ data: { taken: 1 } });
  const started = Date.now();
  const error = await failure(second.collection('seats').doc('c2').update({ data: { taken: 2 } }));
  expect(Date.now() - started).toBeLessThan(1000);
  expect(text(error)).toContain('Transaction is conflict'); // the SDK drops the string code here: errCode -501001
  expect(error.errCode).toBe(-501001);
  await first.commit();
  expect((await db.collection('seats').doc('c2').get()).data.taken).toBe(1);
});

test('a plain write after the transaction wrote makes its commit conflict', async () => {
  await db.collection('seats').add({ data: { _id: 'c3', taken: 0 } });
  const tx = await db.startTransaction();
  await tx.collection('seats').doc('c3').update({ data: { taken: 1 } });
  await db.collection('seats').doc('c3').update({ data: { taken: 5 } });
  expect(text(await failure(tx.commit()))).toContain('Transaction is conflict');
  expect((await db.collection('seats').doc('c3').get()).data.taken).toBe(5);
});

test('abort leaves nothing', async () => {
  await db.collection('seats').add({ data: { _id: 'a1', taken: 0 } });
  const tx = await db.startTransaction();
  await tx.collection('seats').doc('a1').update({ data: { taken: 3 } });
  await tx.collection('seats').doc('a1').remove();
  await tx.collection('seats').add({ data: { _id: 'a2' } });
  await tx.rollback();
  expect((await db.collection('seats').doc('a1').get()).data.taken).toBe(0);
  expect((await db.collection('seats').where({ _id: 'a2' }).count()).total).toBe(0);
  expect(text(await failure(tx.commit()))).toContain('DATABASE_TRANSACTION_FAIL');
});

test('runTransaction commits the callback, and a thrown error rolls back', async () => {
  await db.collection('seats').add({ data: { _id: 'r1', taken: 0 } });
  await db.runTransaction(async (tx: Database) => {
    const { data } = await tx.collection('seats').doc('r1').get();
    await tx.collection('seats').doc('r1').update({ data: { taken: data.taken + 1 } });
  });
  await expect(
    db.runTransaction(async (tx: Database) => {
      await tx.collection('seats').doc('r1').update({ data: { taken: 100 } });
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect((await db.collection('seats').doc('r1').get()).data.taken).toBe(1);
});

test('where-queries are refused inside a transaction', async () => {
  const tx = await db.startTransaction();
  expect(text(await failure(tx.collection('seats').where({ taken: 0 }).get()))).toContain('single-document');
  await tx.rollback();
});

test('unique indexes are enforced at commit', async () => {
  await db.collection('accounts').add({ data: { openid: 'o-1' } });
  const tx = await db.startTransaction();
  await tx.collection('accounts').add({ data: { openid: 'o-1' } });
  expect(text(await failure(tx.commit()))).toContain('E11000');
  expect((await db.collection('accounts').where({ openid: 'o-1' }).count()).total).toBe(1);
});
