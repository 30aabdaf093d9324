/**
 * The bureau's hotline, a setting the bureau supplies (settings doc 'bureau', field hotline). The one place that reads
 * it until the settings page owns it: null when not set, and the screens then say nothing of a number.
 */
import type { Db } from './db';

export async function bureauHotline(db: Db): Promise<string | null> {
  const doc = await db.byId<{ hotline?: unknown }>('settings', 'bureau');
  return typeof doc?.hotline === 'string' && doc.hotline.trim() ? doc.hotline.trim() : null;
}
