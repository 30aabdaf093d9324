/**
 * Field builders shared by every schemas-<area>.ts (kept apart from the registry in schemas.ts, which imports
 * those files: builders living there would make the imports circular). Messages are what a retiree reads.
 */
import * as v from 'valibot';
import {
  eventWindow,
  isCalendarDay,
  isIsoTime,
  pastWindow,
  periodWindow,
  rangeText,
  withinDays,
  type DayRange,
} from './date-rules';
import type { ErrorCode } from './errors';
import {
  BIDI_CHARS,
  cleanKeyword,
  CONTROL_CHARS,
  isBlank,
  removeBidi,
  removeInvisible,
  unifyBreaks,
} from './text-rules';

/** Longest string any payload field may carry unless its builder says less. */
export const MAX_TEXT = 2000;

/** The INPUT.* error codes a field check can answer with. */
export type InputCode = Extract<ErrorCode, `INPUT.${string}`>;

/**
 * A valibot validation whose issue carries an error code: valibot copies the action's `type` into the issue,
 * and parsePayload (schemas.ts) answers with that code when it is one.
 */
export function coded<A extends { type: string }>(code: InputCode, action: A): A {
  return { ...action, type: code } as A;
}

/**
 * The hygiene every text field gets, in one place: NFC normalisation, line ends unified (a single-line field
 * turns them into spaces), control characters refused, bidirectional overrides refused in single-line fields
 * (removed in long text), invisible characters removed from single-line fields, then trimmed.
 * Text that is only invisible characters is refused with INPUT.EMPTY_TEXT unless `allowBlank`.
 */
function hygiene(label: string, cap: number, multiline: boolean) {
  return v.pipe(
    v.string(`${label}应当是文字`),
    // cheap guard before the work below: twice the cap leaves room for what cleaning takes out
    v.maxLength(cap * 2 + 16, `${label}最多${cap}个字`),
    v.transform((value) => unifyBreaks(value.normalize('NFC'), multiline)),
    coded('INPUT.CONTROL_CHAR', v.check<string, string>((value) => !CONTROL_CHARS.test(value), `${label}里有看不见的控制字符，请删掉后再试`)),
    multiline
      ? v.transform(removeBidi)
      : coded('INPUT.BIDI_CHAR', v.check<string, string>((value) => !BIDI_CHARS.test(value), `${label}里有会改变文字方向的特殊字符，请删掉后再试`)),
    v.transform((value) => (multiline ? value : removeInvisible(value)).trim()),
  );
}

/** Trimmed, non-empty single-line text of at most `max` characters (names, titles, places...). */
export const text = (label: string, max: number = 100) => filled(label, max, false);

/** Trimmed, non-empty text of at most `max` characters that may hold line breaks (suggestions, replies, notes). */
export const longText = (label: string, max: number = MAX_TEXT) => filled(label, max, true);

/** Like longText, for a document staff paste whole (a lesson's transcript): its own cap, above MAX_TEXT. */
export const documentText = (label: string, max: number) => filled(label, max, true, max);

function filled(label: string, max: number, multiline: boolean, cap: number = Math.min(max, MAX_TEXT)) {
  return v.pipe(
    hygiene(label, cap, multiline),
    v.nonEmpty(`请填写${label}`),
    coded('INPUT.EMPTY_TEXT', v.check<string, string>((value) => !isBlank(value), `${label}：请写几个字`)),
    v.maxLength(cap, `${label}最多${cap}个字`),
  );
}

/** Text that may be left out or empty ('' when absent); blank-looking text counts as empty. */
export const optionalText = (label: string, max: number, multiline = max > 100) => {
  const cap = Math.min(max, MAX_TEXT);
  return v.optional(
    v.pipe(
      hygiene(label, cap, multiline),
      v.transform((value) => (isBlank(value) ? '' : value)),
      v.maxLength(cap, `${label}最多${cap}个字`),
    ),
    '',
  );
};

/**
 * A search keyword: what cannot be typed on purpose (control, invisible, direction characters, NUL included) is
 * taken out rather than refused; the handler matches it literally (escapeRegExp in text-rules.ts).
 */
export const keyword = (label: string, max: number) =>
  v.pipe(
    v.string(`${label}应当是文字`),
    v.maxLength(max * 4, `${label}最多${max}个字`),
    v.transform(cleanKeyword),
    coded('INPUT.EMPTY_TEXT', v.nonEmpty<string, string>(`${label}：请写几个字`)),
    v.maxLength(max, `${label}最多${max}个字`),
  );

// --- dates (rules in date-rules.ts) ---

/** An ISO 8601 date-time that exists on the calendar, e.g. 2026-05-03T09:00:00+08:00. */
export const isoTime = (label: string) =>
  v.pipe(
    v.string(`${label}不对`),
    v.maxLength(40, `${label}不对`),
    coded('INPUT.BAD_DATE', v.check<string, string>(isIsoTime, `${label}不对，应当是日历上有的日期和时间`)),
  );

/** A Beijing calendar day 'YYYY-MM-DD' that exists (2026-02-30 is refused, never rolled over). */
export const calendarDay = (label: string) =>
  v.pipe(
    v.string(`${label}不对`),
    v.maxLength(10, `${label}应当像 2026-01-31 这样`),
    coded('INPUT.BAD_DATE', v.check<string, string>(isCalendarDay, `${label}不对，应当是日历上有的日期，像 2026-01-31 这样`)),
  );

/** The range check of a date field; the window is taken when the payload is checked, so "today" is today. */
const within = (label: string, window: (now?: Date) => DayRange) =>
  coded('INPUT.DATE_RANGE', v.check<string, (issue: v.CheckIssue<string>) => string>(
    (value) => withinDays(value, window()),
    () => rangeText(label, window()),
  ));

/** When an activity, a course's enrolment window or a service session happens: a year ago to two years ahead. */
export const eventTime = (label: string) => v.pipe(isoTime(label), within(label, eventWindow));
/** A day something already happened (a care visit): not before records begin, not in the future. */
export const pastDay = (label: string) => v.pipe(calendarDay(label), within(label, pastWindow));
/** An end of a statistics period: not before records begin, not after this year. */
export const periodDay = (label: string) => v.pipe(calendarDay(label), within(label, periodWindow));

/** A create's idempotency key (the page makes one per form opened; see _lib/writes.ts newDocId). */
export const requestKey = () => v.optional(v.pipe(v.string('请求编号不对'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不对')));

/** A document id as CloudBase generates or the seed writes them. */
export const docId = (label: string = '编号') =>
  v.pipe(v.string(`${label}不对`), v.regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}不对`));

/** An integer in [min, max]. */
export const int = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`${label}应当是数字`),
    v.integer(`${label}应当是整数`),
    v.minValue(min, `${label}不能小于${min}`),
    v.maxValue(max, `${label}不能大于${max}`),
  );

/**
 * A strict payload object: unknown keys (e.g. openid) are rejected, judged by own property.
 * Upstream valibot (1.2) strictObject checks unknown keys with `key in entries`, so a key every object inherits
 * (`constructor`, `__proto__`, `toString`, ...) counts as known and slips through; this wrapper refuses any own key
 * of the input that is not an own key of `entries` before valibot runs (the schema's shape and type are unchanged,
 * so it still works inside v.variant).
 */
export const payload = <const E extends v.ObjectEntries>(entries: E) => {
  const schema = v.strictObject(entries);
  const run = schema['~run'];
  const guarded: typeof schema['~run'] = function (this: typeof schema, dataset, config) {
    const input: unknown = dataset.value;
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      const unknownKey = Object.keys(input).find((key) => !Object.prototype.hasOwnProperty.call(entries, key));
      if (unknownKey !== undefined) {
        v._addIssue(this, 'key', dataset, config, {
          input: unknownKey,
          expected: 'never',
          path: [{ type: 'object', origin: 'key', input: input as Record<string, unknown>, key: unknownKey, value: (input as Record<string, unknown>)[unknownKey] }],
        });
        // the dataset now carries the issue (untyped): valibot treats it as a failure
        return dataset as never;
      }
    }
    return run.call(this, dataset, config);
  };
  const descriptors = Object.getOwnPropertyDescriptors(schema);
  return Object.defineProperties({}, { ...descriptors, '~run': { ...descriptors['~run'], value: guarded } }) as typeof schema;
};

/** The payload of an action that takes no input. */
export const emptyPayload = payload({});

/** The requests of an area's validators (schemas-<area>.ts): what its actions receive, derived, never rewritten. */
export type RequestsOf<S extends Record<string, v.GenericSchema>> = { [A in keyof S]: v.InferOutput<S[A]> };

/** An area's contracts: each action's request is its validator's output, its response as listed (one line per action). */
export type ContractsOf<S extends Record<string, v.GenericSchema>, Res extends { [A in keyof S]: unknown }> = {
  [A in keyof S]: { request: v.InferOutput<S[A]>; response: Res[A] };
};
