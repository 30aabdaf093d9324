/**
 * H5 only (local preview): posts a cloud call to the local gateway. Never part of the weapp build:
 * cloud.ts requires this module behind a TARO_ENV check that the bundler removes.
 */
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import { toResult, type Transport } from './answer';

/** The local preview's sign-in page. */
const LOCAL_SIGNIN_PATH = '/local/signin';

/** The Result of a gateway request already sent (also one index.html started before the app loaded). */
export async function gatewayAnswer(sent: Promise<Response>): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await sent;
  } catch {
    return { ok: false, error: appError('NETWORK.FAILED') };
  }
  let result: Result<unknown>;
  try {
    result = toResult(await response.json());
  } catch {
    result = { ok: false, error: appError(response.ok ? 'SYSTEM.ERROR' : 'NETWORK.FAILED') };
  }
  if (!result.ok && result.error.code === 'AUTH.NO_IDENTITY') window.location.assign(LOCAL_SIGNIN_PATH);
  return result;
}

export const postToGateway: Transport = (fn, body) =>
  gatewayAnswer(
    fetch(`/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    }),
  );
