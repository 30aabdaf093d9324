/** Phone numbers written in a text (landlines 0000-1234567 / 0571-12345678, mobiles 13812345678), in order, once each. */
const PHONE = /(?<![\d-])(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?![\d-])/g;

export function phoneNumbersIn(...texts: readonly string[]): string[] {
  const found = texts.flatMap((text) => text.match(PHONE) ?? []);
  return [...new Set(found)];
}
