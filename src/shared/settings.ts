/**
 * The per-bureau settings: values each county supplies (its name, its hotline, its subscribe-message template
 * ids), kept in the `settings` collection as one document {_id: 'bureau', values}, edited by an administrator on
 * the staff page 系统设置 and read by the functions (cloudfunctions/_lib/settings.ts). The deploy plan lists them
 * (`settings` in `npm run deploy -- --dry-run --json`). Until an administrator saves a value the placeholder is
 * used: fine on the local emulator, refused in production (a real phone rejects a placeholder template id).
 */

export type SettingKind = 'text' | 'phone' | 'templateId';

export interface SettingSpec {
  key: string;
  kind: SettingKind;
  /** must be set (to a real value) before the product is used in production */
  required: boolean;
  /** the label on the settings page */
  label: string;
  /** what it is and where to find it, for the bureau's IT person */
  description: string;
  /** the value used until one is saved; never accepted in production */
  placeholder: string;
}

export const SETTINGS = [
  {
    key: 'bureauName',
    kind: 'text',
    required: true,
    label: '单位名称',
    description: '老干部局的全称，例如“某某县委老干部局”',
    placeholder: '本地预览老干部局',
  },
  {
    key: 'hotline',
    kind: 'phone',
    required: true,
    label: '服务电话',
    description: '老同志有事可以拨打的电话，例如 0571-88886666',
    placeholder: '0000-0000000',
  },
  {
    key: 'hotlineHours',
    kind: 'text',
    required: true,
    label: '服务电话接听时间',
    description: '服务电话有人接听的时间，例如“工作日 上午8:30-12:00 下午2:30-5:30”',
    placeholder: '工作日 上午8:30-12:00 下午2:30-5:30',
  },
  {
    key: 'tplEnrollPromoted',
    kind: 'templateId',
    required: true,
    label: '订阅消息：候补成功',
    description: '小程序后台 → 订阅消息 → 我的模板里“候补成功通知”的模板ID（thing1 事项, phrase2 结果, thing3 下一步）',
    placeholder: 'TPL_ENROLL_PROMOTED',
  },
  {
    key: 'tplEnrollApproval',
    kind: 'templateId',
    required: true,
    label: '订阅消息：审核结果',
    description: '“审核结果通知”的模板ID（thing1 事项, phrase2 结果, thing3 下一步）',
    placeholder: 'TPL_ENROLL_APPROVAL',
  },
  {
    key: 'tplActivityCancelled',
    kind: 'templateId',
    required: true,
    label: '订阅消息：活动取消',
    description: '“活动取消通知”的模板ID（thing1 活动, time2 时间, thing3 说明）',
    placeholder: 'TPL_ACTIVITY_CANCELLED',
  },
  {
    key: 'tplActivityReminder',
    kind: 'templateId',
    required: true,
    label: '订阅消息：活动提醒',
    description: '“活动提醒”的模板ID（thing1 活动, time2 时间, thing3 地点, thing4 提示）',
    placeholder: 'TPL_ACTIVITY_REMINDER',
  },
  {
    key: 'tplLotteryResult',
    kind: 'templateId',
    required: true,
    label: '订阅消息：摇号结果',
    description: '“摇号结果通知”的模板ID（thing1 事项, phrase2 结果, thing3 下一步）',
    placeholder: 'TPL_LOTTERY_RESULT',
  },
  {
    key: 'tplVisitsDue',
    kind: 'templateId',
    required: true,
    label: '订阅消息：走访提醒（工作人员）',
    description: '给工作人员的“待办提醒”模板ID（thing1 事项, thing2 说明）',
    placeholder: 'TPL_VISITS_DUE',
  },
  {
    key: 'tplSuggestionProgress',
    kind: 'templateId',
    required: true,
    label: '订阅消息：建议处理进度',
    description: '“建议处理进度通知”的模板ID（character_string1 编号, phrase2 状态, thing3 内容, time4 时间, thing5 备注）',
    placeholder: 'local-suggestion-progress',
  },
] as const satisfies readonly SettingSpec[];

export type SettingKey = (typeof SETTINGS)[number]['key'];
export type SettingsValues = Record<SettingKey, string>;
export type TemplateSettingKey = Extract<(typeof SETTINGS)[number], { kind: 'templateId' }>['key'];

/** The `settings` document that holds them. */
export const BUREAU_SETTINGS_ID = 'bureau';

/** Real template ids seen are 43 characters of [A-Za-z0-9_-] (cloudbase-deploy.md §5). */
export const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A phone number as people write it: digits, optionally with dashes or spaces, 5 to 20 characters. */
const PHONE_PATTERN = /^\+?[0-9][0-9 -]{3,18}[0-9]$/;
const TEXT_MAX = 40;

export type SettingProblem = 'SETTINGS.INVALID' | 'SETTINGS.PLACEHOLDER';

const SPEC_BY_KEY = new Map<string, SettingSpec>(SETTINGS.map((s) => [s.key, s]));

export function isSettingKey(key: string): key is SettingKey {
  return SPEC_BY_KEY.has(key);
}

export function settingsDefaults(): SettingsValues {
  return Object.fromEntries(SETTINGS.map((s) => [s.key, s.placeholder])) as SettingsValues;
}

/** What is wrong with one value (null = fine). Placeholders are refused only in production. */
export function settingProblem(key: SettingKey, value: string, production: boolean): SettingProblem | null {
  const spec = SPEC_BY_KEY.get(key) as SettingSpec;
  if (value === spec.placeholder) return production ? 'SETTINGS.PLACEHOLDER' : null;
  if (value.trim() !== value || value === '') return 'SETTINGS.INVALID';
  switch (spec.kind) {
    case 'templateId':
      return TEMPLATE_ID_PATTERN.test(value) ? null : 'SETTINGS.INVALID';
    case 'phone':
      return PHONE_PATTERN.test(value) ? null : 'SETTINGS.INVALID';
    case 'text':
      return value.length <= TEXT_MAX && !/[\u0000-\u001f<>]/.test(value) ? null : 'SETTINGS.INVALID';
  }
}

/** The keys whose stored (or default) values are not fit for production: placeholders and bad values. */
export function missingForProduction(values: SettingsValues): SettingKey[] {
  return SETTINGS.filter((s) => s.required && settingProblem(s.key, values[s.key], true) !== null).map((s) => s.key);
}

/** The stored values over the defaults; anything stored that is not a string of a known key is ignored. */
export function mergeSettings(stored: unknown): SettingsValues {
  const values = settingsDefaults();
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      if (isSettingKey(key) && typeof value === 'string') values[key] = value;
    }
  }
  return values;
}
