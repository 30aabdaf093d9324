/**
 * Which characters a piece of text may carry, decided once for every field (fields.ts builds the schemas from
 * these) and for the notice body's cleaner. Plain functions, no valibot, so the app can use them too.
 */

/** C0 and C1 control characters and DEL, except tab and newline (handled on their own). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Bidirectional embedding, override and isolate characters: they can make "王晓梅" display as something else. */
export const BIDI_CHARS = /[\u202A-\u202E\u2066-\u2069]/;
/** Characters that show nothing: zero-width spaces and joiners, direction marks, word joiner, BOM, soft hyphen, fillers. */
export const INVISIBLE_CHARS = /[\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/;

const all = (pattern: RegExp) => new RegExp(pattern.source, 'g');
const CONTROL_ALL = all(CONTROL_CHARS);
const BIDI_ALL = all(BIDI_CHARS);
const INVISIBLE_ALL = all(INVISIBLE_CHARS);

/** Line ends as '\n', tabs as spaces; a single-line field also turns line ends into spaces. */
export function unifyBreaks(text: string, multiline: boolean): string {
  const unified = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  return multiline ? unified : unified.replace(/\n/g, ' ');
}

/** True when nothing visible is left once invisible characters and white space are taken out. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE_ALL, '').replace(/\s/g, '') === '';
}

export const removeInvisible = (text: string): string => text.replace(INVISIBLE_ALL, '');
export const removeBidi = (text: string): string => text.replace(BIDI_ALL, '');
export const removeControls = (text: string): string => text.replace(CONTROL_ALL, '');

/** A search keyword with everything that cannot be typed on purpose taken out, NFC-normalised and trimmed. */
export function cleanKeyword(text: string): string {
  return removeInvisible(removeBidi(removeControls(unifyBreaks(text, false)))).normalize('NFC').trim();
}

/** A string matched literally inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
