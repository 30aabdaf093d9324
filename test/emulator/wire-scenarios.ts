/**
 * SDK calls whose wire requests are recorded in test/fixtures/wire/<name>.json. Played in order on one fresh
 * database they succeed, so the recorded bodies can also be replayed into the emulator.
 */
import { type Database } from '../helpers/sdk';

export interface Scenario {
  name: string;
  run(db: Database): Promise<unknown>;
}

const WHEN = new Date('2024-05-01T08:00:00.000Z');

export const SCENARIOS: Scenario[] = [
  { name: 'addCollection', run: (db) => db.createCollection('wire') },
  {
    name: 'insertDocument',
    run: async (db) => {
      await db.collection('wire').add({ data: { _id: 'd1', n: 1, when: WHEN, at: db.serverDate({ offset: 1000 }), tags: ['a'] } });
      await db.collection('wire').add({ data: [{ _id: 'd2', n: 2 }, { _id: 'd3', n: 3, name: 'Li' }] });
    },
  },
  {
    name: 'getDocument',
    run: async (db) => {
      const _ = db.command;
      await db.collection('wire').where({ n: _.gt(0).and(_.lte(3)), when: _.lt(db.serverDate()) }).orderBy('n', 'desc').skip(0).limit(10).field({ n: true, when: true }).get();
      await db.collection('wire').where({ name: db.RegExp({ regexp: '^l', options: 'i' }) }).get();
      await db.collection('wire').doc('d1').get();
    },
  },
  {
    name: 'calculateDocument',
    run: (db) => db.collection('wire').where({ n: db.command.in([1, 2, 3]) }).count(),
  },
  {
    name: 'modifyDocument',
    run: async (db) => {
      const _ = db.command;
      await db.collection('wire').where({ _id: 'd1', n: _.lt(50) }).update({ data: { n: _.inc(1), tags: _.push({ each: ['b'] }), 'o.p': 1, gone: _.remove() } });
      await db.collection('wire').doc('d2').update({ data: { n: 20, at: db.serverDate() } });
      await db.collection('wire').doc('d3').set({ data: { n: 30 } });
      await db.collection('wire').doc('d4').set({ data: { n: 40 } });
    },
  },
  {
    name: 'aggregateDocuments',
    run: (db) => {
      const $ = db.command.aggregate;
      return db.collection('wire').aggregate()
        .match({ n: db.command.gt(0) })
        .lookup({ from: 'wire', localField: '_id', foreignField: '_id', as: 'self' })
        .unwind('$self')
        .group({ _id: null, total: $.sum('$n'), count: $.sum(1) })
        .project({ _id: 0, total: 1, count: 1 })
        .sort({ total: -1 })
        .skip(0)
        .limit(5)
        .end();
    },
  },
  {
    name: 'transaction',
    run: async (db) => {
      const tx = await db.startTransaction();
      await tx.collection('wire').doc('d1').get();
      await tx.collection('wire').doc('d1').update({ data: { n: 100 } });
      await tx.collection('wire').add({ data: { _id: 't1', n: 1 } });
      await tx.collection('wire').doc('d4').remove();
      await tx.commit();
      const aborted = await db.startTransaction();
      await aborted.collection('wire').doc('d2').set({ data: { n: -1 } });
      await aborted.rollback();
    },
  },
  {
    name: 'removeDocument',
    run: async (db) => {
      await db.collection('wire').doc('d3').remove();
      await db.collection('wire').where({ n: db.command.gte(0) }).remove();
    },
  },
];
