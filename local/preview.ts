/**
 * The local preview: the emulator (in-process, any free port), the function runtime over the built
 * functions, the demo county seeded, and the gateway serving the H5 build. Used by `npm start` and tests.
 */
import path from 'node:path';
import { startEmulator } from './emulator';
import { startGateway } from './gateway';
import { localClock } from './clock';
import { createRuntime, DEFAULT_FUNCTIONS_DIR } from './runtime';
import { createTriggerRunner, readTriggers } from './runtime/triggers';
import { configureSdkEnvironment } from './runtime/sdk-env';
import { isSeeded, seed, type SeedReport } from './seed';
import { connectDatabase } from './seed/connect';

/** the H5 build the gateway serves; H5_DIR points at another build (see TARO_OUTPUT_ROOT in config/index.ts) */
export const DEFAULT_H5_DIR = process.env.H5_DIR ? path.resolve(process.env.H5_DIR) : path.resolve(__dirname, '..', 'dist', 'h5');

export interface PreviewOptions {
  /** gateway port; 0 = any free port */
  port: number;
  host?: string;
  dataDir: string;
  /** empty every collection and seed afresh */
  reset?: boolean;
  h5Dir?: string;
  functionsDir?: string;
  /** sets the local clock before seeding (tests); default: real time */
  now?: Date;
  /** check timer triggers against the local clock every second (npm start); tests move the clock instead */
  tickTriggers?: boolean;
}

export interface Preview {
  url: string;
  adminUrl: string;
  /** null when the data dir already held this version of the demo data (kept, with what users did) */
  seeded: SeedReport | null;
  stop(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const emulator = await startEmulator({ port: 0, dataDir: options.dataDir });
  try {
    configureSdkEnvironment({ adminUrl: emulator.adminUrl });
    const db = connectDatabase();
    const needsSeed = options.reset || !(await isSeeded(db));
    if (options.now) localClock.set(options.now);
    // another version of the demo data is replaced whole: its sign-ups would not match the new lines and counters
    const seeded = needsSeed ? await seed(db, { now: localClock.now(), reset: true }) : null;
    const functionsDir = options.functionsDir ?? DEFAULT_FUNCTIONS_DIR;
    const runtime = createRuntime({ adminUrl: emulator.adminUrl, functionsDir });
    const triggers = createTriggerRunner(runtime, readTriggers(functionsDir, runtime.functionNames()), (line) => console.error(line));
    if (options.tickTriggers) triggers.start();
    const gateway = await startGateway({
      port: options.port,
      host: options.host,
      h5Dir: options.h5Dir ?? DEFAULT_H5_DIR,
      runtime,
      adminUrl: emulator.adminUrl,
      triggers,
    });
    return {
      url: gateway.url,
      adminUrl: emulator.adminUrl,
      seeded,
      async stop() {
        triggers.stop();
        await gateway.stop();
        await emulator.stop();
      },
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
