/**
 * WeChat subscribe-message keyword values, within the platform's limits (thing ≤ 20 characters, phrase ≤ 5 ...).
 * Lengths are counted in Unicode code points, as WeChat counts them; a value is cut on a whole character
 * (never half a surrogate pair or a split emoji) and marked with "…". Empty values are refused by WeChat, so
 * they become "无".
 */
export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  name: 10,
  phone_number: 17,
  car_number: 8,
  time: 32,
  date: 32,
};

/** The limit for a keyword such as thing1 or phrase12; undefined for unknown types. */
export function fieldLimit(key: string): number | undefined {
  return FIELD_LIMITS[key.replace(/\d+$/, '')];
}

/** Whole characters (grapheme clusters) of a text, e.g. a flag emoji stays one. */
type SegmenterClass = new (locale: string, options: { granularity: 'grapheme' }) => { segment(text: string): Iterable<{ segment: string }> };

function graphemes(text: string): string[] {
  // es2021 lib has no Intl.Segmenter type; older runtimes lack it
  const Segmenter: SegmenterClass | undefined = Reflect.get(Intl, 'Segmenter');
  if (!Segmenter) return Array.from(text);
  return Array.from(new Segmenter('zh', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** The text within `limit` code points: whole characters kept from the start, "…" when something was cut. */
export function truncateChars(text: string, limit: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (codePointLength(clean) <= limit) return clean;
  const room = Math.max(0, limit - 1);
  let out = '';
  for (const g of graphemes(clean)) {
    if (codePointLength(out) + codePointLength(g) > room) break;
    out += g;
  }
  return `${out.trimEnd()}…`;
}

/** A keyword value WeChat accepts: within the type's limit, never empty. phrase takes Chinese characters only. */
export function fitField(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const limit = fieldLimit(key);
  let text = value;
  if (type === 'phrase') text = Array.from(text).filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (limit !== undefined) text = type === 'phrase' ? Array.from(text).slice(0, limit).join('') : truncateChars(text, limit);
  return text.trim() === '' ? '无' : text;
}

/** All keyword values of a message fitted. */
export function fitFields(data: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, fitField(key, value)]));
}
