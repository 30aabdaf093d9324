/** settings {_id: 'suggestion'}: the daily limit and the departments, with defaults when staff set nothing. */
import { DEFAULT_DEPARTMENTS } from '../../src/shared/contracts-suggestion';
import type { SuggestionSettingsDoc } from '../../src/shared/documents';
import { DEFAULT_DAILY_LIMIT } from '../../src/shared/suggestion-rules';
import type { Db } from '../_lib/db';

export interface SuggestionSettings {
  dailyLimit: number;
  departments: string[];
}

export async function suggestionSettings(db: Db): Promise<SuggestionSettings> {
  const stored = await db.byId<Partial<SuggestionSettingsDoc>>('settings', 'suggestion');
  const limit = stored?.dailyLimit;
  return {
    dailyLimit: typeof limit === 'number' && Number.isInteger(limit) && limit >= 0 ? limit : DEFAULT_DAILY_LIMIT,
    departments: stored?.departments?.length ? stored.departments : [...DEFAULT_DEPARTMENTS],
  };
}
