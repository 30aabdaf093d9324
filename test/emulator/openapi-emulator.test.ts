/**
 * The openapi module as wired into the whole emulator (startEmulator): the SDK reaches it at /admin and the
 * local preview reads the outbox at /_local/outbox, across a restart on the same data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../../local/emulator';
import { configureSdkEnvironment } from '../../local/runtime/sdk-env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk');

let dataDir: string;
let emulator: Emulator;

async function start(): Promise<void> {
  emulator = await startEmulator({ dataDir });
  configureSdkEnvironment({ adminUrl: emulator.adminUrl });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'openapi-emulator-'));
  await start();
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
});

afterAll(async () => {
  await emulator.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves cloud.openapi calls and keeps the outbox across a restart', async () => {
  const check = await cloud.openapi.security.msgSecCheck({ content: '保本高息，稳赚不赔', version: 2, scene: 2, openid: 'o1' });
  expect(check.result).toEqual({ suggest: 'risky', label: 20008 });

  await cloud.openapi.subscribeMessage.send({ touser: 'o1', templateId: 'TPL_NOTICE', data: { thing1: { value: '情况通报会' } } });
  await emulator.stop();
  await start();

  const outbox = await (await fetch(`${emulator.url}/_local/outbox`)).json();
  expect(outbox).toEqual([
    { touser: 'o1', templateId: 'TPL_NOTICE', data: { thing1: { value: '情况通报会' } }, sentAt: expect.any(String) },
  ]);
  const qr = await cloud.openapi.wxacode.getUnlimited({ scene: 'c=1' });
  expect(qr.buffer.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});
