/**
 * The bureau's hotline as the screens show it: the `hotline` setting (系统设置) with its opening hours
 * (`hotlineHours`), or null while the number is still the placeholder, and the screens then say nothing of a number.
 */
import { SETTINGS, type SettingsValues } from '../../src/shared/settings';
import type { HotlineInfo } from '../../src/shared/contracts-member';

const PLACEHOLDER = SETTINGS.find((setting) => setting.key === 'hotline')?.placeholder;

export function hotlineOf(values: SettingsValues): string | null {
  return values.hotline && values.hotline !== PLACEHOLDER ? values.hotline : null;
}

/** The number with its opening hours (home, help), null while no number is set. */
export function hotlineInfoOf(values: SettingsValues): HotlineInfo | null {
  const number = hotlineOf(values);
  return number ? { number, hours: values.hotlineHours } : null;
}
