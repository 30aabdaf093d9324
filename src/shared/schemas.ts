/**
 * Payload validators (valibot) for every action in contracts.ts, shared by the functions and the app.
 * Rules: payloads are strict objects (unknown keys rejected), every string is length-capped, and no key may
 * start with "$" (so Mongo operator objects such as {"$gt": ""} never reach a query). Adding an action is one
 * line in `schemas` below; `satisfies` makes a validator whose output differs from the contract fail tsc.
 */
import * as v from 'valibot';
import type { ActionName, FunctionName, RequestOf } from './contracts';
import { ERROR_MESSAGES, isErrorCode } from './errors';
import type { InputCode } from './fields';
import { catalogSchemas } from './schemas-catalog';
import { memberSchemas } from './schemas-member';
import { enrollmentSchemas } from './schemas-enrollment';
import { rosterSchemas } from './schemas-roster';
import { noticeSchemas } from './schemas-notice';
import { suggestionSchemas } from './schemas-suggestion';
import { checkinSchemas } from './schemas-checkin';
import { staffSchemas } from './schemas-staff';
import { figuresSchemas } from './schemas-figures';
import { messagesSchemas } from './schemas-messages';
import { hotlineSchemas } from './schemas-hotline';
import { lessonsSchemas } from './schemas-lessons';
import { branchSchemas } from './schemas-branch';

/** Deepest nesting a payload may have. */
const MAX_DEPTH = 8;

// --- field builders: in fields.ts, re-exported here ---
export { MAX_TEXT, text, docId, int, payload, emptyPayload } from './fields';

// --- the validators of every action ---

type SchemaMap = {
  [F in FunctionName]: { [A in ActionName<F>]: v.GenericSchema<unknown, RequestOf<F, A>> };
};

export const schemas = {
  roster: rosterSchemas,
  catalog: catalogSchemas,
  member: memberSchemas,
  enrollment: enrollmentSchemas,
  notice: noticeSchemas,
  suggestion: suggestionSchemas,
  checkin: checkinSchemas,
  staff: staffSchemas,
  figures: figuresSchemas,
  messages: messagesSchemas,
  hotline: hotlineSchemas,
  lessons: lessonsSchemas,
  branch: branchSchemas,
} satisfies SchemaMap;

/**
 * What the app may send for an action: its validator's input. The contract's request (what the action receives)
 * is the validator's output; the two differ where a field has a default (an optional note arrives as '').
 */
export type RequestInput<F extends FunctionName, A extends ActionName<F>> = SchemaOf<F, A> extends v.GenericSchema ? v.InferInput<SchemaOf<F, A>> : never;
type Schemas = typeof schemas;
type SchemaOf<F, A> = F extends keyof Schemas ? (A extends keyof Schemas[F] ? Schemas[F][A] : never) : never;

// --- parsing ---

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: InputCode; message: string; field?: string };

/** True when some key at any depth starts with "$" or the nesting is deeper than MAX_DEPTH. */
export function hasOperatorKeys(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((item) => hasOperatorKeys(item, depth + 1));
  return Object.keys(value).some(
    (key) => key.startsWith('$') || hasOperatorKeys((value as Record<string, unknown>)[key], depth + 1),
  );
}

/** Validates a payload; an absent payload counts as {}. The message is plain Chinese; `field` names the culprit. */
export function parsePayload<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ParseResult<T> {
  const candidate = input === undefined ? {} : input;
  const invalid = { ok: false, code: 'INPUT.INVALID', message: ERROR_MESSAGES['INPUT.INVALID'] } as const;
  // valibot's object schemas accept arrays; a payload never is one
  if (Array.isArray(candidate)) return invalid;
  if (hasOperatorKeys(candidate)) return invalid;
  const result = v.safeParse(schema, candidate, { abortEarly: true, message: ERROR_MESSAGES['INPUT.INVALID'] });
  if (result.success) return { ok: true, value: result.output };
  return refusal(result.issues[0]);
}

/** The coded answer to a failed parse. A strict object reports missing and unknown keys with one issue type. */
function refusal(issue: v.BaseIssue<unknown> | undefined): ParseResult<never> {
  if (!issue) return { ok: false, code: 'INPUT.INVALID', message: ERROR_MESSAGES['INPUT.INVALID'] };
  const path = (issue.path ?? []).map((item) => item.key).filter((key) => typeof key === 'string' || typeof key === 'number');
  const field = path.length ? path.join('.') : undefined;
  const at = field === undefined ? {} : { field };
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return { ok: false, code: 'INPUT.INVALID', message: '包含了不该有的内容', ...at };
  }
  if (issue.type === 'strict_object' && issue.input === undefined && issue.expected !== 'Object') {
    return { ok: false, code: 'INPUT.INVALID', message: '还有必填的内容没有填写', ...at };
  }
  const code = isErrorCode(issue.type) && issue.type.startsWith('INPUT.') ? (issue.type as InputCode) : 'INPUT.INVALID';
  return { ok: false, code, message: issue.message, ...at };
}
