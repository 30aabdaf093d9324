/** where().updateAndReturn() (database.modifyAndReturnDoc) through the real SDK's inner query, as the functions use it. */
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

let emulator: TestEmulator;
let db: Database;

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
  await db.createCollection('mr');
  await db.collection('mr').add({ data: [{ _id: 'a', n: 1, line: [] }, { _id: 'b', n: 1, line: ['x', 'y'] }] });
});
afterAll(() => emulator.stop());

const updateAndReturn = (where: object, data: object) => db.collection('mr').where(where)._query.updateAndReturn(data);

it('answers the first matching document as it is after the update', async () => {
  const _ = db.command;
  const answer = await updateAndReturn({ _id: 'a', line: _.neq('m') }, { line: _.push('m'), n: _.inc(1) });
  expect(answer).toMatchObject({ updated: 1, doc: { _id: 'a', n: 2, line: ['m'] } });
  expect(await updateAndReturn({ _id: 'a', line: _.neq('m') }, { line: _.push('m') })).toMatchObject({ updated: 0, doc: null });
});

it('matches array elements by index and whole arrays by equality (also inside the jest sandbox)', async () => {
  const _ = db.command;
  expect((await updateAndReturn({ _id: 'b', 'line.1': 'y' }, { line: _.pull('y') })).doc.line).toEqual(['x']);
  await db.collection('mr').where({ _id: 'b' }).update({ data: { line: _.push('z') } });
  expect((await db.collection('mr').where({ line: _.eq(['x', 'z']) }).count()).total).toBe(1);
});
