import type { AppError } from './errors';

/** Every cloud call answers with one of these. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}
