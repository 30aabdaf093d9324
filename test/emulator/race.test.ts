/**
 * Overselling: 4 OS processes x 500 concurrent grabs of a 50-seat capacity. A conditional update sells exactly 50;
 * read-then-write on the same emulator (4 x 100 grabs) oversells, which proves the test can fail.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

const run = promisify(execFile);
const CHILD = path.join(__dirname, 'race-child.ts');
const PROCESSES = 4;
const ATTEMPTS_PER_PROCESS = 500;
const CAP = 50;

let emulator: TestEmulator;
let db: Database;

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
  await db.createCollection('race');
});
afterAll(() => emulator.stop());

async function race(id: string, mode: 'conditional' | 'read-then-write', attempts: number): Promise<{ successes: number; taken: number }> {
  await db.collection('race').add({ data: { _id: id, taken: 0 } });
  const outputs = await Promise.all(
    Array.from({ length: PROCESSES }, () =>
      run(process.execPath, ['--import', 'tsx', CHILD, emulator.adminUrl, 'race', id, String(attempts), String(CAP), mode], {
        cwd: path.join(__dirname, '..', '..'),
      }),
    ),
  );
  const successes = outputs
    .map(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1) as string).successes as number)
    .reduce((a, b) => a + b, 0);
  const { data } = await db.collection('race').doc(id).get();
  return { successes, taken: data.taken };
}

test('2,000 concurrent conditional increments from 4 processes sell exactly 50 seats', async () => {
  expect(await race('conditional', 'conditional', ATTEMPTS_PER_PROCESS)).toEqual({ successes: CAP, taken: CAP });
});

test('negative control: read-then-write oversells on the same emulator', async () => {
  const { successes, taken } = await race('naive', 'read-then-write', 100);
  expect(successes).toBeGreaterThan(CAP);
  expect(taken).toBeGreaterThan(CAP);
});
