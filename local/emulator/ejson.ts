/**
 * EJSON in and out. The SDK sends canonical EJSON strings; values are kept in memory as plain JS (number, Date,
 * RegExp, ...). `{"$tcb_server_date":{"offset":N}}` (db.serverDate()) becomes the server's time plus N ms.
 */
import { BSONRegExp, EJSON } from 'bson';
import { invalidParam } from './errors';
import { localClock } from '../clock';

export type Doc = Record<string, unknown>;

/** Replaces BSON wrapper values mingo does not understand and resolves server dates, in place where possible. */
function normalize(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof RegExp) return value;
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalize(value[i], now);
    return value;
  }
  const object = value as Doc;
  const serverDate = object.$tcb_server_date as { offset?: unknown } | undefined;
  if (serverDate !== undefined) return new Date(now + (Number(serverDate?.offset) || 0));
  for (const key of Object.keys(object)) object[key] = normalize(object[key], now);
  return object;
}

/** Parses one EJSON string from the wire. */
export function parseWire(text: unknown, what: string, now = localClock.nowMs()): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw invalidParam(`${what} is not valid EJSON: ${(error as Error).message}`);
  }
  return normalize(parsed, now);
}

export function parseWireObject(text: unknown, what: string, now = localClock.nowMs()): Doc {
  const value = parseWire(text, what, now);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidParam(`${what} must be an object`);
  return value as Doc;
}

/** Canonical EJSON for the wire. */
export const toWire = (value: unknown): string => EJSON.stringify(value, { relaxed: false });

/** Compact EJSON for the journal and snapshot (relaxed: plain numbers, ISO dates). */
export const toDisk = (value: unknown): string => EJSON.stringify(value, { relaxed: true });

export const fromDisk = (value: unknown): unknown => normalize(EJSON.deserialize(value as Doc, { relaxed: true }), localClock.nowMs());
