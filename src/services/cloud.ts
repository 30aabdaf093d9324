/**
 * The only caller of Taro.cloud.callFunction. Every cloud call goes through `call`, typed by the shared
 * contracts, and always resolves to a Result: pages never see a thrown error or an undefined answer.
 * In the H5 build (local preview) the same call posts to the local gateway instead.
 */
import Taro from '@tarojs/taro';
import type { ActionName, FunctionName, ResponseOf } from '../shared/contracts';
import type { RequestInput } from '../shared/schemas';
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import { toResult, type Transport } from './answer';

const callCloudFunction: Transport = async (fn, body) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: body });
    return toResult(res.result);
  } catch {
    return { ok: false, error: appError('NETWORK.FAILED') };
  }
};

// The condition is a build-time constant: the weapp bundle never contains the gateway module.
const transport: Transport =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./gateway') as typeof import('./gateway')).postToGateway
    : callCloudFunction;

export function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: RequestInput<F, A>,
): Promise<Result<ResponseOf<F, A>>> {
  return transport(fn, { action, payload }) as Promise<Result<ResponseOf<F, A>>>;
}

/** Uploads a file picked on the phone (weapp) to cloud storage; answers its fileID. */
export async function uploadFile(cloudPath: string, filePath: string): Promise<Result<string>> {
  if (process.env.TARO_ENV !== 'weapp') return { ok: false, error: appError('UPLOAD.FAILED') };
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return res.fileID ? { ok: true, data: res.fileID } : { ok: false, error: appError('UPLOAD.FAILED') };
  } catch {
    return { ok: false, error: appError('UPLOAD.FAILED') };
  }
}
