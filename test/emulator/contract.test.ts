/**
 * Wire contract with wx-server-sdk 4.0.2:
 * 1. the SDK's request bodies for every database action still equal the recordings in test/fixtures/wire, so an SDK
 *    upgrade that changes the protocol fails loudly (re-record deliberately with UPDATE_WIRE_FIXTURES=1);
 * 2. the recorded bodies, replayed into the emulator, get the answers the SDK reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestEmulator } from '../helpers/emulator';
import { connectSdk } from '../helpers/sdk';
import { SCENARIOS } from './wire-scenarios';
import { RECORDED_TRANSACTION_ID, startRecorder, type WireBody } from './wire-recorder';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'wire');
const SDK_VERSION = (require('wx-server-sdk/package.json') as { version: string }).version;
const fixtureFile = (name: string) => path.join(FIXTURES, `${name}.json`);

interface Fixture {
  sdk: string;
  requests: WireBody[];
}

const readFixture = (name: string): Fixture => JSON.parse(fs.readFileSync(fixtureFile(name), 'utf8')) as Fixture;

describe('the SDK still sends the recorded requests', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  beforeAll(async () => {
    recorder = await startRecorder();
  });
  afterAll(() => recorder.stop());

  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    const { db } = connectSdk(recorder.adminUrl);
    await scenario.run(db);
    const requests = recorder.take();
    if (process.env.UPDATE_WIRE_FIXTURES === '1') {
      fs.mkdirSync(FIXTURES, { recursive: true });
      fs.writeFileSync(fixtureFile(name), `${JSON.stringify({ sdk: `wx-server-sdk ${SDK_VERSION}`, requests }, null, 2)}\n`);
    }
    expect(fs.existsSync(fixtureFile(name))).toBe(true);
    const fixture = readFixture(name);
    expect(`wx-server-sdk ${SDK_VERSION}`).toBe(fixture.sdk);
    expect(requests).toEqual(fixture.requests);
  });
});

/** What the SDK reads from each action's answer (see shared/cloudbase-wire.md). */
const ANSWER_SHAPES: Record<string, (answer: WireBody, request: WireBody) => void> = {
  'database.addCollection': () => undefined,
  'database.insertDocument': (a, r) => expect((a.data as WireBody).insertedIds).toHaveLength((r.data as unknown[]).length),
  'database.getDocument': (a) => {
    const list = (a.data as WireBody).list as unknown[];
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) expect(typeof item).toBe('string');
  },
  'database.calculateDocument': (a) => expect((a.data as WireBody).total).toBe(3),
  'database.modifyDocument': (a) => {
    const data = a.data as WireBody;
    expect(data.updated === 1 || typeof data.upsert_id === 'string').toBe(true);
  },
  'database.removeDocument': (a) => expect((a.data as WireBody).deleted).toBeGreaterThan(0),
  'database.aggregateDocuments': (a) => {
    const list = ((a.data as WireBody).list as string[]).map((item) => JSON.parse(item) as unknown);
    // d1..d4 after modifyDocument: n = 2, 20, 30, 40 (canonical EJSON numbers)
    expect(list).toEqual([{ total: { $numberInt: '92' }, count: { $numberInt: '4' } }]);
  },
  'database.startTransaction': (a) => expect(typeof a.transactionId).toBe('string'),
  'database.commitTransaction': () => undefined,
  'database.abortTransaction': () => undefined,
};

test('recorded requests replayed into the emulator get the answers the SDK reads', async () => {
  const emulator = await startTestEmulator();
  try {
    let liveTransactionId: unknown;
    const seen = new Set<string>();
    for (const { name } of SCENARIOS) {
      for (const recorded of readFixture(name).requests) {
        const request = { ...recorded };
        if (request.transactionId === RECORDED_TRANSACTION_ID) request.transactionId = liveTransactionId;
        const response = await fetch(emulator.adminUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        expect(response.status).toBe(200);
        const answer = (await response.json()) as WireBody;
        const action = String(request.action);
        expect({ action, code: answer.code, message: answer.message }).toEqual({ action, code: undefined, message: undefined });
        expect(typeof answer.requestId).toBe('string');
        ANSWER_SHAPES[action](answer, request);
        if (action === 'database.startTransaction') liveTransactionId = answer.transactionId;
        seen.add(action);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(ANSWER_SHAPES).sort());
  } finally {
    await emulator.stop();
  }
});
