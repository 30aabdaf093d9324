/**
 * Field builders shared by every schemas-<area>.ts (kept apart from the registry in schemas.ts, which imports
 * those files: builders living there would make the imports circular). Messages are what a retiree reads.
 */
import * as v from 'valibot';

/** Longest string any payload field may carry unless its builder says less. */
export const MAX_TEXT = 2000;
/** Trimmed, non-empty text of at most `max` characters. */
export const text = (label: string, max: number = 100) =>
  v.pipe(
    v.string(`${label}应当是文字`),
    v.trim(),
    v.nonEmpty(`请填写${label}`),
    v.maxLength(Math.min(max, MAX_TEXT), `${label}最多${Math.min(max, MAX_TEXT)}个字`),
  );

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

/** A strict payload object: unknown keys (e.g. openid) are rejected. */
export const payload = <const E extends v.ObjectEntries>(entries: E) => v.strictObject(entries);

/** The payload of an action that takes no input. */
export const emptyPayload = payload({});
