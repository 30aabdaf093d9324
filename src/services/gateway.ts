/**
 * H5 only (local preview): posts a cloud call to the local gateway. Never part of the weapp build:
 * cloud.ts requires this module behind a TARO_ENV check that the bundler removes.
 */
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import { toResult, type Transport } from './answer';

/** The local preview's sign-in page. */
const LOCAL_SIGNIN_PATH = '/local/signin';

/** A gateway answer as read off the wire (index.html reads home's early answer this way before the app loads). */
export interface ReadAnswer {
  status: number;
  text: string;
}

const readAnswer = (response: Response): Promise<ReadAnswer> => response.text().then((text) => ({ status: response.status, text }));

/** The Result of a gateway answer already read. */
export function answerOf(read: ReadAnswer): Result<unknown> {
  let result: Result<unknown>;
  try {
    result = toResult(JSON.parse(read.text));
  } catch {
    result = { ok: false, error: appError(read.status >= 200 && read.status < 300 ? 'SYSTEM.ERROR' : 'NETWORK.FAILED') };
  }
  if (!result.ok && result.error.code === 'AUTH.NO_IDENTITY') window.location.assign(LOCAL_SIGNIN_PATH);
  return result;
}

/** The Result of a gateway request under way (also the one index.html started before the app loaded). */
export async function gatewayAnswer(reading: Promise<ReadAnswer>): Promise<Result<unknown>> {
  let read: ReadAnswer;
  try {
    read = await reading;
  } catch {
    return { ok: false, error: appError('NETWORK.FAILED') };
  }
  return answerOf(read);
}

export const postToGateway: Transport = (fn, body) =>
  gatewayAnswer(
    fetch(`/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    }).then(readAnswer),
  );
