/**
 * 系统设置 (admins): the bureau's settings — name, hotline, subscribe-message template ids. Each value is checked
 * (a template id has the real format; in production a placeholder is refused) and the save is all or nothing.
 */
import type { SaveSettingsRequest, SettingsView } from '../../src/shared/contracts-staff';
import type { AccountDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { BUREAU_SETTINGS_ID, mergeSettings, missingForProduction, SETTINGS, settingProblem, type SettingKey } from '../../src/shared/settings';
import type { Db } from '../_lib/db';
import { isProduction, type BureauSettingsDoc } from '../_lib/settings';
import { setDoc } from '../_lib/writes';

export async function settingsView(db: Db): Promise<SettingsView> {
  const doc = await db.byId<BureauSettingsDoc>('settings', BUREAU_SETTINGS_ID);
  const values = mergeSettings(doc?.values);
  return {
    items: SETTINGS.map((s) => ({
      key: s.key,
      label: s.label,
      description: s.description,
      kind: s.kind,
      required: s.required,
      value: values[s.key],
      placeholder: values[s.key] === s.placeholder,
    })),
    production: isProduction(),
    missing: missingForProduction(values),
    updatedAt: doc?.updatedAt ? new Date(doc.updatedAt).toISOString() : null,
    updatedBy: doc?.updatedBy ?? null,
  };
}

export async function saveSettings(db: Db, account: AccountDoc, input: SaveSettingsRequest, now: Date): Promise<SettingsView> {
  const production = isProduction();
  const changes = Object.entries(input.values).filter((entry): entry is [SettingKey, string] => entry[1] !== undefined);
  for (const [key, value] of changes) {
    const problem = settingProblem(key, value, production);
    if (problem) {
      const label = SETTINGS.find((s) => s.key === key)?.label ?? key;
      throw new CodedError(problem, `${label}：${problem === 'SETTINGS.PLACEHOLDER' ? '还是示例值，正式使用前必须换成真实的内容' : '格式不对，请核对后再保存'}`);
    }
  }
  const doc = await db.byId<BureauSettingsDoc>('settings', BUREAU_SETTINGS_ID);
  const before = doc?.values ?? {};
  const values = { ...before, ...Object.fromEntries(changes) };
  if (changes.some(([key, value]) => before[key] !== value)) {
    await setDoc(db, 'settings', BUREAU_SETTINGS_ID, { values, updatedAt: now, updatedBy: account.name });
  }
  return settingsView(db);
}
