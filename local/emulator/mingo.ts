/**
 * The one entry to mingo (7.1.1), with the places where it differs from MongoDB/CloudBase corrected here, in our
 * layer, over mingo's own operators (our context is merged first, so our operators win):
 * - `$elemMatch` (query) with field conditions matches only elements that are documents, never plain values
 *   (mingo tests `{a: {$exists: false}}` or `{a: {$mod: ...}}` against 1, 2, 3 and matches). Upstream: kofrasa/mingo
 *   issue to file ("$elemMatch with field criteria matches scalar elements").
 * - `$week`: weeks begin on Sunday and days before the year's first Sunday are week 0 (mingo answers one more).
 * - `$substrBytes` with a negative byte count takes the rest of the string, and a range may end at the string's end
 *   (mingo refuses both).
 * - `$indexOfCP` is missing from mingo; implemented here.
 * - `$jsonSchema` needs a validator option; ours is ./json-schema.
 * - mingo 7.1.1 calls an undeclared global `assert` in a few operators ($skip, $project's path checks, $currentDate,
 *   $sigmoid): outside a REPL they throw "assert is not defined"; mingo's own assert is installed as that global.
 * - `$in` over scalars is a set lookup (speed only; same answers).
 * - geo query operators ($nearSphere, $near, $geoWithin, $geoIntersects) are ours: ./geo.
 * `$rename` (update) crashes inside mingo's updater; database.ts applies it itself (see renameFields).
 */
import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context, computeValue } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query as BaseQuery } from 'mingo/query';
import { update as baseUpdate } from 'mingo/updater';
import { assert, isArray, isObjectLike, resolve } from 'mingo/util';
import { intersectsTest, nearTest, withinTest } from './geo';
import { compileJsonSchema } from './json-schema';

const globals = globalThis as { assert?: unknown };
if (typeof globals.assert !== 'function') globals.assert = assert;

type Options = Record<string, unknown>;
type QueryOperator = (selector: string, value: unknown, options: Options) => (obj: unknown) => boolean;
type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;

const LOGICAL = new Set(['$and', '$or', '$nor']);
const isFieldCriteria = (criteria: unknown) =>
  criteria !== null && typeof criteria === 'object' && Object.keys(criteria).some((key) => !key.startsWith('$') || LOGICAL.has(key));

const elemMatch: QueryOperator = (selector, criteria, options) => {
  if (!isFieldCriteria(criteria)) return (queryOperators.$elemMatch as unknown as QueryOperator)(selector, criteria, options);
  const query = new BaseQuery(criteria as Options, options);
  return (obj) => {
    const value = resolve(obj as never, selector, { unwrapArray: true });
    return isArray(value) && value.some((element) => isObjectLike(element) && query.test(element as never));
  };
};

const isScalar = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * $in over scalar values by set lookup (mingo compares each candidate with each value: a staff query with
 * `_id: _.in(500 ids)` over 5,000 members took seconds). Same answers: a missing or null field matches null; an
 * array field matches when any element is in the set.
 */
const inSet: QueryOperator = (selector, values, options) => {
  if (!Array.isArray(values) || !values.every(isScalar)) return (queryOperators.$in as unknown as QueryOperator)(selector, values, options);
  const set = new Set(values);
  const hasNull = set.has(null);
  return (obj) => {
    const value = resolve(obj as never, selector, { unwrapArray: true });
    if (value === undefined || value === null) return hasNull;
    if (isArray(value)) return value.some((element) => set.has(element as never) || (hasNull && element === undefined));
    return set.has(value as never);
  };
};

/** A geo query operator: the field's stored value against the operand (./geo). */
const geoOperator =
  (compile: (spec: unknown) => (value: unknown) => boolean): QueryOperator =>
  (selector, spec) => {
    const test = compile(spec);
    return (obj) => test(resolve(obj as never, selector));
  };

const compute = (obj: unknown, expr: unknown, options: Options) => computeValue(obj as object, expr, null, options as never);
const callExpr = (op: unknown, obj: unknown, expr: unknown, options: Options) => (op as ExpressionOperator)(obj, expr, options);

/** MongoDB $week: 0..53, weeks begin on Sunday, the days before the first Sunday of the year are week 0. */
const week: ExpressionOperator = (obj, expr, options) => {
  const dayOfYear = callExpr(expressionOperators.$dayOfYear, obj, expr, options) as number | null; // 1..366
  const dayOfWeek = callExpr(expressionOperators.$dayOfWeek, obj, expr, options) as number | null; // 1 = Sunday
  if (dayOfYear === null || dayOfYear === undefined || dayOfWeek === null || dayOfWeek === undefined) return null;
  const jan1 = (((dayOfWeek - 1 - (dayOfYear - 1)) % 7) + 7) % 7;
  const firstSunday = (7 - jan1) % 7; // 0-based day of year
  const day = dayOfYear - 1;
  return day < firstSunday ? 0 : Math.floor((day - firstSunday) / 7) + 1;
};

/**
 * $substrBytes as MongoDB: a negative byte count takes the rest of the string; a range may end at the string's end
 * (mingo refuses both); an index inside a UTF-8 sequence is an error; null/missing is "".
 */
const substrBytes: ExpressionOperator = (obj, expr, options) => {
  const args = compute(obj, expr, options);
  assert(isArray(args) && args.length === 3, '$substrBytes requires 3 arguments');
  const [text, index, count] = args as [unknown, unknown, unknown];
  if (text === null || text === undefined) return '';
  assert(typeof text === 'string', '$substrBytes requires a string');
  assert(typeof index === 'number' && Number.isInteger(index) && index >= 0, '$substrBytes: starting index must be a non-negative integer');
  assert(typeof count === 'number' && Number.isInteger(count), '$substrBytes: length must be an integer');
  const bytes = Buffer.from(text as string, 'utf8');
  if ((index as number) >= bytes.length) return '';
  const end = (count as number) < 0 ? bytes.length : Math.min(bytes.length, (index as number) + (count as number));
  const continuation = (at: number) => at < bytes.length && (bytes[at] & 0xc0) === 0x80;
  assert(!continuation(index as number), '$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.');
  assert(!continuation(end), '$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.');
  return bytes.subarray(index as number, end).toString('utf8');
};

/** $indexOfCP: [string, substring, start?, end?] in code points; null string → null; not found → -1. */
const indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const args = compute(obj, expr, options);
  assert(isArray(args) && args.length >= 2 && args.length <= 4, '$indexOfCP expects 2 to 4 arguments');
  const [text, sub, start = 0, end] = args as [unknown, unknown, unknown, unknown];
  if (text === null || text === undefined) return null;
  assert(typeof text === 'string', '$indexOfCP requires a string as the first argument');
  assert(typeof sub === 'string', '$indexOfCP requires a string as the second argument');
  assert(Number.isInteger(start) && (start as number) >= 0, '$indexOfCP requires a non-negative integer start');
  const chars = Array.from(text as string);
  const needle = Array.from(sub as string);
  const stop = end === undefined ? chars.length : Math.min(chars.length, Number(end));
  for (let i = start as number; i + needle.length <= stop; i++) {
    if (needle.every((c, k) => chars[i + k] === c)) return i;
  }
  return -1;
};

const GEO_QUERY = { $nearSphere: geoOperator(nearTest), $near: geoOperator(nearTest), $geoWithin: geoOperator(withinTest), $geoIntersects: geoOperator(intersectsTest) };
const OVERRIDES = Context.init({ query: { $elemMatch: elemMatch, $in: inSet, ...GEO_QUERY }, expression: { $week: week, $substrBytes: substrBytes, $indexOfCP: indexOfCP } } as never);
const MINGO = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
} as never);
/** Our operators first: Context.from keeps the first definition of a name. */
const CONTEXT = Context.from(OVERRIDES, MINGO);

const withContext = <T extends object | undefined>(options: T) =>
  ({ jsonSchemaValidator: compileJsonSchema, ...options, context: CONTEXT }) as unknown as Options;

export class Query extends BaseQuery {
  constructor(condition: object, options?: object) {
    super(condition as never, withContext(options) as never);
  }
}

export class Aggregator extends BaseAggregator {
  constructor(pipeline: object[], options?: object) {
    super(pipeline as never, withContext(options) as never);
  }
}

export const find = (collection: object[], condition: object, projection?: object, options?: object) =>
  new Query(condition, options).find(collection as never, projection as never);

export const update = (obj: object, modifier: object, options?: { queryOptions?: object }) =>
  baseUpdate(obj as never, modifier as never, undefined, undefined, { queryOptions: withContext(options?.queryOptions) } as never);
