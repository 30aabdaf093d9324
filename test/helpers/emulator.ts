/** Starts an in-process emulator on a free port with a fresh temporary data dir. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../local/emulator';

export interface TestEmulator {
  url: string;
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestEmulator(): Promise<TestEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-emulator-'));
  const emulator = await startEmulator({ port: 0, dataDir });
  return {
    url: emulator.url,
    adminUrl: emulator.adminUrl,
    dataDir,
    async stop() {
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
