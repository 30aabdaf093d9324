/**
 * The only caller of Taro.cloud.callFunction. Every cloud call goes through `call`, typed by the shared
 * contracts, and always resolves to a Result: pages never see a thrown error or an undefined answer.
 * In the H5 build (local preview) the same call posts to the local gateway instead.
 */
import Taro from '@tarojs/taro';
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../shared/contracts';
import { appError, isErrorCode } from '../shared/errors';
import type { Result } from '../shared/result';

/** The local preview's sign-in page (H5 only). */
export const LOCAL_SIGNIN_PATH = '/local/signin';

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: RequestOf<F, A>,
): Promise<Result<ResponseOf<F, A>>> {
  if (process.env.TARO_ENV === 'h5') {
    const result = await postToGateway(fn, { action, payload });
    if (!result.ok && result.error.code === 'AUTH.NO_IDENTITY') window.location.assign(LOCAL_SIGNIN_PATH);
    return result as Result<ResponseOf<F, A>>;
  }
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, payload } });
    return toResult(res.result) as Result<ResponseOf<F, A>>;
  } catch {
    return { ok: false, error: appError('NETWORK.FAILED') };
  }
}

async function postToGateway(fn: string, body: unknown): Promise<Result<unknown>> {
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
  try {
    return toResult(await response.json());
  } catch {
    return { ok: false, error: appError(response.ok ? 'SYSTEM.ERROR' : 'NETWORK.FAILED') };
  }
}

/** Accepts only a well-formed {ok:true,data} | {ok:false,error:{code,message}}; anything else is a system error. */
export function toResult(value: unknown): Result<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const answer = value as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
    if (answer.ok === true && 'data' in answer) return { ok: true, data: answer.data };
    if (answer.ok === false && answer.error && isErrorCode(answer.error.code)) {
      const message = typeof answer.error.message === 'string' && answer.error.message ? answer.error.message : undefined;
      return { ok: false, error: appError(answer.error.code, message) };
    }
  }
  return { ok: false, error: appError('SYSTEM.ERROR') };
}
