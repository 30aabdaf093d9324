/**
 * The bureau's hotline as the screens show it: the `hotline` setting (系统设置), or null while it is still the
 * placeholder, and the screens then say nothing of a number.
 */
import { SETTINGS, type SettingsValues } from '../../src/shared/settings';

const PLACEHOLDER = SETTINGS.find((setting) => setting.key === 'hotline')?.placeholder;

export function hotlineOf(values: SettingsValues): string | null {
  return values.hotline && values.hotline !== PLACEHOLDER ? values.hotline : null;
}
