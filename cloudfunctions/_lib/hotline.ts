/**
 * The bureau's hotline as the screens show it: the `hotline` setting (系统设置), or null while it is still the
 * placeholder, and the screens then say nothing of a number.
 */
import { SETTINGS } from '../../src/shared/settings';
import type { Db } from './db';
import { readSettings } from './settings';

const PLACEHOLDER = SETTINGS.find((setting) => setting.key === 'hotline')?.placeholder;

export async function bureauHotline(db: Db): Promise<string | null> {
  const { hotline } = await readSettings(db);
  return hotline && hotline !== PLACEHOLDER ? hotline : null;
}
