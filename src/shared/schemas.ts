/**
 * Payload validators (valibot) for every action in contracts.ts, shared by the functions and the app.
 * Rules: payloads are strict objects (unknown keys rejected), every string is length-capped, and no key may
 * start with "$" (so Mongo operator objects such as {"$gt": ""} never reach a query). Adding an action is one
 * line in `schemas` below; `satisfies` makes a validator whose output differs from the contract fail tsc.
 */
import * as v from 'valibot';
import type { ActionName, FunctionName, RequestOf } from './contracts';
import { ERROR_MESSAGES } from './errors';
import { emptyPayload } from './fields';
import { memberSchemas } from './schemas-member';
import { enrollmentSchemas } from './schemas-enrollment';
import { rosterSchemas } from './schemas-roster';
import { noticeSchemas } from './schemas-notice';
import { suggestionSchemas } from './schemas-suggestion';
import { checkinSchemas } from './schemas-checkin';
import { staffSchemas } from './schemas-staff';
import { figuresSchemas } from './schemas-figures';
import { messagesSchemas } from './schemas-messages';

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
  catalog: {
    home: emptyPayload,
    activities: emptyPayload,
  },
  member: memberSchemas,
  enrollment: enrollmentSchemas,
  notice: noticeSchemas,
  suggestion: suggestionSchemas,
  checkin: checkinSchemas,
  staff: staffSchemas,
  figures: figuresSchemas,
  messages: messagesSchemas,
} satisfies SchemaMap;

// --- parsing ---

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** True when some key at any depth starts with "$" or the nesting is deeper than MAX_DEPTH. */
export function hasOperatorKeys(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((item) => hasOperatorKeys(item, depth + 1));
  return Object.keys(value).some(
    (key) => key.startsWith('$') || hasOperatorKeys((value as Record<string, unknown>)[key], depth + 1),
  );
}

/** Validates a payload; an absent payload counts as {}. The message is plain Chinese. */
export function parsePayload<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ParseResult<T> {
  const candidate = input === undefined ? {} : input;
  // valibot's object schemas accept arrays; a payload never is one
  if (Array.isArray(candidate)) return { ok: false, message: ERROR_MESSAGES['INPUT.INVALID'] };
  if (hasOperatorKeys(candidate)) return { ok: false, message: ERROR_MESSAGES['INPUT.INVALID'] };
  const result = v.safeParse(schema, candidate, { abortEarly: true, message: ERROR_MESSAGES['INPUT.INVALID'] });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, message: messageOf(result.issues[0]) };
}

/** A strict object reports missing and unknown keys with one issue type: tell them apart for the reader. */
function messageOf(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return ERROR_MESSAGES['INPUT.INVALID'];
  if (issue.type === 'strict_object' && issue.expected === 'never') return '包含了不该有的内容';
  if (issue.type === 'strict_object' && issue.input === undefined && issue.expected !== 'Object') {
    return '还有必填的内容没有填写';
  }
  return issue.message;
}
