/**
 * A cloud call carries at most 6 MB each way (CloudBase EXCEED_MAX_PAYLOAD_SIZE: 6 MB; see MAX_PAYLOAD_BYTES):
 * the local runtime refuses a bigger event or answer, so an answer that grows with the data fails locally too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_PAYLOAD_BYTES, PayloadTooLargeError, createRuntime } from '../../local/runtime';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

let emulator: TestEmulator;
let functionsDir: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-fns-'));
  fs.mkdirSync(path.join(functionsDir, 'rows'));
  fs.writeFileSync(
    path.join(functionsDir, 'rows', 'index.js'),
    "exports.main = async (event) => ({ ok: true, rows: Array.from({ length: event.n }, (_, i) => ({ i, pad: 'x'.repeat(1000) })) });",
  );
});
afterAll(async () => {
  await emulator.stop();
  fs.rmSync(functionsDir, { recursive: true, force: true });
});

test('an answer over 6 MB fails like the cloud; one under passes', async () => {
  const runtime = createRuntime({ adminUrl: emulator.adminUrl, functionsDir });
  const small = (await runtime.invoke('rows', { n: 100 }, { openid: 'o1' })) as { rows: unknown[] };
  expect(small.rows).toHaveLength(100);
  const rows = Math.ceil(MAX_PAYLOAD_BYTES / 1000) + 10;
  await expect(runtime.invoke('rows', { n: rows }, { openid: 'o1' })).rejects.toBeInstanceOf(PayloadTooLargeError);
  await expect(runtime.invoke('rows', { n: 1, big: 'y'.repeat(MAX_PAYLOAD_BYTES) }, { openid: 'o1' })).rejects.toThrow(/the event is/);
});
