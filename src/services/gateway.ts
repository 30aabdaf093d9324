/**
 * H5 only (local preview): posts a cloud call to the local gateway. Never part of the weapp build:
 * cloud.ts requires this module behind a TARO_ENV check that the bundler removes.
 */
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import { toResult, type Transport } from './answer';

/** The local preview's sign-in page. */
const LOCAL_SIGNIN_PATH = '/local/signin';

export const postToGateway: Transport = async (fn, body) => {
  let response: Response;
  try {
    response = await fetch(`/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
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
};
