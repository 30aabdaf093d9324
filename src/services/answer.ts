import { appError, isErrorCode } from '../shared/errors';
import type { Result } from '../shared/result';

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

export type Transport = (fn: string, body: { action: string; payload: unknown }) => Promise<Result<unknown>>;
