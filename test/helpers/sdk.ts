/** The real wx-server-sdk pointed at an emulator, initialised exactly as production functions do. */
import { configureSdkEnvironment } from '../../local/runtime/sdk-env';

// wx-server-sdk's types fight strict TS (DYNAMIC_CURRENT_ENV is a symbol, results are unions with void): keep it loose here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Cloud = any;
export type Database = any;

export function connectSdk(adminUrl: string): { cloud: Cloud; db: Database } {
  // Quiet the SDK's slow-request warnings; set before the env proxy exists (it refuses to overwrite existing keys).
  process.env.SILENCE ??= 'true';
  configureSdkEnvironment({ adminUrl });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return { cloud, db: cloud.database() };
}
