/**
 * WeChat template ids by key, from the bureau's settings (系统设置) in one read: null where a template cannot be
 * used (a placeholder in production), and the message then stays in the member's 消息 without a WeChat send.
 */
import { TEMPLATE_SETTING, type TemplateKey } from '../../src/shared/messages';
import type { Db } from './db';
import { readSettings, usableTemplate } from './settings';

export type TemplateIds = Readonly<Record<TemplateKey, string | null>>;

export async function templateIds(db: Db): Promise<TemplateIds> {
  const values = await readSettings(db);
  const keys = Object.keys(TEMPLATE_SETTING) as TemplateKey[];
  return Object.fromEntries(keys.map((key) => [key, usableTemplate(TEMPLATE_SETTING[key], values)])) as Record<TemplateKey, string | null>;
}
