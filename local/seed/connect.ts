/** The real wx-server-sdk database, initialised as production functions do (call configureSdkEnvironment first). */
import type { Database } from './index';

export function connectDatabase(): Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  // DYNAMIC_CURRENT_ENV is typed as a symbol where init expects a string: the one cast the SDK's types need.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return cloud.database();
}
