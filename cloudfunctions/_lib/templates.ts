/**
 * WeChat template ids by key. One function, so that reading them from the settings collection later is a
 * one-line change here.
 */
import { DEFAULT_TEMPLATE_IDS, type TemplateKey } from '../../src/shared/messages';

export function templateId(key: TemplateKey): string {
  return DEFAULT_TEMPLATE_IDS[key];
}
