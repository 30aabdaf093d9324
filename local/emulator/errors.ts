/**
 * Every error the emulator answers, in one place. The backend answers `{code, message, requestId}`; wx-server-sdk
 * 4.0.2 maps `code` to its numeric errCode (TCB_ERR_CODE in wx-server-sdk/index.js) and puts code + message in errMsg.
 * Server texts are modelled on CloudBase/MongoDB and inferred, not observed on the real cloud.
 */
import { MingoError } from 'mingo/util';
import { GeoError } from './geo';

export const DB_ERRORS = {
  INVALID_PARAM: { errCode: -501007, message: 'invalid param' },
  SYS_ERR: { errCode: -501001, message: 'system error' },
  DATABASE_REQUEST_FAILED: { errCode: -502001, message: 'database request failed' },
  DATABASE_COLLECTION_NOT_EXIST: { errCode: -502005, message: 'Db or Table not exist' },
  DATABASE_COLLECTION_ALREADY_EXIST: { errCode: -501001, message: 'Table exist' },
  DATABASE_TRANSACTION_CONFLICT: {
    errCode: -501001,
    message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
  },
  DATABASE_TRANSACTION_FAIL: {
    errCode: -501001,
    message: '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.',
  },
} as const;

export type DbErrorCode = keyof typeof DB_ERRORS;

export class EmulatorError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message?: string,
  ) {
    super(message ?? DB_ERRORS[code].message);
    this.name = 'EmulatorError';
  }
}

export const collectionNotExist = (name: string) =>
  new EmulatorError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);

export const collectionExists = (name: string) =>
  new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`);

export const invalidParam = (message: string) => new EmulatorError('INVALID_PARAM', message);

export const requestFailed = (message: string) => new EmulatorError('DATABASE_REQUEST_FAILED', message);

/** The real service's texts (as observed by the official SDK's test suite); the emulator's detail is not added. */
export const transactionConflict = () => new EmulatorError('DATABASE_TRANSACTION_CONFLICT');

export const transactionNotExist = () => new EmulatorError('DATABASE_TRANSACTION_FAIL');

export function duplicateKey(collection: string, index: string, key: Record<string, unknown>): EmulatorError {
  const shown = Object.entries(key)
    .map(([field, value]) => `${field}: ${value === undefined ? 'null' : JSON.stringify(value)}`)
    .join(', ');
  return requestFailed(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`);
}

/** Turns anything thrown while serving a request into the wire error body. */
export function toWireError(error: unknown): { code: DbErrorCode; message: string } {
  if (error instanceof EmulatorError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  // Anything mingo refuses (unknown operator or stage, bad arguments) is a failed database request, as on the cloud.
  if (error instanceof MingoError || error instanceof GeoError) return { code: 'DATABASE_REQUEST_FAILED', message };
  // mingo names the operator or stage it does not know; surface it as a failed request, like the cloud does.
  if (/unknown|unregistered|not supported|invalid/i.test(message)) return { code: 'DATABASE_REQUEST_FAILED', message };
  return { code: 'SYS_ERR', message };
}
