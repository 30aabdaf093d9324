/**
 * The bureau's settings (src/shared/settings.ts) as the functions read them: the `settings` document
 * {_id: 'bureau', values} over the placeholders. Messages take their template ids from here, never from constants.
 * Production is the environment `npm run deploy` set up (function variable YLT_STAGE=production): there a
 * placeholder is refused on save and a message with a placeholder template is not attempted.
 */
import {
  BUREAU_SETTINGS_ID,
  mergeSettings,
  SETTINGS,
  settingProblem,
  type SettingsValues,
  type TemplateSettingKey,
} from '../../src/shared/settings';
import type { BureauInfo } from '../../src/shared/contracts';
import type { Db } from './db';
import { hotlineInfoOf } from './hotline';

export interface BureauSettingsDoc {
  _id: typeof BUREAU_SETTINGS_ID;
  values: Partial<SettingsValues>;
  updatedAt: Date;
  updatedBy: string;
}

const TEMPLATE_KEYS = SETTINGS.filter((s) => s.kind === 'templateId').map((s) => s.key as TemplateSettingKey);

export const isProduction = (): boolean => process.env.YLT_STAGE === 'production';

/** All settings, stored values over placeholders (one read). */
export async function readSettings(db: Db): Promise<SettingsValues> {
  const doc = await db.byId<BureauSettingsDoc>('settings', BUREAU_SETTINGS_ID);
  return mergeSettings(doc?.values);
}

/** A template id from these values; null in production while it is still a placeholder (nothing to send with). */
export function usableTemplate(key: TemplateSettingKey, values: SettingsValues): string | null {
  const value = values[key];
  return settingProblem(key, value, isProduction()) === null ? value : null;
}

/** A subscribe-message template id (one read of the settings). */
export async function templateId(db: Db, key: TemplateSettingKey): Promise<string | null> {
  return usableTemplate(key, await readSettings(db));
}

/** What every page may know of the settings (member.me): name, hotline, the template ids fit to ask for. */
export async function bureauInfo(db: Db): Promise<BureauInfo> {
  const values = await readSettings(db);
  const usable = (key: TemplateSettingKey) => usableTemplate(key, values) ?? '';
  return {
    name: values.bureauName,
    hotline: values.hotline,
    hotlineInfo: hotlineInfoOf(values),
    templates: Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, usable(key)])) as BureauInfo['templates'],
  };
}
