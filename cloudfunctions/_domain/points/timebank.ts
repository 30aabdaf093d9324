/**
 * The time bank's settings and a member's balance, shared by `checkin` (ledger, 我的志愿时长) and `member`
 * (the points summary on 我的). Totals are an aggregate over the ledger entries, never a stored counter.
 */
import type { TimeBankSettingsDoc } from '../../../src/shared/documents';
import { DEFAULT_TIMEBANK_SETTINGS, type TimeBankSettings } from '../../../src/shared/timebank-rules';
import { aggregateRows } from '../../_lib/aggregate';
import type { Db } from '../../_lib/db';
import { singleFlight } from '../../_lib/single-flight';

const settingsCaches = new WeakMap<Db, (key: string) => Promise<TimeBankSettings>>();

/** settings {_id: 'timebank'} over the defaults, through a 2-second cache. */
export function timeBankSettings(db: Db): Promise<TimeBankSettings> {
  let cached = settingsCaches.get(db);
  if (!cached) {
    cached = singleFlight(async () => {
      const stored = await db.byId<Partial<TimeBankSettingsDoc>>('settings', 'timebank');
      return {
        rounding: stored?.rounding ?? DEFAULT_TIMEBANK_SETTINGS.rounding,
        presencePercent: stored?.presencePercent ?? DEFAULT_TIMEBANK_SETTINGS.presencePercent,
        issuer: stored?.issuer ?? DEFAULT_TIMEBANK_SETTINGS.issuer,
      };
    }, 2000);
    settingsCaches.set(db, cached);
  }
  return cached('timebank');
}

export interface Totals {
  hours: number;
  from: Date | null;
  to: Date | null;
}

/** The member's balance and service period, by aggregate over the ledger. */
export async function totalsOf(db: Db, memberId: string): Promise<Totals> {
  const $ = db.command.aggregate;
  const [row] = await aggregateRows<Totals & { _id: null }>(db, 'timeBankEntries', (agg) =>
    agg.match({ memberId }).group({ _id: null, hours: $.sum('$hours'), from: $.min('$serviceDate'), to: $.max('$serviceDate') }),
  );
  // sums of halves and quarters are exact; round away float noise from odd configured steps
  return row ? { hours: Math.round(row.hours * 100) / 100, from: row.from, to: row.to } : { hours: 0, from: null, to: null };
}
