/** POST /api/<function> {action, payload} -> the function's Result, run by the local runtime as the caller. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { FunctionNotFoundError, FunctionTimeoutError, type Runtime } from '../runtime';
import { GATEWAY_API_BODY_MAX_BYTES } from '../../src/shared/transfer-limits';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http';
import { readOpenid } from './identity';

/** the app keeps its calls under CALL_DATA_MAX_BYTES; the gateway's cap is above that (src/shared/transfer-limits.ts) */
export const MAX_API_BODY_BYTES = GATEWAY_API_BODY_MAX_BYTES;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

const CallSchema = v.object({
  action: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  payload: v.optional(v.record(v.string(), v.unknown()), {}),
});

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || ok === false;
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, runtime: Runtime): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'INPUT.INVALID');
  if (!FUNCTION_NAME.test(name) || !runtime.functionNames().includes(name)) return sendError(res, 404, 'INPUT.UNKNOWN_FUNCTION');
  const openid = readOpenid(req);
  if (!openid) return sendError(res, 401, 'AUTH.NO_IDENTITY');

  let body: Buffer;
  try {
    body = await readBody(req, MAX_API_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendError(res, 413, 'INPUT.TOO_LARGE');
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return sendError(res, 400, 'INPUT.INVALID');
  }
  const call = v.safeParse(CallSchema, parsed);
  if (!call.success) return sendError(res, 400, 'INPUT.INVALID');

  try {
    const answer = await runtime.invoke(name, { action: call.output.action, payload: call.output.payload }, { openid });
    if (!isResult(answer)) {
      console.error(`[gateway] ${name}.${call.output.action} answered without a result`);
      return sendError(res, 500, 'SYSTEM.ERROR');
    }
    sendJson(res, 200, answer);
  } catch (error) {
    if (error instanceof FunctionTimeoutError) return sendError(res, 504, 'SYSTEM.TIMEOUT');
    if (error instanceof FunctionNotFoundError) return sendError(res, 404, 'INPUT.UNKNOWN_FUNCTION');
    console.error(`[gateway] ${name}.${call.output.action} failed:`, error);
    sendError(res, 500, 'SYSTEM.ERROR');
  }
}
